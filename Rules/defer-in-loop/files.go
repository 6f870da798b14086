package deferinloop

import (
	"compress/gzip"
	"io"
	"net"
	"net/http"
	"os"
	"time"
)

// Reported: every file stays open until countAll returns.
func countAll(paths []string) (int, error) {
	total := 0
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return total, err
		}
		defer f.Close() // want "defer f\\.Close\\(\\) runs only when the function returns, not at the end of each iteration: resources pile up with every iteration; wrap the loop body in a function or release explicitly"
		n, err := countIn(f)
		if err != nil {
			return total, err
		}
		total += n
	}
	return total, nil
}

// Reported: both the file and its gzip reader are kept until the function returns.
func sizeOfArchives(paths []string) (int, error) {
	total := 0
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return total, err
		}
		defer f.Close() // want "defer f\\.Close\\(\\) runs only when the function returns"
		zr, err := gzip.NewReader(f)
		if err != nil {
			return total, err
		}
		defer zr.Close() // want "defer zr\\.Close\\(\\) runs only when the function returns"
		n, err := countIn(zr)
		if err != nil {
			return total, err
		}
		total += n
	}
	return total, nil
}

// Reported: each response body, and its connection, is held until every URL is checked.
func checkAll(urls []string) map[string]int {
	status := make(map[string]int)
	for _, u := range urls {
		resp, err := http.Get(u)
		if err != nil {
			status[u] = -1
			continue
		}
		defer resp.Body.Close() // want "defer resp\\.Body\\.Close\\(\\) runs only when the function returns, not at the end of each iteration"
		status[u] = resp.StatusCode
	}
	return status
}

// Reported: the defer sits in an if inside the loop body; it still waits for the function to return.
func firstReachable(addrs []string) (string, error) {
	for _, addr := range addrs {
		conn, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			defer conn.Close() // want "defer conn\\.Close\\(\\) runs only when the function returns"
			if _, err := conn.Write([]byte("PING\r\n")); err == nil {
				return addr, nil
			}
		}
	}
	return "", errNoAddress
}

// Reported: the defer sits in a case of a switch inside the loop body.
func importAll(sources []Source) (int, error) {
	total := 0
	for _, src := range sources {
		switch src.Kind {
		case "file":
			f, err := os.Open(src.Path)
			if err != nil {
				return total, err
			}
			defer f.Close() // want "defer f\\.Close\\(\\) runs only when the function returns"
			n, err := countIn(f)
			if err != nil {
				return total, err
			}
			total += n
		case "skip":
		}
	}
	return total, nil
}

// Reported: the loop is inside a handler written as a function literal; the files pile up until the handler returns.
func concatHandler(dir string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for _, name := range r.URL.Query()["f"] {
			f, err := os.Open(dir + "/" + name)
			if err != nil {
				http.Error(w, err.Error(), http.StatusNotFound)
				return
			}
			defer f.Close() // want "defer f\\.Close\\(\\) runs only when the function returns"
			if _, err := io.Copy(w, f); err != nil {
				return
			}
		}
	}
}

package unclosedbody

import (
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
)

var errNotFound = errors.New("not found")

// Reported: the default branch of the switch returns without closing.
func lookup(u string) ([]byte, error) {
	resp, err := http.Get(u) // want "resp\\.Body is not closed on every path"
	if err != nil {
		return nil, err
	}
	switch resp.StatusCode {
	case http.StatusOK:
		defer resp.Body.Close()
		return io.ReadAll(resp.Body)
	case http.StatusNotFound:
		resp.Body.Close()
		return nil, errNotFound
	default:
		return nil, fmt.Errorf("lookup: %s", resp.Status)
	}
}

// Not reported: every branch of the switch closes the body.
func lookupClosed(u string) ([]byte, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	switch resp.StatusCode {
	case http.StatusOK:
		defer resp.Body.Close()
		return io.ReadAll(resp.Body)
	case http.StatusNotFound:
		resp.Body.Close()
		return nil, errNotFound
	default:
		resp.Body.Close()
		return nil, fmt.Errorf("lookup: %s", resp.Status)
	}
}

// Reported: the body is closed only when the status is an error.
func logFailure(u string) {
	resp, err := http.Get(u) // want "resp\\.Body is not closed on every path"
	if err != nil {
		log.Print(err)
		return
	}
	if resp.StatusCode >= 400 {
		log.Printf("%s: %s", u, resp.Status)
		resp.Body.Close()
	}
}

// Reported: continue skips the close at the end of the iteration.
func totalSize(urls []string) int64 {
	var total int64
	for _, u := range urls {
		resp, err := http.Get(u) // want "resp\\.Body is not closed on every path"
		if err != nil {
			continue
		}
		if resp.StatusCode != http.StatusOK {
			continue
		}
		n, _ := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		total += n
	}
	return total
}

// Reported: goto jumps over the close to the failure exit.
func checkHealth(u string) error {
	resp, err := http.Get(u) // want "resp\\.Body is not closed on every path"
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		goto unhealthy
	}
	resp.Body.Close()
	return nil
unhealthy:
	return fmt.Errorf("unhealthy: %s", resp.Status)
}

// Not reported: each iteration closes the body; the error path has nothing to close.
func totalSizeClosed(urls []string) int64 {
	var total int64
	for _, u := range urls {
		resp, err := http.Get(u)
		if err != nil {
			continue
		}
		n, _ := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		total += n
	}
	return total
}

// Not reported: a retry loop built with goto closes every response it gets.
func postWithRetry(u string, body func() io.Reader) error {
	attempts := 0
retry:
	resp, err := http.Post(u, "application/json", body())
	if err != nil {
		attempts++
		if attempts < 3 {
			goto retry
		}
		return err
	}
	resp.Body.Close()
	if resp.StatusCode >= 500 && attempts < 3 {
		attempts++
		goto retry
	}
	return nil
}

// Not reported: the path that skips the close ends in panic.
func mustFetch(u string) []byte {
	resp, err := http.Get(u)
	if err != nil {
		panic(err)
	}
	if resp.StatusCode != http.StatusOK {
		panic("fetch " + u + ": " + resp.Status)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		panic(err)
	}
	return b
}

// Not reported: the path that skips the close ends in log.Fatal.
func mustDownload(u string, w io.Writer) {
	resp, err := http.Get(u)
	if err != nil {
		log.Fatal(err)
	}
	if resp.StatusCode == http.StatusOK {
		defer resp.Body.Close()
		_, _ = io.Copy(w, resp.Body)
		return
	}
	log.Fatal("download " + u + ": " + resp.Status)
}

// Not reported: the path that skips the close ends in os.Exit.
func checkOrExit(u string) {
	resp, err := http.Head(u)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if resp.StatusCode != http.StatusOK {
		fmt.Fprintln(os.Stderr, u, resp.Status)
		os.Exit(1)
	}
	resp.Body.Close()
}

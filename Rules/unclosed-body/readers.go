package unclosedbody

import (
	"bufio"
	"encoding/xml"
	"io"
	"io/ioutil"
	"net/http"
	"os"
	"strings"
)

// Feed is an RSS channel.
type Feed struct {
	Title string `xml:"channel>title"`
}

// The readers below only read from the body; passing resp.Body to them does not close it.

// Reported: bufio.NewScanner reads lines but does not close the body.
func countLines(u string) (int, error) {
	resp, err := http.Get(u) // want "resp\\.Body is never closed"
	if err != nil {
		return 0, err
	}
	n := 0
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		n++
	}
	return n, sc.Err()
}

// Reported: xml.NewDecoder does not close the body.
func feedTitle(u string) (string, error) {
	resp, err := http.Get(u) // want "resp\\.Body is never closed"
	if err != nil {
		return "", err
	}
	var f Feed
	err = xml.NewDecoder(resp.Body).Decode(&f)
	return f.Title, err
}

// Reported: ioutil.ReadAll behind io.LimitReader does not close the body.
func fetchLimited(u string) ([]byte, error) {
	resp, err := http.Get(u) // want "resp\\.Body is never closed"
	if err != nil {
		return nil, err
	}
	return ioutil.ReadAll(io.LimitReader(resp.Body, 1<<20))
}

// Reported: bufio.NewReader does not close the body.
func firstLine(u string) (string, error) {
	resp, err := http.Get(u) // want "resp\\.Body is never closed"
	if err != nil {
		return "", err
	}
	return bufio.NewReader(resp.Body).ReadString('\n')
}

// Reported: io.CopyN does not close the body.
func peek(u string) (string, error) {
	resp, err := http.Get(u) // want "resp\\.Body is never closed"
	if err != nil {
		return "", err
	}
	var sb strings.Builder
	if _, err := io.CopyN(&sb, resp.Body, 512); err != nil && err != io.EOF {
		return "", err
	}
	return sb.String(), nil
}

// Reported: io.TeeReader and io.CopyBuffer do not close the body.
func saveAndEcho(u string, f *os.File) error {
	resp, err := http.Get(u) // want "resp\\.Body is never closed"
	if err != nil {
		return err
	}
	buf := make([]byte, 32<<10)
	_, err = io.CopyBuffer(os.Stdout, io.TeeReader(resp.Body, f), buf)
	return err
}

// Reported: io.MultiReader does not close the body.
func withHeader(u string, w io.Writer) error {
	resp, err := http.Get(u) // want "resp\\.Body is never closed"
	if err != nil {
		return err
	}
	_, err = io.Copy(w, io.MultiReader(strings.NewReader("# fetched\n"), resp.Body))
	return err
}

// Not reported: the same scanner, with the body closed by defer.
func countLinesClosed(u string) (int, error) {
	resp, err := http.Get(u)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	n := 0
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		n++
	}
	return n, sc.Err()
}

// Not reported: the body is drained and closed in a deferred closure.
func statusOnly(u string) (int, error) {
	resp, err := http.Get(u)
	if err != nil {
		return 0, err
	}
	defer func() {
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}()
	return resp.StatusCode, nil
}

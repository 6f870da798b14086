package unclosedbody

import (
	"bufio"
	"io"
	"net/http"
	"sync"
)

// Poller keeps the last response for later inspection.
type Poller struct {
	last    *http.Response
	pending []*http.Response
	onClose []func()
}

var (
	cacheMu sync.Mutex
	cache   = map[string]*http.Response{}
)

// Not reported: the response is returned to the caller.
func open(u string) (*http.Response, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

// Not reported: the body is returned as an io.ReadCloser.
func openBody(u string) (io.ReadCloser, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// Not reported: the response is stored in a struct field.
func (p *Poller) Poll(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	p.last = resp
	return nil
}

// Not reported: the response is appended to a slice field.
func (p *Poller) Queue(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	p.pending = append(p.pending, resp)
	return nil
}

// Not reported: the response is stored in a package-level map.
func prefetch(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	cacheMu.Lock()
	cache[u] = resp
	cacheMu.Unlock()
	return nil
}

// Not reported: the response is sent on a channel to a consumer.
func produce(urls []string, out chan<- *http.Response) {
	for _, u := range urls {
		resp, err := http.Get(u)
		if err != nil {
			continue
		}
		out <- resp
	}
}

// Not reported: the body is passed to a function that is not a plain reader.
func store(u string, save func(io.ReadCloser) error) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	return save(resp.Body)
}

// Not reported: a goroutine captures the response and closes it.
func streamAsync(u string, w io.Writer, done chan<- error) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	go func() {
		defer resp.Body.Close()
		_, err := io.Copy(w, resp.Body)
		done <- err
	}()
	return nil
}

// Not reported: a closure that closes the body is returned.
func openWithCleanup(u string) (io.Reader, func() error, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, nil, err
	}
	return resp.Body, func() error { return resp.Body.Close() }, nil
}

// Not reported: a closure that closes the body is stored in a field.
func (p *Poller) Track(u string) (io.Reader, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	p.onClose = append(p.onClose, func() { resp.Body.Close() })
	return resp.Body, nil
}

// Not reported: a closure that closes the body is passed to the caller's cleanup registry.
func openLog(u string, atExit func(func())) (*bufio.Scanner, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	atExit(func() { resp.Body.Close() })
	return bufio.NewScanner(resp.Body), nil
}

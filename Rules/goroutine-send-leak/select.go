package goroutinesendleak

import (
	"context"
	"io"
	"net"
	"net/http"
	"time"
)

// Reported: when ctx is done first the function returns and the lookup
// goroutine has nobody left to receive its value.
func lookupWithContext(ctx context.Context, key string) (string, error) {
	ch := make(chan string)
	go func() {
		ch <- slowLookup(key) // want "goroutine blocks forever sending on ch when this function returns without receiving: make the channel buffered, make\\(chan string, 1\\)"
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// Reported: time.After ends the wait; a slow download is left sending on results.
func fetchWithTimeout(u string, d time.Duration) ([]byte, error) {
	results := make(chan result)
	go func() {
		body, err := download(u)
		results <- result{body: body, err: err} // want "goroutine blocks forever sending on results when this function returns without receiving: make the channel buffered, make\\(chan result, 1\\)"
	}()
	select {
	case r := <-results:
		return r.body, r.err
	case <-time.After(d):
		return nil, errTimeout
	}
}

// Reported: the default case returns at once when the user is not loaded yet.
func tryLoad(s Store, id string) (*User, bool) {
	users := make(chan *User)
	go func() {
		u, _ := s.Load(id)
		users <- u // want "sending on users when this function returns without receiving: make the channel buffered, make\\(chan \\*User, 1\\)"
	}()
	select {
	case u := <-users:
		return u, true
	default:
		return nil, false
	}
}

// Reported: after a shutdown request ListenAndServe returns ErrServerClosed
// and its goroutine blocks on errc, which is no longer read.
func serveUntilDone(ctx context.Context, srv *http.Server) error {
	errc := make(chan error)
	go func() {
		errc <- srv.ListenAndServe() // want "sending on errc when this function returns without receiving: make the channel buffered, make\\(chan error, 1\\)"
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		return srv.Shutdown(context.Background())
	}
}

// Reported: the completion signal is an empty struct; the timeout path never waits for it.
func warmWithDeadline(keys []string, d time.Duration) error {
	done := make(chan struct{})
	go func() {
		warmCache(keys)
		done <- struct{}{} // want "sending on done when this function returns without receiving: make the channel buffered, make\\(chan struct\\{\\}, 1\\)"
	}()
	select {
	case <-done:
		return nil
	case <-time.After(d):
		return errTimeout
	}
}

// Reported: make(chan T, 0) is unbuffered too.
func resolve(ctx context.Context, r *net.Resolver, host string) ([]string, error) {
	addrs := make(chan []string, 0)
	go func() {
		a, _ := r.LookupHost(ctx, host)
		addrs <- a // want "sending on addrs when this function returns without receiving: make the channel buffered, make\\(chan \\[\\]string, 1\\)"
	}()
	select {
	case a := <-addrs:
		return a, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Reported: a stopped timer is as good a way out as time.After.
func loadWithTimer(s Store, id string, d time.Duration) (*User, error) {
	type loaded struct {
		u   *User
		err error
	}
	out := make(chan loaded)
	go func() {
		u, err := s.Load(id)
		out <- loaded{u, err} // want "sending on out when this function returns without receiving: make the channel buffered, make\\(chan loaded, 1\\)"
	}()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case l := <-out:
		return l.u, l.err
	case <-t.C:
		return nil, errTimeout
	}
}

// Reported: the handler falls off its end when the client goes away; the
// rendering goroutine is left holding the report.
func reportHandler(w http.ResponseWriter, r *http.Request) {
	out := make(chan []byte)
	go func() {
		out <- renderReport(r.URL.Query().Get("month")) // want "sending on out when this function returns without receiving: make the channel buffered, make\\(chan \\[\\]byte, 1\\)"
	}()
	select {
	case b := <-out:
		_, _ = w.Write(b)
	case <-r.Context().Done():
	}
}

// Reported: the receive sits in a loop, but the cancel case leaves the loop and the function.
func copyWithProgress(ctx context.Context, dst io.Writer, src *countingReader, report func(int64)) error {
	done := make(chan error)
	go func() {
		_, err := io.Copy(dst, src)
		done <- err // want "sending on done when this function returns without receiving: make the channel buffered, make\\(chan error, 1\\)"
	}()
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case err := <-done:
			return err
		case <-t.C:
			report(src.n.Load())
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

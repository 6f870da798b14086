package goroutinesendleak

import (
	"context"
	"log"
	"net/http"
	"strings"
	"time"
)

// Poller keeps the channel of its background fetch.
type Poller struct {
	results chan result
}

// Not reported: the buffer of one lets the goroutine finish after the caller gave up.
func lookupBuffered(ctx context.Context, key string) (string, error) {
	ch := make(chan string, 1)
	go func() {
		ch <- slowLookup(key)
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// Not reported: the server's error is received on every path; there is no other way out.
func serveAndLog(srv *http.Server, onStart func()) error {
	errc := make(chan error)
	go func() {
		errc <- srv.ListenAndServe()
	}()
	onStart()
	err := <-errc
	log.Printf("server stopped: %v", err)
	return err
}

// Not reported: the cancel case drains the channel before returning.
func lookupDrained(ctx context.Context, key string) (string, error) {
	ch := make(chan string)
	go func() {
		ch <- slowLookup(key)
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		<-ch
		return "", ctx.Err()
	}
}

// Not reported: the sender selects on ctx.Done too, so it can give up.
func loadOrCancel(ctx context.Context, s Store, id string) (*User, error) {
	users := make(chan *User)
	go func() {
		u, err := s.Load(id)
		if err != nil {
			return
		}
		select {
		case users <- u:
		case <-ctx.Done():
		}
	}()
	select {
	case u := <-users:
		return u, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Not reported: the sender drops the value when nobody is ready to take it.
func tryLoadNonBlocking(s Store, id string) (*User, bool) {
	users := make(chan *User)
	go func() {
		u, _ := s.Load(id)
		select {
		case users <- u:
		default:
		}
	}()
	select {
	case u := <-users:
		return u, true
	case <-time.After(50 * time.Millisecond):
		return nil, false
	}
}

// Not reported: the channel is returned; the caller receives from it.
func lookupAsync(key string) <-chan string {
	ch := make(chan string)
	go func() {
		ch <- slowLookup(key)
	}()
	return ch
}

// Not reported: the channel is passed to another function, which owns the receive.
func lookupVia(ctx context.Context, key string, wait func(context.Context, <-chan string) (string, error)) (string, error) {
	ch := make(chan string)
	go func() {
		ch <- slowLookup(key)
	}()
	return wait(ctx, ch)
}

// Not reported: the channel is stored in a field and read later.
func (p *Poller) Start(u string) {
	ch := make(chan result)
	go func() {
		body, err := download(u)
		ch <- result{body: body, err: err}
	}()
	p.results = ch
}

// Not reported: the sender closes the channel and the function ranges over it to the end.
func words(text string) []string {
	ch := make(chan string)
	go func() {
		defer close(ch)
		for _, w := range strings.Fields(text) {
			ch <- strings.ToLower(w)
		}
	}()
	var out []string
	for w := range ch {
		out = append(out, w)
	}
	return out
}

// Not reported: the channel comes from the caller; this function did not make it.
func produce(ctx context.Context, keys []string, out chan<- string) {
	go func() {
		for _, k := range keys {
			out <- slowLookup(k)
		}
	}()
	<-ctx.Done()
}

// Not reported: the only other way out ends the process.
func mustLookup(key string, d time.Duration) string {
	ch := make(chan string)
	go func() {
		ch <- slowLookup(key)
	}()
	select {
	case v := <-ch:
		return v
	case <-time.After(d):
		log.Fatalf("lookup %s: no answer after %v", key, d)
	}
	return ""
}

// Not reported: a buffered channel with a named capacity.
func createUserBuffered(name, email string) (*User, error) {
	const pending = 1
	ids := make(chan string, pending)
	go func() {
		ids <- newID()
	}()
	if !strings.Contains(email, "@") {
		return nil, errForbidden
	}
	return &User{ID: <-ids, Name: name}, nil
}

// Package go123 is a module that declares go 1.23. Since Go 1.23 a timer or
// ticker that nothing references any more is garbage collected even if it
// was never stopped, so none of the code below is reported by
// unstopped-timer, although each function would be under go 1.22 or earlier.
package go123

import (
	"context"
	"log"
	"time"
)

// Result is what a backend call produces.
type Result struct {
	Value string
}

// Not reported (Go 1.23): a ticker that is never stopped.
func monitor(ctx context.Context, check func() bool) error {
	t := time.NewTicker(10 * time.Second)
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			if !check() {
				log.Print("unhealthy")
			}
		}
	}
}

// Not reported (Go 1.23): a ticker stopped on one path only.
func pollStatus(ctx context.Context, done func() (bool, error)) error {
	t := time.NewTicker(time.Second)
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			ok, err := done()
			if err != nil {
				return err
			}
			if ok {
				t.Stop()
				return nil
			}
		}
	}
}

// Not reported (Go 1.23): a timer left pending when the result wins.
func callWithTimeout(results <-chan Result, d time.Duration) (Result, bool) {
	t := time.NewTimer(d)
	select {
	case r := <-results:
		return r, true
	case <-t.C:
		return Result{}, false
	}
}

// Not reported (Go 1.23): time.Tick in a function that returns.
func waitReady(ready func() bool) {
	for range time.Tick(100 * time.Millisecond) {
		if ready() {
			return
		}
	}
}

// Not reported (Go 1.23): time.After in a loop.
func consume(in <-chan string, idle time.Duration) {
	for {
		select {
		case msg := <-in:
			log.Print(msg)
		case <-time.After(idle):
			return
		}
	}
}

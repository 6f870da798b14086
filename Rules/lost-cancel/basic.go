package lostcancel

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"time"
)

// Reported: an early return on bad input skips the cancel call.
func fetchUser(parent context.Context, id string) (*User, error) {
	ctx, cancel := context.WithTimeout(parent, 2*time.Second) // want "WithTimeout is not called on every path: the context and its timer leak"
	if id == "" {
		return nil, errEmptyID // related "this return leaves cancel uncalled"
	}
	u, err := lookupUser(ctx, id)
	cancel()
	return u, err
}

// Reported: two returns skip cancel; only the first one in source order is the witness.
func sendNotice(parent context.Context, to, body string) error {
	ctx, cancel := context.WithTimeout(parent, 3*time.Second) // want "WithTimeout is not called on every path"
	if to == "" {
		return errors.New("no recipient") // related "this return leaves cancel uncalled"
	}
	if body == "" {
		return errors.New("empty body")
	}
	err := deliver(ctx, to, body)
	cancel()
	return err
}

// Reported: cancel is called only when preloading fails; the success path falls off the end.
func warmCache(parent context.Context) {
	ctx, cancel := context.WithCancel(parent) // want "WithCancel is not called on every path: the context leaks until the parent is cancelled"
	if err := ping(ctx, "cache:6379"); err != nil {
		cancel()
		log.Print(err)
	}
} // related "the end of the function is reached with cancel uncalled"

// Reported: the cancel function of WithCancel is thrown away.
func backgroundContext(parent context.Context) context.Context {
	ctx, _ := context.WithCancel(parent) // want "WithCancel is discarded: the context leaks until the parent is cancelled; assign it and defer"
	return ctx
}

// Reported: the cancel function of WithTimeout is thrown away.
func requestContext(r *http.Request) context.Context {
	ctx, _ := context.WithTimeout(r.Context(), 5*time.Second) // want "WithTimeout is discarded: the context and its timer leak"
	return ctx
}

// Reported: the cancel function of WithDeadline is thrown away.
func untilMidnight(parent context.Context, midnight time.Time) context.Context {
	ctx, _ := context.WithDeadline(parent, midnight) // want "WithDeadline is discarded"
	return ctx
}

// Reported: a handler written as a function literal is checked on its own; its early return skips cancel.
func searchHandler(backend func(context.Context, string) (Report, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), time.Second) // want "WithTimeout is not called on every path"
		q := r.URL.Query().Get("q")
		if q == "" {
			http.Error(w, "missing q", http.StatusBadRequest)
			return // related "this return leaves cancel uncalled"
		}
		rep, err := backend(ctx, q)
		cancel()
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		fmt.Fprintf(w, "%d rows\n", rep.Rows)
	}
}

// Not reported: the usual idiom, defer cancel() right after the call.
func getUser(parent context.Context, id string) (*User, error) {
	ctx, cancel := context.WithTimeout(parent, 2*time.Second)
	defer cancel()
	return lookupUser(ctx, id)
}

// Not reported: cancel is called inside a deferred closure.
func queryWithLog(parent context.Context, q string) (Report, error) {
	ctx, cancel := context.WithTimeout(parent, 10*time.Second)
	start := time.Now()
	defer func() {
		cancel()
		log.Printf("query %q took %s", q, time.Since(start))
	}()
	return runQuery(ctx, q)
}

// Not reported: the early return on error happens before the context exists.
func fetchProfile(parent context.Context, id string) (*User, error) {
	if id == "" {
		return nil, errEmptyID
	}
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	return lookupUser(ctx, id)
}

// Not reported: the error-check idiom; every return comes after defer cancel().
func statusOf(parent context.Context, url string) (int, error) {
	ctx, cancel := context.WithTimeout(parent, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// Not reported: the variable is declared first and assigned in both branches, then deferred.
func withOptionalTimeout(parent context.Context, d time.Duration, q string) (Report, error) {
	var ctx context.Context
	var cancel context.CancelFunc
	if d > 0 {
		ctx, cancel = context.WithTimeout(parent, d)
	} else {
		ctx, cancel = context.WithCancel(parent)
	}
	defer cancel()
	return runQuery(ctx, q)
}

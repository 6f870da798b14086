package lostcancel

import (
	"context"
	"time"
)

// Reported: a failed ping returns from inside the loop before cancel.
func pingAll(parent context.Context, hosts []string) error {
	for _, h := range hosts {
		ctx, cancel := context.WithTimeout(parent, time.Second) // want "WithTimeout is not called on every path"
		if err := ping(ctx, h); err != nil {
			return err // related "this return leaves cancel uncalled"
		}
		cancel()
	}
	return nil
}

// Reported: continue skips cancel; that path reaches the return after the loop.
func deliverAll(parent context.Context, to []string, body string) error {
	for _, addr := range to {
		ctx, cancel := context.WithTimeout(parent, time.Second) // want "WithTimeout is not called on every path"
		if addr == "" {
			continue
		}
		_ = deliver(ctx, addr, body)
		cancel()
	}
	return nil // related "this return leaves cancel uncalled"
}

// Reported: cancel runs only on the stop message; a closed channel ends the loop without it.
func consume(parent context.Context, in <-chan string) {
	ctx, cancel := context.WithCancel(parent) // want "WithCancel is not called on every path"
	for msg := range in {
		if msg == "stop" {
			cancel()
			return
		}
		handle(ctx, msg)
	}
} // related "the end of the function is reached with cancel uncalled"

// Not reported: each iteration calls cancel before its error check.
func pingEach(parent context.Context, hosts []string) error {
	for _, h := range hosts {
		ctx, cancel := context.WithTimeout(parent, time.Second)
		err := ping(ctx, h)
		cancel()
		if err != nil {
			return err
		}
	}
	return nil
}

// Not reported: break leaves the loop and cancel runs after it.
func drain(parent context.Context, in <-chan string) {
	ctx, cancel := context.WithCancel(parent)
	for msg := range in {
		if msg == "" {
			break
		}
		handle(ctx, msg)
	}
	cancel()
}

// Not reported: each iteration's work is wrapped in a function with its own defer.
func queryAll(parent context.Context, queries []string) (int, error) {
	total := 0
	for _, q := range queries {
		n, err := func() (int, error) {
			ctx, cancel := context.WithTimeout(parent, 2*time.Second)
			defer cancel()
			rep, err := runQuery(ctx, q)
			return rep.Rows, err
		}()
		if err != nil {
			return total, err
		}
		total += n
	}
	return total, nil
}

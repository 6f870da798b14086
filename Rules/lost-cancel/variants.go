package lostcancel

import (
	"context"
	"errors"
	"time"
)

var errShutdown = errors.New("shutting down")

// Reported: WithCancelCause; the cause is only set when the query fails.
func queryOrCancel(parent context.Context, q string) (Report, error) {
	ctx, cancel := context.WithCancelCause(parent) // want "WithCancelCause is not called on every path: the context leaks"
	rep, err := runQuery(ctx, q)
	if err != nil {
		cancel(err)
		return Report{}, err
	}
	return rep, nil // related "this return leaves cancel uncalled"
}

// Reported: WithDeadline; the empty-batch shortcut skips cancel.
func flushBy(parent context.Context, deadline time.Time, batch []string) error {
	ctx, cancel := context.WithDeadline(parent, deadline) // want "WithDeadline is not called on every path: the context and its timer leak"
	if len(batch) == 0 {
		return nil // related "this return leaves cancel uncalled"
	}
	defer cancel()
	for _, b := range batch {
		handle(ctx, b)
	}
	return nil
}

// Reported: WithTimeoutCause; cancel is only called when delivery fails.
func deliverWithCause(parent context.Context, to string) {
	ctx, cancel := context.WithTimeoutCause(parent, time.Second, errors.New("mail server too slow")) // want "WithTimeoutCause is not called on every path"
	if err := deliver(ctx, to, "hello"); err != nil {
		cancel()
	}
} // related "the end of the function is reached with cancel uncalled"

// Reported: the cancel function of WithCancelCause is thrown away.
func detached(parent context.Context) context.Context {
	ctx, _ := context.WithCancelCause(parent) // want "WithCancelCause is discarded: the context leaks until the parent is cancelled"
	return ctx
}

// Reported: the cancel function of WithDeadlineCause is thrown away.
func closingTime(parent context.Context, at time.Time) context.Context {
	ctx, _ := context.WithDeadlineCause(parent, at, errShutdown) // want "WithDeadlineCause is discarded: the context and its timer leak"
	return ctx
}

// Not reported: WithCancelCause with a deferred call that records the cause.
func runWithCause(parent context.Context, q string) (rep Report, err error) {
	ctx, cancel := context.WithCancelCause(parent)
	defer func() { cancel(err) }()
	return runQuery(ctx, q)
}

// Not reported: WithTimeoutCause deferred right after the call.
func pingWithCause(parent context.Context, host string) error {
	ctx, cancel := context.WithTimeoutCause(parent, time.Second, errors.New("ping timed out"))
	defer cancel()
	return ping(ctx, host)
}

// Not reported: WithDeadlineCause whose cancel is returned.
func untilShutdown(parent context.Context, at time.Time) (context.Context, context.CancelFunc) {
	return context.WithDeadlineCause(parent, at, errShutdown)
}

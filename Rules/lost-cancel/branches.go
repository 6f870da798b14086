package lostcancel

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"time"
)

// Reported: the default branch of the switch returns without cancel.
func notify(parent context.Context, channel, to string) error {
	ctx, cancel := context.WithTimeout(parent, 5*time.Second) // want "WithTimeout is not called on every path"
	switch channel {
	case "email":
		err := deliver(ctx, to, "email")
		cancel()
		return err
	case "sms":
		err := deliver(ctx, to, "sms")
		cancel()
		return err
	default:
		return fmt.Errorf("unknown channel %q", channel) // related "this return leaves cancel uncalled"
	}
}

// Not reported: every branch of the switch calls cancel before returning.
func notifyAll(parent context.Context, channel, to string) error {
	ctx, cancel := context.WithTimeout(parent, 5*time.Second)
	switch channel {
	case "email":
		err := deliver(ctx, to, "email")
		cancel()
		return err
	case "sms":
		err := deliver(ctx, to, "sms")
		cancel()
		return err
	default:
		cancel()
		return fmt.Errorf("unknown channel %q", channel)
	}
}

// Reported: the else branch forgets cancel and falls off the end.
func refresh(parent context.Context, force bool) {
	ctx, cancel := context.WithCancel(parent) // want "WithCancel is not called on every path"
	if force {
		handle(ctx, "refresh")
		cancel()
	} else {
		handle(ctx, "refresh-if-stale")
	}
} // related "the end of the function is reached with cancel uncalled"

// Reported: one case of the select returns without cancel; the variable is named stop.
func firstAnswer(parent context.Context, answers <-chan string) (string, error) {
	ctx, stop := context.WithTimeout(parent, time.Second) // want "defer stop\\(\\) right after the call"
	select {
	case a := <-answers:
		return a, nil // related "this return leaves stop uncalled"
	case <-ctx.Done():
		stop()
		return "", ctx.Err()
	}
}

// Reported: goto jumps over the cancel call to the failure exit.
func provision(parent context.Context, host string) error {
	ctx, cancel := context.WithTimeout(parent, time.Minute) // want "WithTimeout is not called on every path"
	if err := ping(ctx, host); err != nil {
		goto fail
	}
	cancel()
	return nil
fail:
	return errors.New("provision " + host + ": unreachable") // related "this return leaves cancel uncalled"
}

// Not reported: a retry loop built with goto calls cancel on every attempt.
func pingWithRetry(parent context.Context, host string) error {
	attempt := 0
again:
	ctx, cancel := context.WithTimeout(parent, time.Second)
	err := ping(ctx, host)
	cancel()
	if err != nil && attempt < 3 {
		attempt++
		goto again
	}
	return err
}

// Not reported: the only path without cancel ends in panic.
func mustDeadline(parent context.Context, d time.Duration) time.Time {
	ctx, cancel := context.WithTimeout(parent, d)
	if dl, ok := ctx.Deadline(); ok {
		cancel()
		return dl
	}
	panic("context has no deadline")
}

// Not reported: the only path without cancel ends in log.Fatal, which exits the process.
func mustPing(parent context.Context, host string) {
	ctx, cancel := context.WithTimeout(parent, 5*time.Second)
	err := ping(ctx, host)
	if err == nil {
		cancel()
		return
	}
	log.Fatal(err)
}

// Not reported: the only path without cancel ends in os.Exit.
func checkOrExit(parent context.Context, host string) {
	ctx, cancel := context.WithTimeout(parent, 5*time.Second)
	if err := ping(ctx, host); err == nil {
		cancel()
		return
	}
	fmt.Fprintln(os.Stderr, "health check failed:", host)
	os.Exit(1)
}

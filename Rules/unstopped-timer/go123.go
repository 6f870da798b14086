//go:build go1.23

package unstoppedtimer

import (
	"context"
	"log"
	"time"
)

// The build constraint above raises this file's Go version to 1.23, where
// unreferenced timers and tickers are collected: nothing here is reported.

// Not reported (Go 1.23): a ticker that is never stopped.
func monitor123(ctx context.Context, addr string) error {
	t := time.NewTicker(10 * time.Second)
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			if !healthy(addr) {
				log.Printf("%s is unhealthy", addr)
			}
		}
	}
}

// Not reported (Go 1.23): a timer left pending when the context wins.
func sleepCtx123(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Not reported (Go 1.23): time.Tick in a function that returns.
func waitReady123(addr string) {
	for range time.Tick(100 * time.Millisecond) {
		if healthy(addr) {
			return
		}
	}
}

// Not reported (Go 1.23): time.After in a loop.
func consume123(in <-chan string, idle time.Duration) {
	for {
		select {
		case msg := <-in:
			log.Print(msg)
		case <-time.After(idle):
			return
		}
	}
}

package unstoppedtimer

import (
	"context"
	"log"
	"time"
)

// Reported: time.Tick in a function that returns once the service is ready.
func waitReady(addr string) {
	for range time.Tick(100 * time.Millisecond) { // want "time\\.Tick leaks its ticker when this function returns"
		if healthy(addr) {
			return
		}
	}
}

// Reported: time.Tick with a cancellation case that returns.
func refreshLoop(ctx context.Context, refresh func()) error {
	tick := time.Tick(time.Minute) // want "time\\.Tick leaks its ticker when this function returns \\(before Go 1\\.23\\); use time\\.NewTicker and defer Stop\\(\\)"
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick:
			refresh()
		}
	}
}

// Reported: a fixed number of samples, then the function returns.
func sample(n int, read func() float64) []float64 {
	out := make([]float64, 0, n)
	tick := time.Tick(time.Second) // want "leaks its ticker when this function returns"
	for i := 0; i < n; i++ {
		<-tick
		out = append(out, read())
	}
	return out
}

// Not reported: for range time.Tick never ends, so the function never returns.
func heartbeat() {
	for range time.Tick(time.Minute) {
		log.Print("alive")
	}
}

// Not reported: the endless for loop means the function never returns.
func flusher() {
	tick := time.Tick(5 * time.Second)
	for {
		<-tick
		flush()
	}
}

// Not reported: time.NewTicker with defer Stop, the fix for time.Tick.
func waitReadyStopped(addr string) {
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for range t.C {
		if healthy(addr) {
			return
		}
	}
}

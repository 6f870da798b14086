package deferinloop

import (
	"context"
	"errors"
	"time"
)

// Reported: each attempt's timeout context and timer live until the retry loop returns.
func pingWithRetry(parent context.Context, ping func(context.Context) error) error {
	var err error
	for attempt := 1; attempt <= 3; attempt++ {
		ctx, cancel := context.WithTimeout(parent, time.Second)
		defer cancel() // want "defer cancel\\(\\) runs only when the function returns, not at the end of each iteration"
		if err = ping(ctx); err == nil {
			return nil
		}
	}
	return err
}

// Reported: a for-condition loop; the variable is named cancelFunc.
func runUntilStopped(parent context.Context, stopped func() bool, once func(context.Context)) {
	for !stopped() {
		ctx, cancelFunc := context.WithCancel(parent)
		defer cancelFunc() // want "defer cancelFunc\\(\\) runs only when the function returns"
		once(ctx)
	}
}

// Reported: stop is the cancel function returned by context.WithDeadline in the loop.
func deliverBy(parent context.Context, deadlines []time.Time, send func(context.Context) error) error {
	for _, d := range deadlines {
		ctx, stop := context.WithDeadline(parent, d)
		defer stop() // want "defer stop\\(\\) runs only when the function returns"
		if err := send(ctx); err != nil {
			return err
		}
	}
	return nil
}

// Reported: one timer per message stays in the timer heap until the channel is drained.
func forward(in <-chan Msg, out chan<- Msg, timeout time.Duration) error {
	for m := range in {
		t := time.NewTimer(timeout)
		defer t.Stop() // want "defer t\\.Stop\\(\\) runs only when the function returns"
		select {
		case out <- m:
		case <-t.C:
			return errors.New("forward: consumer too slow")
		}
	}
	return nil
}

// Reported: nested loops; the ticker created in the inner loop is stopped only when the function returns.
func probeAll(groups [][]string, probe func(string) bool) int {
	healthy := 0
	for _, g := range groups {
		for _, host := range g {
			tk := time.NewTicker(100 * time.Millisecond)
			defer tk.Stop() // want "defer tk\\.Stop\\(\\) runs only when the function returns"
			for i := 0; i < 3 && !probe(host); i++ {
				<-tk.C
			}
			healthy++
		}
	}
	return healthy
}

package unstoppedtimer

import (
	"context"
	"fmt"
	"log"
	"os"
	"sync"
	"time"
)

// Poller refreshes a value on every tick until it is closed.
type Poller struct {
	ticker *time.Ticker
	stop   func()
}

var (
	tickersMu sync.Mutex
	tickers   = map[string]*time.Ticker{}
)

// Reported: the ticker keeps firing after the context is cancelled and the function returns.
func monitor(ctx context.Context, addr string) error {
	t := time.NewTicker(10 * time.Second) // want "ticker t is never stopped: it keeps firing and is never collected"
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

// Reported: the ticker is stopped when the job finishes, not when the check fails or ctx ends.
func pollStatus(ctx context.Context, job string) error {
	t := time.NewTicker(time.Second) // want "ticker t is not stopped on every path: it keeps firing"
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			done, err := jobDone(job)
			if err != nil {
				return err
			}
			if done {
				t.Stop()
				return nil
			}
		}
	}
}

// Reported: a fixed number of beats, then the function returns with the ticker running.
func sendHeartbeats(n int, beat func()) {
	heartbeat := time.NewTicker(500 * time.Millisecond) // want "ticker heartbeat is never stopped"
	for i := 0; i < n; i++ {
		<-heartbeat.C
		beat()
	}
}

// Reported: the validation return comes after the ticker is created but before defer Stop.
func reportProgress(total int, done func() int) error {
	t := time.NewTicker(time.Second) // want "ticker t is not stopped on every path"
	if total <= 0 {
		return fmt.Errorf("nothing to do: total=%d", total)
	}
	defer t.Stop()
	for range t.C {
		n := done()
		report("%d/%d", n, total)
		if n >= total {
			return nil
		}
	}
	return nil
}

// Not reported: the usual idiom, defer t.Stop() right after NewTicker.
func monitorStopped(ctx context.Context, addr string) error {
	t := time.NewTicker(10 * time.Second)
	defer t.Stop()
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

// Not reported: Stop is called inside a deferred closure.
func pollLogged(ctx context.Context, job string) error {
	t := time.NewTicker(time.Second)
	defer func() {
		t.Stop()
		log.Printf("stopped polling %s", job)
	}()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			if done, err := jobDone(job); err != nil || done {
				return err
			}
		}
	}
}

// Not reported: the early return on bad input happens before the ticker exists.
func beats(n int, beat func()) error {
	if n <= 0 {
		return fmt.Errorf("bad beat count %d", n)
	}
	t := time.NewTicker(500 * time.Millisecond)
	defer t.Stop()
	for i := 0; i < n; i++ {
		<-t.C
		beat()
	}
	return nil
}

// Not reported: the ticker is handed to a helper that owns it.
func startPolling(ctx context.Context, refresh func()) {
	t := time.NewTicker(time.Minute)
	go runTicker(ctx, t, refresh)
}

func runTicker(ctx context.Context, t *time.Ticker, f func()) {
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			f()
		}
	}
}

// Not reported: the ticker is returned to the caller.
func newRefreshTicker(d time.Duration) *time.Ticker {
	t := time.NewTicker(d)
	return t
}

// Not reported: the ticker is stored in a struct field and stopped by Close.
func NewPoller(d time.Duration) *Poller {
	p := &Poller{}
	p.ticker = time.NewTicker(d)
	return p
}

// Close stops the poller's ticker.
func (p *Poller) Close() { p.ticker.Stop() }

// Not reported: the ticker is stored in a package-level map.
func register(name string, d time.Duration) <-chan time.Time {
	t := time.NewTicker(d)
	tickersMu.Lock()
	tickers[name] = t
	tickersMu.Unlock()
	return t.C
}

// Not reported: a closure that stops the ticker is stored in a field.
func (p *Poller) Start(d time.Duration) <-chan time.Time {
	t := time.NewTicker(d)
	p.stop = func() { t.Stop() }
	return t.C
}

// Not reported: a goroutine owns the ticker and stops it when ctx ends.
func flushEvery(ctx context.Context, d time.Duration) {
	t := time.NewTicker(d)
	go func() {
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				flush()
			}
		}
	}()
}

// Not reported: for range over the ticker never ends, so the function never returns.
func reportStats(count func() int) {
	t := time.NewTicker(10 * time.Second)
	for range t.C {
		log.Printf("orders: %d", count())
	}
}

// Not reported: every branch of the switch stops the ticker before returning.
func waitFor(kind string, ready func() bool) error {
	t := time.NewTicker(100 * time.Millisecond)
	switch kind {
	case "poll":
		for !ready() {
			<-t.C
		}
		t.Stop()
		return nil
	case "once":
		t.Stop()
		if !ready() {
			return errTimeout
		}
		return nil
	default:
		t.Stop()
		return fmt.Errorf("unknown wait kind %q", kind)
	}
}

// Reported: the default branch of the switch returns without stopping the ticker.
func waitForKind(kind string, ready func() bool) error {
	t := time.NewTicker(100 * time.Millisecond) // want "ticker t is not stopped on every path"
	switch kind {
	case "poll":
		for !ready() {
			<-t.C
		}
		t.Stop()
		return nil
	case "once":
		t.Stop()
		if !ready() {
			return errTimeout
		}
		return nil
	default:
		return fmt.Errorf("unknown wait kind %q", kind)
	}
}

// Reported: the timeout exit returns before the label that stops the ticker.
func awaitQuorum(n int, votes func() int) error {
	t := time.NewTicker(time.Second) // want "ticker t is not stopped on every path"
	for i := 0; i < 10; i++ {
		<-t.C
		if votes() >= n {
			goto done
		}
	}
	return errTimeout
done:
	t.Stop()
	return nil
}

// Not reported: goto leaves the loop towards the label that stops the ticker.
func awaitQuorumStopped(n int, votes func() int) (err error) {
	t := time.NewTicker(time.Second)
	for i := 0; i < 10; i++ {
		<-t.C
		if votes() >= n {
			goto done
		}
	}
	err = errTimeout
done:
	t.Stop()
	return err
}

// Not reported: a closure that stops the ticker is passed to the shutdown registry.
func tickUntilShutdown(d time.Duration, onShutdown func(func())) <-chan time.Time {
	t := time.NewTicker(d)
	onShutdown(func() { t.Stop() })
	return t.C
}

// Not reported: the path that skips Stop ends in panic.
func mustWarmUp(ready func() bool) {
	t := time.NewTicker(100 * time.Millisecond)
	for i := 0; i < 50; i++ {
		<-t.C
		if ready() {
			t.Stop()
			return
		}
	}
	panic("service did not warm up in 5s")
}

// Not reported: the path that skips Stop ends in log.Fatal.
func waitForLeader(isLeader func() bool) {
	t := time.NewTicker(time.Second)
	for i := 0; i < 30; i++ {
		<-t.C
		if isLeader() {
			t.Stop()
			return
		}
	}
	log.Fatal("no leader elected after 30s")
}

// Not reported: the path that skips Stop ends in os.Exit.
func waitForDisk(ready func() bool) {
	t := time.NewTicker(time.Second)
	for i := 0; i < 10; i++ {
		<-t.C
		if ready() {
			t.Stop()
			return
		}
	}
	fmt.Fprintln(os.Stderr, "disk not ready")
	os.Exit(1)
}

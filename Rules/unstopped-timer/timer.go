package unstoppedtimer

import (
	"context"
	"time"
)

// Debouncer fires once the input has been quiet for a while.
type Debouncer struct {
	timer *time.Timer
}

// Reported: when the result arrives first, the function returns with the timer pending.
func callWithTimeout(results <-chan Result, d time.Duration) (Result, error) {
	t := time.NewTimer(d) // want "timer t is not stopped on every path that returns before it fires: it is not collected until it fires"
	select {
	case r := <-results:
		return r, nil
	case <-t.C:
		return Result{}, errTimeout
	}
}

// Reported: a cancelled context returns before the timer has fired.
func sleepCtx(ctx context.Context, d time.Duration) error {
	delay := time.NewTimer(d) // want "timer delay is not stopped on every path that returns before it fires"
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-delay.C:
		return nil
	}
}

// Reported: the validation return skips both the receive and Stop.
func retryAfter(d time.Duration, target string, op func(string) error) error {
	t := time.NewTimer(d) // want "timer t is not stopped on every path that returns before it fires"
	if target == "" {
		return errNoTarget
	}
	<-t.C
	return op(target)
}

// Not reported: the early return happens before the timer exists.
func retryAfterChecked(d time.Duration, target string, op func(string) error) error {
	if target == "" {
		return errNoTarget
	}
	t := time.NewTimer(d)
	<-t.C
	return op(target)
}

// Not reported: the cancel branch stops the timer; the other branch has received from t.C.
func sleepCtxStopped(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	select {
	case <-ctx.Done():
		t.Stop()
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Not reported: defer t.Stop() covers every return.
func callWithTimeoutStopped(results <-chan Result, d time.Duration) (Result, error) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case r := <-results:
		return r, nil
	case <-t.C:
		return Result{}, errTimeout
	}
}

// Not reported: the timer is stored in a struct field; Reset and Stop happen later.
func NewDebouncer(quiet time.Duration) *Debouncer {
	d := &Debouncer{}
	d.timer = time.NewTimer(quiet)
	return d
}

// Not reported: the timer is returned to the caller.
func deadlineTimer(at time.Time) *time.Timer {
	t := time.NewTimer(time.Until(at))
	return t
}

// Not reported: the only path that returns without receiving ends in panic.
func awaitOrCrash(fatal <-chan error, grace time.Duration) {
	t := time.NewTimer(grace)
	select {
	case <-t.C:
		return
	case err := <-fatal:
		panic(err)
	}
}

// Not reported: a deferred closure stops the timer and records how long the call took.
func timedCall(results <-chan Result, d time.Duration, record func(time.Duration)) (Result, error) {
	start := time.Now()
	t := time.NewTimer(d)
	defer func() {
		t.Stop()
		record(time.Since(start))
	}()
	select {
	case r := <-results:
		return r, nil
	case <-t.C:
		return Result{}, errTimeout
	}
}

// Not reported: a goto retry loop stops or drains its timer before every jump and return.
func connectWithBackoff(ctx context.Context, dial func() error) error {
	backoff := 100 * time.Millisecond
retry:
	if err := dial(); err == nil {
		return nil
	}
	t := time.NewTimer(backoff)
	select {
	case <-ctx.Done():
		t.Stop()
		return ctx.Err()
	case <-t.C:
	}
	backoff *= 2
	goto retry
}

// Not reported: a closure that stops the timer is returned to the caller.
func startDeadline(d time.Duration) (<-chan time.Time, func() bool) {
	t := time.NewTimer(d)
	return t.C, func() bool { return t.Stop() }
}

package unusedsuppression

import (
	"context"
	"io"
	"net/http"
	"sync"
	"time"
)

// Reported: cancel is deferred, so there is no lost-cancel finding to suppress.
func lookup(parent context.Context, id string) error {
	//nolint:lost-cancel // want "this suppression comment matches no lost-cancel finding; remove it"
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	return find(ctx, id)
}

// Reported: the body is closed, so the staticcheck-style directive matches nothing.
func fetch(u string) ([]byte, error) {
	//lint:ignore unclosed-body closed by the caller // want "this suppression comment matches no unclosed-body finding"
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// Reported: a trailing directive on a ticker that is stopped.
func every(d time.Duration, n int, f func()) {
	t := time.NewTicker(d) //leaklint:ignore unstopped-timer stopped below // want "this suppression comment matches no unstopped-timer finding"
	defer t.Stop()
	for i := 0; i < n; i++ {
		<-t.C
		f()
	}
}

// Reported: neither id matches a finding; the first unused one is named.
func processAll(ids []string) {
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		//nolint:loop-var-capture,lost-cancel // want "this suppression comment matches no loop-var-capture finding"
		go func(id string) {
			defer wg.Done()
			process(id)
		}(id)
	}
	wg.Wait()
}

// Reported: unclosed-body matches the finding below, unstopped-timer matches nothing.
func status(u string) (int, error) {
	//nolint:unclosed-body,unstopped-timer // want "this suppression comment matches no unstopped-timer finding"
	resp, err := http.Head(u)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// Reported: a foreign id is skipped, the leaklint id matches nothing.
func lookupChecked(parent context.Context, id string) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	//nolint:errcheck,lost-cancel // want "this suppression comment matches no lost-cancel finding"
	return find(ctx, id)
}

// Reported: a staticcheck-style directive without a reason.
func lookupNoReason(parent context.Context, id string) error {
	//lint:ignore lost-cancel // want "suppression comment needs a reason after the rule id"
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	return find(ctx, id)
}

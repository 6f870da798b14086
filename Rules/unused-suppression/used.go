package unusedsuppression

import (
	"bufio"
	"context"
	"io/ioutil"
	"net/http"
	"time"
)

// Not reported: the directive suppresses a real lost-cancel finding (discarded cancel).
func processContext() context.Context {
	//nolint:lost-cancel
	ctx, _ := context.WithCancel(context.Background())
	return ctx
}

// Not reported: a trailing staticcheck-style directive suppresses a real unclosed-body finding.
func lines(u string) (int, error) {
	resp, err := http.Get(u) //lint:ignore unclosed-body the server closes the stream after the last line
	if err != nil {
		return 0, err
	}
	n := 0
	for sc := bufio.NewScanner(resp.Body); sc.Scan(); {
		n++
	}
	return n, nil
}

// Not reported: the leaklint directive suppresses a real discarded WithTimeout.
func requestContext(r *http.Request) context.Context {
	//leaklint:ignore lost-cancel the request context ends with the request
	ctx, _ := context.WithTimeout(r.Context(), 5*time.Second)
	return ctx
}

// Not reported: one id matches the unclosed-body finding, the other is foreign.
func ping(u string) error {
	//nolint:unclosed-body,errcheck
	_, err := http.Get(u)
	return err
}

// Not reported: the directive suppresses a real unstopped-timer finding.
func waitUp(up func() bool) {
	//leaklint:ignore unstopped-timer called once at start-up
	for range time.Tick(100 * time.Millisecond) {
		if up() {
			return
		}
	}
}

// Not reported: the directive suppresses a real loop-var-capture finding.
func notifyAll(ids []string, notify func(string)) {
	for _, id := range ids {
		go func() {
			notify(id) //nolint:loop-var-capture
		}()
	}
}

// Not reported: a plain nolint names no rule.
func statusCode(u string) int {
	//nolint
	resp, err := http.Head(u)
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	return resp.StatusCode
}

// Not reported: only ids of other linters.
func readConfig(path string) ([]byte, error) {
	//lint:ignore SA1019 kept for Go 1.15 builds
	b, err := ioutil.ReadFile(path) //nolint:errcheck
	return b, err
}

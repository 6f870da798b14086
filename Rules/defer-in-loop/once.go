package deferinloop

import (
	"context"
	"os"
	"time"
)

// Not reported: the first file that opens ends the search, so the defer
// runs once.
func firstReadable(paths []string) ([]byte, error) {
	for _, p := range paths {
		f, err := os.Open(p)
		if err == nil {
			defer f.Close()
			buf := make([]byte, 512)
			n, err := f.Read(buf)
			return buf[:n], err
		}
	}
	return nil, os.ErrNotExist
}

// Not reported: the file found is kept open until the function returns, and
// the loop stops right after the defer.
func openFirst(paths []string) *os.File {
	var found *os.File
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		if found == nil {
			defer f.Close()
			found = f
			break
		}
	}
	return found
}

// Not reported: a select case that fires once (the fallback timer) in an
// event loop.
func race(ctx context.Context, results <-chan error, fallback func(context.Context)) error {
	timer := time.NewTimer(time.Second)
	defer timer.Stop()
	for {
		select {
		case <-timer.C:
			fallbackCtx, cancel := context.WithCancel(ctx)
			defer cancel()
			go fallback(fallbackCtx)
		case err := <-results:
			return err
		}
	}
}

// Not reported: each file is handed to a helper that closes it, nothing is deferred.
func closeEach(paths []string, consume func(*os.File)) {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		consume(f)
	}
}

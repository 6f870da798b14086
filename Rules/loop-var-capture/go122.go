//go:build go1.22

package loopvarcapture

import (
	"context"
	"os"
	"sync"
)

// The build constraint above raises this file's Go version to 1.22, where
// each iteration has its own loop variables: nothing here is reported.

// Not reported (Go 1.22): a goroutine captures the range value.
func processAll122(jobs []Job) {
	var wg sync.WaitGroup
	for _, job := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			process(job)
		}()
	}
	wg.Wait()
}

// Not reported (Go 1.22): a deferred closure captures the range value.
func concatFiles122(files []*os.File, out *os.File) {
	for _, f := range files {
		defer func() { f.Close() }()
		_, _ = out.ReadFrom(f)
	}
}

// Not reported (Go 1.22): g.Go captures the range value.
func fetchPages122(ctx context.Context, urls []string) error {
	g := &group{}
	for _, u := range urls {
		g.Go(func() error {
			_, err := fetch(ctx, u)
			return err
		})
	}
	return g.Wait()
}

// Not reported (Go 1.22): a three-clause loop variable in a goroutine.
func startWorkers122(n int, jobs <-chan Job) {
	for i := 0; i < n; i++ {
		go func() {
			for j := range jobs {
				_ = i
				process(j)
			}
		}()
	}
}

// Not reported (Go 1.22): the address of the range variable is stored.
func pending122(orders []Order) []*Order {
	var out []*Order
	for _, o := range orders {
		if o.Status == "pending" {
			out = append(out, &o)
		}
	}
	return out
}

// Package loopvarcapture holds examples for the loop-var-capture rule: lines
// marked with a want comment must be reported, every other line must not.
package loopvarcapture

import (
	"context"
	"os"
	"strings"
	"sync"
)

// Job is a unit of work from a queue.
type Job struct {
	ID      string
	Payload []byte
}

// Order is a customer order.
type Order struct {
	ID     string
	Status string
	Total  int
}

// group runs functions concurrently and keeps the first error, like errgroup.Group.
type group struct {
	wg   sync.WaitGroup
	once sync.Once
	err  error
}

// Go runs f in a new goroutine.
func (g *group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.once.Do(func() { g.err = err })
		}
	}()
}

// Wait blocks until every function has returned and reports the first error.
func (g *group) Wait() error {
	g.wg.Wait()
	return g.err
}

// waitGroup mirrors sync.WaitGroup with its Go method (Go 1.25).
type waitGroup struct {
	wg sync.WaitGroup
}

// Go runs f in a new goroutine.
func (w *waitGroup) Go(f func()) {
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		f()
	}()
}

// Wait blocks until every function has returned.
func (w *waitGroup) Wait() { w.wg.Wait() }

func process(j Job) {}

func fetch(ctx context.Context, url string) (string, error) { return url, ctx.Err() }

func upload(name string, data []byte) error { return nil }

func index(name string, data []byte) error { return nil }

func closeQuietly(f *os.File) { _ = f.Close() }

func normalize(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func validate(o *Order) bool { return o.ID != "" }

// Package go122 is a module that declares go 1.22. Since Go 1.22 every
// iteration of a for loop has its own copy of the loop variables, so none of
// the code below is reported by loop-var-capture, although each function
// would be under go 1.21 or earlier.
package go122

import (
	"log"
	"os"
	"sync"
)

// Order is a customer order.
type Order struct {
	ID     string
	Status string
}

// group runs functions concurrently, like errgroup.Group.
type group struct{ wg sync.WaitGroup }

// Go runs f in a new goroutine.
func (g *group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		_ = f()
	}()
}

// Wait blocks until every function has returned.
func (g *group) Wait() { g.wg.Wait() }

// Not reported (Go 1.22): a goroutine captures the range value.
func processAll(ids []string, process func(string)) {
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			process(id)
		}()
	}
	wg.Wait()
}

// Not reported (Go 1.22): a three-clause loop variable in a goroutine.
func startWorkers(n int, work func(int)) {
	for i := 0; i < n; i++ {
		go func() { work(i) }()
	}
}

// Not reported (Go 1.22): a deferred closure captures the range value.
func closeAll(files []*os.File) {
	for _, f := range files {
		defer func() {
			if err := f.Close(); err != nil {
				log.Print(err)
			}
		}()
	}
}

// Not reported (Go 1.22): g.Go captures the range value.
func uploadAll(names []string, upload func(string) error) {
	g := &group{}
	for _, name := range names {
		g.Go(func() error { return upload(name) })
	}
	g.Wait()
}

// Not reported (Go 1.22): the address of the range variable is stored.
func indexByID(orders []Order) map[string]*Order {
	m := make(map[string]*Order, len(orders))
	for _, o := range orders {
		m[o.ID] = &o
	}
	return m
}

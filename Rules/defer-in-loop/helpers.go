// Package deferinloop holds examples for the defer-in-loop rule: lines
// marked with a want comment must be reported, every other line must not.
package deferinloop

import (
	"errors"
	"io"
	"sync"
)

var errNoAddress = errors.New("no address reachable")

// Order is one row of an import batch.
type Order struct {
	ID    string
	Total int
}

// Source is where an import reads from.
type Source struct {
	Kind string
	Path string
}

// Account is a bank account with its own lock.
type Account struct {
	mu      sync.Mutex
	balance int
}

// Item is an entry of the catalog.
type Item struct {
	SKU   string
	Price int
}

// Catalog is read by many goroutines.
type Catalog struct {
	mu    sync.RWMutex
	items map[string]Item
}

// Migration is one schema change.
type Migration struct {
	Name string
	Up   func() error
}

// Semaphore limits how many jobs run at once.
type Semaphore struct {
	slots chan struct{}
}

// Acquire takes one slot, waiting for it if needed.
func (s *Semaphore) Acquire() { s.slots <- struct{}{} }

// Release gives back n slots.
func (s *Semaphore) Release(n int) {
	for i := 0; i < n; i++ {
		<-s.slots
	}
}

// Msg is a message forwarded between stages.
type Msg struct {
	Body string
}

func countIn(r io.Reader) (int, error) {
	n, err := io.Copy(io.Discard, r)
	return int(n), err
}

func build(target, dir string) error { return nil }

func runJob(name string) {}

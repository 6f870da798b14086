// Package missingunlock holds examples for the missing-unlock rule: lines
// marked with a want comment must be reported, every other line must not.
package missingunlock

import (
	"errors"
	"log"
	"sync"
	"time"
)

var (
	errNotFound          = errors.New("not found")
	errClosed            = errors.New("closed")
	errEmptyKey          = errors.New("empty key")
	errExists            = errors.New("already registered")
	errQueueFull         = errors.New("queue full")
	errTimeout           = errors.New("timed out")
	errInsufficientFunds = errors.New("insufficient funds")
)

// Cache is a string cache guarded by a mutex field.
type Cache struct {
	mu     sync.Mutex
	items  map[string]string
	closed bool
}

// User is an entry of the directory.
type User struct {
	ID   string
	Name string
}

// Directory is read far more often than it is written.
type Directory struct {
	mu    sync.RWMutex
	users map[string]User
}

// Counter embeds its mutex: c.Lock() locks it.
type Counter struct {
	sync.Mutex
	counts map[string]int
}

// Index embeds a read-write mutex: ix.RLock() read-locks it.
type Index struct {
	sync.RWMutex
	terms map[string][]int
}

// Account is a bank account with its own lock.
type Account struct {
	mu      sync.Mutex
	ID      string
	balance int
}

// Conn is a pooled connection.
type Conn struct {
	addr string
}

// Close closes the connection.
func (c *Conn) Close() error { return nil }

// Pool keeps idle connections for reuse.
type Pool struct {
	mu   sync.Mutex
	idle []*Conn
	max  int
}

// Job is a unit of work.
type Job struct {
	ID string
}

// Queue hands jobs to a single consumer; cond is built on mu.
type Queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []Job
}

// Buffer collects bytes until it is flushed.
type Buffer struct {
	mu   sync.Mutex
	data []byte
}

// Store keeps values and an index of their keys under two locks.
type Store struct {
	dataMu  sync.Mutex
	indexMu sync.Mutex
	data    map[string][]byte
	index   []string
}

// unlockAll releases both locks of a store, in the reverse order of locking.
func unlockAll(s *Store) {
	s.indexMu.Unlock()
	s.dataMu.Unlock()
}

// unlockSlow unlocks mu and logs when it was held for longer than limit.
func unlockSlow(mu *sync.Mutex, since time.Time, limit time.Duration, what string) {
	mu.Unlock()
	if d := time.Since(since); d > limit {
		log.Printf("%s held its lock for %s", what, d)
	}
}

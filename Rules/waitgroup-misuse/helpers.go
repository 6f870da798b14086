// Package waitgroupmisuse holds examples for the waitgroup-misuse rule: lines
// marked with a want comment must be reported, every other line must not.
package waitgroupmisuse

import (
	"net"
	"sync"
	"time"
)

// Job is a unit of work.
type Job struct {
	ID   string
	Skip bool
}

// Run does the job's work.
func (j Job) Run() {}

// Server tracks its connection goroutines so Shutdown can wait for them.
type Server struct {
	wg sync.WaitGroup
	l  net.Listener
}

func (s *Server) handle(c net.Conn)               {}
func (s *Server) audit(path string, at time.Time) {}

// Shutdown stops accepting and waits for the open connections.
func (s *Server) Shutdown() error {
	err := s.l.Close()
	s.wg.Wait()
	return err
}

// Batcher buffers writes and flushes them periodically.
type Batcher struct {
	mu      sync.Mutex
	pending []string
}

func (b *Batcher) flush() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.pending = b.pending[:0]
	return true
}

// Group runs functions in goroutines and waits for them, like
// sync.WaitGroup.Go in Go 1.25; it counts each function itself.
type Group struct {
	wg sync.WaitGroup
}

// Go runs f in a new goroutine counted by the group.
func (g *Group) Go(f func()) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		f()
	}()
}

// Wait blocks until every function started by Go has returned.
func (g *Group) Wait() { g.wg.Wait() }

func fetch(url string) (string, error) { return url, nil }

func warm(key string) {}

func process(j Job) error { return nil }

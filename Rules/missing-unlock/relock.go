package missingunlock

import (
	"sync"
	"time"
)

// Registry hands out names under a lock the caller already holds.
type Registry struct {
	mu    sync.Mutex
	names map[string]int
}

// Not reported: the caller holds r.mu; the function lets go of it while it
// sleeps and takes it back before returning, as it was given.
func (r *Registry) waitLocked(d time.Duration) {
	r.mu.Unlock()
	time.Sleep(d)
	r.mu.Lock()
}

// Not reported: an earlier deferred unlock covers the lock taken again
// after the slow part.
func (r *Registry) refresh(load func() map[string]int) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.mu.Unlock()
	fresh := load()
	r.mu.Lock()
	if fresh == nil {
		return len(r.names)
	}
	r.names = fresh
	return len(fresh)
}

// Reported: a goroutine's unlock does not release the lock on the
// function's own early return.
func (r *Registry) add(name string, done chan<- struct{}) bool {
	r.mu.Lock() // want "r\\.mu\\.Lock\\(\\) is not matched by an unlock on every path"
	if _, ok := r.names[name]; ok {
		return false
	}
	r.names[name] = len(r.names)
	go func() {
		r.mu.Unlock()
		close(done)
	}()
	return true
}

// Not reported: the mutex is a one-shot signal; the goroutine unlocks it and
// the final Lock waits for that.
func waitForStart(start func()) {
	var ready sync.Mutex
	ready.Lock()
	go func() {
		start()
		ready.Unlock()
	}()
	ready.Lock()
}

// Not reported: handlers lock and unlock on their own; the function reads
// the shared state under the lock at the end, when it is done with it.
func collect(register func(func(int))) []int {
	var mu sync.Mutex
	var seen []int
	register(func(v int) {
		mu.Lock()
		seen = append(seen, v)
		mu.Unlock()
	})
	mu.Lock()
	return seen
}

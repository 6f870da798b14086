package missingunlock

import (
	"context"
	"io"
	"log"
	"sync"
	"time"
)

var (
	handlersMu sync.Mutex
	handlers   = map[string]func(string) error{}
)

// Reported: a cache miss returns while c.mu is still locked.
func (c *Cache) Get(key string) (string, error) {
	c.mu.Lock() // want "c\\.mu\\.Lock\\(\\) is not matched by an unlock on every path: a return leaves c\\.mu locked and every later Lock blocks forever; defer c\\.mu\\.Unlock\\(\\) right after locking"
	v, ok := c.items[key]
	if !ok {
		return "", errNotFound
	}
	c.mu.Unlock()
	return v, nil
}

// Reported: the read lock is kept when the user is missing.
func (d *Directory) Name(id string) (string, error) {
	d.mu.RLock() // want "d\\.mu\\.RLock\\(\\) is not matched by an unlock on every path: a return leaves d\\.mu read-locked and every later Lock blocks forever; defer d\\.mu\\.RUnlock\\(\\) right after locking"
	u, ok := d.users[id]
	if !ok {
		return "", errNotFound
	}
	d.mu.RUnlock()
	return u.Name, nil
}

// Reported: a package-level mutex; registering a duplicate name returns with it held.
func Register(name string, h func(string) error) error {
	handlersMu.Lock() // want "handlersMu\\.Lock\\(\\) is not matched by an unlock on every path: a return leaves handlersMu locked"
	if _, dup := handlers[name]; dup {
		return errExists
	}
	handlers[name] = h
	handlersMu.Unlock()
	return nil
}

// Reported: the mutex is a parameter; the queue-full return leaves it locked.
func enqueue(mu *sync.Mutex, q *[]Job, j Job, limit int) error {
	mu.Lock() // want "mu\\.Lock\\(\\) is not matched by an unlock on every path: a return leaves mu locked"
	if len(*q) >= limit {
		return errQueueFull
	}
	*q = append(*q, j)
	mu.Unlock()
	return nil
}

// Reported: the mutex is embedded, so c.Lock() locks it; an empty key returns with it held.
func (c *Counter) Add(key string, n int) error {
	c.Lock() // want "c\\.Lock\\(\\) is not matched by an unlock on every path: a return leaves c locked and every later Lock blocks forever; defer c\\.Unlock\\(\\) right after locking"
	if key == "" {
		return errEmptyKey
	}
	c.counts[key] += n
	c.Unlock()
	return nil
}

// Reported: an embedded RWMutex; an unknown term returns while ix is read-locked.
func (ix *Index) Postings(term string) ([]int, error) {
	ix.RLock() // want "ix\\.RLock\\(\\) is not matched by an unlock on every path: a return leaves ix read-locked and every later Lock blocks forever; defer ix\\.RUnlock\\(\\) right after locking"
	p, ok := ix.terms[term]
	if !ok {
		return nil, errNotFound
	}
	out := append([]int(nil), p...)
	ix.RUnlock()
	return out, nil
}

// Reported: the defer is registered only after the closed check, which returns with the lock held.
func (c *Cache) Put(key, value string) error {
	c.mu.Lock() // want "c\\.mu\\.Lock\\(\\) is not matched by an unlock on every path"
	if c.closed {
		return errClosed
	}
	defer c.mu.Unlock()
	c.items[key] = value
	return nil
}

// Reported: a local mutex shared with a progress goroutine; a write error returns with it held
// and the progress goroutine blocks forever on its next Lock.
func copyChunks(ctx context.Context, chunks [][]byte, w io.Writer, report func(int)) error {
	var mu sync.Mutex
	written := 0
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				mu.Lock()
				report(written)
				mu.Unlock()
			}
		}
	}()
	for _, c := range chunks {
		if err := ctx.Err(); err != nil {
			return err
		}
		n, err := w.Write(c)
		mu.Lock() // want "mu\\.Lock\\(\\) is not matched by an unlock on every path: a return leaves mu locked"
		written += n
		if err != nil {
			return err
		}
		mu.Unlock()
	}
	return nil
}

// Not reported: the usual idiom, defer c.mu.Unlock() right after locking.
func (c *Cache) Lookup(key string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.items[key]
	return v, ok
}

// Not reported: RLock with a deferred RUnlock.
func (d *Directory) Get(id string) (User, error) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	u, ok := d.users[id]
	if !ok {
		return User{}, errNotFound
	}
	return u, nil
}

// Not reported: the embedded mutex is unlocked by a deferred c.Unlock().
func (c *Counter) Inc(key string) error {
	c.Lock()
	defer c.Unlock()
	if key == "" {
		return errEmptyKey
	}
	c.counts[key]++
	return nil
}

// Not reported: the package-level mutex is unlocked by a defer.
func Lookup(name string) (func(string) error, bool) {
	handlersMu.Lock()
	defer handlersMu.Unlock()
	h, ok := handlers[name]
	return h, ok
}

// Not reported: the early return happens before the Lock.
func (c *Cache) Delete(key string) error {
	if key == "" {
		return errEmptyKey
	}
	c.mu.Lock()
	delete(c.items, key)
	c.mu.Unlock()
	return nil
}

// Not reported: the unlock is in a deferred closure that also wakes the consumer.
func (q *Queue) Push(j Job) error {
	q.mu.Lock()
	defer func() {
		q.mu.Unlock()
		q.cond.Signal()
	}()
	if len(q.items) >= 100 {
		return errQueueFull
	}
	q.items = append(q.items, j)
	return nil
}

// Not reported: a local mutex guarding a results slice; each goroutine defers its unlock,
// and the goroutine that fails returns before locking.
func fetchAll(urls []string, fetch func(string) (string, error)) []string {
	var (
		mu      sync.Mutex
		wg      sync.WaitGroup
		results []string
	)
	for _, u := range urls {
		wg.Add(1)
		go func(u string) {
			defer wg.Done()
			body, err := fetch(u)
			if err != nil {
				log.Printf("fetch %s: %v", u, err)
				return
			}
			mu.Lock()
			defer mu.Unlock()
			results = append(results, body)
		}(u)
	}
	wg.Wait()
	return results
}

package missingunlock

import (
	"sync"
	"time"
)

// Ledger serializes transactions: Begin locks, Commit and Abort unlock.
type Ledger struct {
	mu      sync.Mutex
	pending []int
	total   int
}

// Scraper collects metrics; a scrape still running makes the next tick a no-op.
type Scraper struct {
	mu   sync.Mutex
	last map[string]float64
}

// Broker fans messages out to its subscribers.
type Broker struct {
	mu   sync.Mutex
	subs []*Conn
}

// Not reported: on the error path both locks are released by unlockAll(s), a helper taking their owner.
func (s *Store) Put(key string, v []byte) error {
	s.dataMu.Lock()
	s.indexMu.Lock()
	if key == "" {
		unlockAll(s)
		return errEmptyKey
	}
	s.data[key] = v
	s.index = append(s.index, key)
	s.indexMu.Unlock()
	s.dataMu.Unlock()
	return nil
}

// Not reported: on the success path the lock is released by unlockSlow(&c.mu, ...), a helper taking the mutex.
func (c *Cache) Refresh(load func() map[string]string) {
	start := time.Now()
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return
	}
	c.items = load()
	unlockSlow(&c.mu, start, 100*time.Millisecond, "cache refresh")
}

// Not reported: lock only locks, handing the held lock to its caller; there is no unlock in it at all.
func (p *Pool) lock() { p.mu.Lock() }

// unlock releases what lock took.
func (p *Pool) unlock() { p.mu.Unlock() }

// Not reported: drain uses the lock/unlock pair above; it calls no Lock on a mutex itself.
func (p *Pool) drain() []*Conn {
	p.lock()
	defer p.unlock()
	idle := p.idle
	p.idle = nil
	return idle
}

// Not reported: Begin locks and never unlocks; Commit or Abort releases the lock later.
func (l *Ledger) Begin() {
	l.mu.Lock()
	l.pending = l.pending[:0]
}

// Commit applies the pending entries and ends the transaction.
func (l *Ledger) Commit() {
	for _, v := range l.pending {
		l.total += v
	}
	l.mu.Unlock()
}

// Abort drops the pending entries and ends the transaction.
func (l *Ledger) Abort() {
	l.pending = l.pending[:0]
	l.mu.Unlock()
}

// Not reported: each Lock is inside a function literal that hands the held lock to its caller.
func (l *Ledger) guards() (lock, unlock func()) {
	return func() { l.mu.Lock() }, func() { l.mu.Unlock() }
}

// Not reported: the goroutine's literal locks and unlocks on its only path; the outer early return holds nothing.
func (c *Counter) IncAsync(key string, done chan<- struct{}) {
	if key == "" {
		close(done)
		return
	}
	go func() {
		c.Lock()
		c.counts[key]++
		c.Unlock()
		close(done)
	}()
}

// Not reported: TryLock is not a Lock; the failed attempt returns with nothing to unlock.
func (s *Scraper) Tick(collect func() map[string]float64) {
	if !s.mu.TryLock() {
		return
	}
	defer s.mu.Unlock()
	s.last = collect()
}

// Not reported: the consumer loop never ends, so no path reaches a return with the lock held.
func (q *Queue) Consume(process func(Job)) {
	q.mu.Lock()
	for {
		for len(q.items) == 0 {
			q.cond.Wait()
		}
		j := q.items[0]
		q.items = q.items[1:]
		q.mu.Unlock()
		process(j)
		q.mu.Lock()
	}
}

// Not reported: the read lock is released before the write lock is taken, and the write lock is deferred.
func (d *Directory) GetOrCreate(id string) User {
	d.mu.RLock()
	u, ok := d.users[id]
	d.mu.RUnlock()
	if ok {
		return u
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if u, ok := d.users[id]; ok {
		return u
	}
	u = User{ID: id}
	d.users[id] = u
	return u
}

// Not reported: the lock is dropped around each slow send and taken back; the deferred unlock covers every return.
func (b *Broker) Publish(msg string, send func(*Conn, string) error) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, c := range b.subs {
		b.mu.Unlock()
		err := send(c, msg)
		b.mu.Lock()
		if err != nil {
			return err
		}
	}
	return nil
}

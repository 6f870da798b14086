package missingunlock

import (
	"fmt"
	"log"
	"os"
	"time"
)

// Reported: the unknown-operation case returns while the counter is locked.
func (c *Counter) Apply(op, key string) error {
	c.Lock() // want "c\\.Lock\\(\\) is not matched by an unlock on every path"
	switch op {
	case "inc":
		c.counts[key]++
	case "reset":
		delete(c.counts, key)
	default:
		return fmt.Errorf("unknown operation %q", op)
	}
	c.Unlock()
	return nil
}

// Reported: when the pool is full the connection is closed and the function ends with the lock held.
func (p *Pool) Put(c *Conn) {
	p.mu.Lock() // want "p\\.mu\\.Lock\\(\\) is not matched by an unlock on every path: a return leaves p\\.mu locked"
	if len(p.idle) < p.max {
		p.idle = append(p.idle, c)
		p.mu.Unlock()
		return
	}
	c.Close()
}

// Reported: a match returns from inside the loop without unlocking.
func (p *Pool) Take(addr string) *Conn {
	p.mu.Lock() // want "p\\.mu\\.Lock\\(\\) is not matched by an unlock on every path"
	for i, c := range p.idle {
		if c.addr == addr {
			p.idle = append(p.idle[:i], p.idle[i+1:]...)
			return c
		}
	}
	p.mu.Unlock()
	return nil
}

// Reported: the timeout case of the select gives up without releasing the pool.
func (p *Pool) WaitIdle(ready <-chan *Conn, timeout <-chan time.Time) (*Conn, error) {
	p.mu.Lock() // want "p\\.mu\\.Lock\\(\\) is not matched by an unlock on every path"
	select {
	case c := <-ready:
		p.idle = append(p.idle, c)
		p.mu.Unlock()
		return c, nil
	case <-timeout:
		return nil, errTimeout
	}
}

// Reported: the unlock was written for the error path only; a successful flush keeps the lock.
func (b *Buffer) Flush(w func([]byte) error) error {
	b.mu.Lock() // want "b\\.mu\\.Lock\\(\\) is not matched by an unlock on every path"
	if err := w(b.data); err != nil {
		b.mu.Unlock()
		return err
	}
	b.data = b.data[:0]
	return nil
}

// Reported: from.mu is deferred, but to.mu is a different mutex and the
// insufficient-funds return leaves it locked.
func transfer(from, to *Account, n int) error {
	from.mu.Lock()
	defer from.mu.Unlock()
	to.mu.Lock() // want "to\\.mu\\.Lock\\(\\) is not matched by an unlock on every path: a return leaves to\\.mu locked"
	if from.balance < n {
		return errInsufficientFunds
	}
	from.balance -= n
	to.balance += n
	to.mu.Unlock()
	return nil
}

// Reported: goto jumps past the unlock to the failure exit.
func (a *Account) Deposit(n int) error {
	a.mu.Lock() // want "a\\.mu\\.Lock\\(\\) is not matched by an unlock on every path"
	if n <= 0 {
		goto invalid
	}
	a.balance += n
	a.mu.Unlock()
	return nil
invalid:
	return fmt.Errorf("invalid amount %d", n)
}

// Not reported: both paths unlock before they return.
func (a *Account) Withdraw(n int) error {
	a.mu.Lock()
	if a.balance < n {
		a.mu.Unlock()
		return errInsufficientFunds
	}
	a.balance -= n
	a.mu.Unlock()
	return nil
}

// Not reported: every case of the switch unlocks before returning.
func (c *Counter) ApplyChecked(op, key string) error {
	c.Lock()
	switch op {
	case "inc":
		c.counts[key]++
		c.Unlock()
		return nil
	case "reset":
		delete(c.counts, key)
		c.Unlock()
		return nil
	default:
		c.Unlock()
		return fmt.Errorf("unknown operation %q", op)
	}
}

// Not reported: the return inside the loop unlocks first.
func (p *Pool) Get(addr string) *Conn {
	p.mu.Lock()
	for i, c := range p.idle {
		if c.addr == addr {
			p.idle = append(p.idle[:i], p.idle[i+1:]...)
			p.mu.Unlock()
			return c
		}
	}
	p.mu.Unlock()
	return nil
}

// Not reported: break leaves the scan, and the unlock after the loop runs on every path.
func (p *Pool) Has(addr string) bool {
	found := false
	p.mu.Lock()
	for _, c := range p.idle {
		if c.addr == addr {
			found = true
			break
		}
	}
	p.mu.Unlock()
	return found
}

// Not reported: both account locks are deferred right after they are taken.
func transferSafe(from, to *Account, n int) error {
	from.mu.Lock()
	defer from.mu.Unlock()
	to.mu.Lock()
	defer to.mu.Unlock()
	if from.balance < n {
		return errInsufficientFunds
	}
	from.balance -= n
	to.balance += n
	return nil
}

// Not reported: the only path that keeps the lock ends in panic.
func (c *Cache) MustGet(key string) string {
	c.mu.Lock()
	v, ok := c.items[key]
	if !ok {
		panic("missing required key " + key)
	}
	c.mu.Unlock()
	return v
}

// Not reported: the only path that keeps the lock ends in log.Fatalf, which exits the process.
func requireHandlers(names []string) {
	handlersMu.Lock()
	for _, n := range names {
		if _, ok := handlers[n]; !ok {
			log.Fatalf("no handler registered for %q", n)
		}
	}
	handlersMu.Unlock()
}

// Not reported: the only path that keeps the read lock ends in os.Exit.
func (d *Directory) RequireAdmin() {
	d.mu.RLock()
	if _, ok := d.users["admin"]; !ok {
		fmt.Fprintln(os.Stderr, "no admin user configured")
		os.Exit(1)
	}
	d.mu.RUnlock()
}

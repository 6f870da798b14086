// Package custom holds examples for a resource declared in .leaklint.json:
// (*pool.Pool).Acquire must be followed by Release. Lines marked with a want
// comment must be reported, every other line must not.
package custom

import (
	"errors"
	"fmt"

	"example.com/rules/unclosedresource/custom/pool"
)

// Service keeps a pool in a field.
type Service struct {
	db   *pool.Pool
	held *pool.Conn
}

// semaphore has an Acquire method too, but it is not the declared resource.
type semaphore chan struct{}

func (s semaphore) Acquire() (func(), error) {
	s <- struct{}{}
	return func() { <-s }, nil
}

var errNoID = errors.New("order without id")

// Reported: the connection is never released.
func ping(p *pool.Pool) error {
	c, err := p.Acquire() // want "c is never released: the pooled connection is never returned; defer c\\.Release\\(\\) after checking the error"
	if err != nil {
		return err
	}
	return c.Exec("SELECT 1")
}

// Reported: a failed insert returns before the release.
func saveOrder(p *pool.Pool, id string) error {
	c, err := p.Acquire() // want "c is not released on every path: the pooled connection is never returned; defer c\\.Release\\(\\) after checking the error"
	if err != nil {
		return err
	}
	if err := c.Exec("INSERT INTO orders(id) VALUES($1)", id); err != nil {
		return fmt.Errorf("order %s: %w", id, err)
	}
	c.Release()
	return nil
}

// Reported: a pool kept in a struct field; the validation error skips the release.
func (s *Service) Cancel(id string) error {
	conn, err := s.db.Acquire() // want "conn is not released on every path: the pooled connection is never returned"
	if err != nil {
		return err
	}
	if id == "" {
		return errNoID
	}
	defer conn.Release()
	return conn.Exec("UPDATE orders SET cancelled = true WHERE id = $1", id)
}

// Reported: a local pool; the connection is used in a loop and never released.
func seed(ids []string) error {
	p := &pool.Pool{}
	c, err := p.Acquire() // want "c is never released: the pooled connection is never returned"
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := c.Exec("INSERT INTO orders(id) VALUES($1)", id); err != nil {
			return err
		}
	}
	return nil
}

// Reported: a health check that acquires a connection and drops it.
func healthy(p *pool.Pool) bool {
	_, err := p.Acquire() // want "the value from p\\.Acquire is discarded, so it is never released: the pooled connection is never returned"
	return err == nil
}

// Not reported: defer c.Release() after the error check.
func pingReleased(p *pool.Pool) error {
	c, err := p.Acquire()
	if err != nil {
		return err
	}
	defer c.Release()
	return c.Exec("SELECT 1")
}

// Not reported: released in every branch.
func saveOrderReleased(p *pool.Pool, id string) error {
	c, err := p.Acquire()
	if err != nil {
		return err
	}
	if err := c.Exec("INSERT INTO orders(id) VALUES($1)", id); err != nil {
		c.Release()
		return err
	}
	c.Release()
	return nil
}

// Not reported: the connection is returned to the caller.
func borrow(p *pool.Pool) (*pool.Conn, error) {
	c, err := p.Acquire()
	if err != nil {
		return nil, err
	}
	return c, nil
}

// Not reported: the connection is stored in a field and released later.
func (s *Service) Pin() error {
	c, err := s.db.Acquire()
	if err != nil {
		return err
	}
	s.held = c
	return nil
}

// Not reported: the connection goes to a helper that releases it.
func migrate(p *pool.Pool, steps []string) error {
	c, err := p.Acquire()
	if err != nil {
		return err
	}
	return runAndRelease(c, steps)
}

// Not reported: an Acquire of another type is not the declared resource
// (its release function is deferred here anyway).
func limited(sem semaphore, fn func() error) error {
	release, err := sem.Acquire()
	if err != nil {
		return err
	}
	defer release()
	return fn()
}

// runAndRelease runs the steps and gives the connection back.
func runAndRelease(c *pool.Conn, steps []string) error {
	defer c.Release()
	for _, s := range steps {
		if err := c.Exec(s); err != nil {
			return err
		}
	}
	return nil
}

// Package pool is a small connection pool. ../.leaklint.json declares
// (*Pool).Acquire as a resource released by (*Conn).Release.
package pool

import "errors"

// Pool hands out connections.
type Pool struct{}

// Conn is a connection borrowed from a Pool.
type Conn struct{}

// ErrClosed is returned by Acquire after the pool is shut down.
var ErrClosed = errors.New("pool closed")

// Acquire borrows a connection; the caller must Release it.
func (p *Pool) Acquire() (*Conn, error) {
	if p == nil {
		return nil, ErrClosed
	}
	return &Conn{}, nil
}

// Release returns the connection to its pool.
func (c *Conn) Release() {}

// Exec runs a statement on the connection.
func (c *Conn) Exec(query string, args ...any) error {
	_ = query
	_ = args
	return nil
}

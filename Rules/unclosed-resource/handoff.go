package unclosedresource

import (
	"database/sql"
	"io"
	"net"
	"os"
	"sync"
)

// auditLog appends to a file it keeps open.
type auditLog struct {
	mu sync.Mutex
	f  *os.File
}

// connPool keeps idle connections by address.
type connPool struct {
	mu   sync.Mutex
	idle map[string]net.Conn
}

// closers collects cleanups to run at shutdown.
var closers []func() error

// Not reported: the file is returned to the caller.
func openConfig(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// Not reported: the file is stored in a struct field.
func (l *auditLog) reopen(path string) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	l.mu.Lock()
	old := l.f
	l.f = f
	l.mu.Unlock()
	if old != nil {
		return old.Close()
	}
	return nil
}

// Not reported: the connection is stored in a map.
func (p *connPool) warm(addr string) error {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	p.mu.Lock()
	p.idle[addr] = c
	p.mu.Unlock()
	return nil
}

// Not reported: each connection is sent on a channel to the worker that serves it.
func dialAll(addrs []string, out chan<- net.Conn) {
	for _, a := range addrs {
		c, err := net.Dial("tcp", a)
		if err != nil {
			continue
		}
		out <- c
	}
}

// Not reported: the file goes to a helper that closes it.
func checksum(path string, sum func(io.Reader) []byte) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer closeQuietly(f)
	return sum(f), nil
}

// Not reported: a closure that closes the file is returned with it.
func createWithCleanup(path string) (io.Writer, func() error, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, err
	}
	return f, func() error { return f.Close() }, nil
}

// Not reported: a closure that closes the listener is stored in a package variable.
func listenForShutdown(addr string) (net.Addr, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	closers = append(closers, func() error { return ln.Close() })
	return ln.Addr(), nil
}

// Not reported: the transaction is passed to the caller's function; the
// Rollback and Commit here cover every path where it comes back.
func inTx(db *sql.DB, fn func(*sql.Tx) error) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Not reported: the rows are sent to a consumer that closes them.
func queryAsync(db *sql.DB, q string, out chan<- *sql.Rows) error {
	rows, err := db.Query(q)
	if err != nil {
		return err
	}
	out <- rows
	return nil
}

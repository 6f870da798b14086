// Package goroutinesendleak holds examples for the goroutine-send-leak rule:
// lines marked with a want comment must be reported, every other line must not.
package goroutinesendleak

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
)

// User is a row of the accounts service.
type User struct {
	ID    string
	Name  string
	Admin bool
}

// result carries a downloaded body or the error that prevented it.
type result struct {
	body []byte
	err  error
}

// Store is a slow backend.
type Store interface {
	Get(ctx context.Context, key string) (string, error)
	Load(id string) (*User, error)
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

var (
	errTimeout   = errors.New("timed out")
	errChecksum  = errors.New("checksum mismatch")
	errForbidden = errors.New("forbidden")
	errNoMirrors = errors.New("no mirrors")
)

// download fetches a URL and returns its body.
func download(u string) ([]byte, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// slowLookup stands for an expensive computation.
func slowLookup(key string) string { return strings.Repeat(key, 2) }

// renderReport stands for an expensive rendering step.
func renderReport(month string) []byte { return []byte("report for " + month) }

// newID returns a random identifier.
func newID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// ping checks one host.
func ping(host string) error {
	if host == "" {
		return errors.New("empty host")
	}
	return nil
}

// warmCache stands for a slow cache fill.
func warmCache(keys []string) { _ = len(keys) }

// isAdminID tells administrators apart.
func isAdminID(id string) bool { return strings.HasPrefix(id, "admin-") }

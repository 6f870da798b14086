package goroutinesendleak

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"strings"
)

// Reported: a failed header read returns before the checksum is received.
func verifyUpload(r io.Reader, payload []byte) error {
	sums := make(chan [32]byte)
	go func() {
		sums <- sha256.Sum256(payload) // want "goroutine blocks forever sending on sums when this function returns without receiving: make the channel buffered, make\\(chan \\[32\\]byte, 1\\)"
	}()
	want := make([]byte, sha256.Size)
	if _, err := io.ReadFull(r, want); err != nil {
		return err
	}
	got := <-sums
	if !bytes.Equal(want, got[:]) {
		return errChecksum
	}
	return nil
}

// Reported: the validation error returns after the ID generator was started.
func createUser(name, email string) (*User, error) {
	ids := make(chan string)
	go func() {
		ids <- newID() // want "sending on ids when this function returns without receiving: make the channel buffered, make\\(chan string, 1\\)"
	}()
	if !strings.Contains(email, "@") {
		return nil, fmt.Errorf("invalid email %q", email)
	}
	return &User{ID: <-ids, Name: name}, nil
}

// Reported: both sends of the goroutine block when the permission check returns first.
func loadProfile(s Store, id string, wantAdmin bool) (*User, error) {
	type reply struct {
		u   *User
		err error
	}
	replies := make(chan reply)
	go func() {
		u, err := s.Load(id)
		if err != nil {
			replies <- reply{err: err} // want "sending on replies when this function returns without receiving: make the channel buffered, make\\(chan reply, 1\\)"
			return
		}
		replies <- reply{u: u} // related "also sends on replies here"
	}()
	if wantAdmin && !isAdminID(id) {
		return nil, errForbidden
	}
	r := <-replies
	return r.u, r.err
}

// Reported: one case of the switch returns without waiting for the rendering.
func renderFor(format, month string) ([]byte, error) {
	pages := make(chan []byte)
	go func() {
		pages <- renderReport(month) // want "sending on pages when this function returns without receiving"
	}()
	switch format {
	case "html":
		return <-pages, nil
	case "text":
		return bytes.ToUpper(<-pages), nil
	default:
		return nil, fmt.Errorf("unknown format %q", format)
	}
}

// Not reported: the early return happens before the goroutine is started.
func verifyUploadLate(r io.Reader, payload []byte) error {
	want := make([]byte, sha256.Size)
	if _, err := io.ReadFull(r, want); err != nil {
		return err
	}
	sums := make(chan [32]byte)
	go func() {
		sums <- sha256.Sum256(payload)
	}()
	got := <-sums
	if !bytes.Equal(want, got[:]) {
		return errChecksum
	}
	return nil
}

// Not reported: the value is received on every path, whichever case of the switch runs.
func renderEither(format, month string) ([]byte, error) {
	pages := make(chan []byte)
	go func() {
		pages <- renderReport(month)
	}()
	switch format {
	case "text":
		return bytes.ToUpper(<-pages), nil
	default:
		page := <-pages
		if format != "html" {
			return nil, fmt.Errorf("unknown format %q", format)
		}
		return page, nil
	}
}

// Not reported: the receive is deferred, so every return waits for the goroutine.
func hashWhileCopying(dst io.Writer, src io.Reader, data []byte) (sum [32]byte, err error) {
	sums := make(chan [32]byte)
	go func() {
		sums <- sha256.Sum256(data)
	}()
	defer func() { sum = <-sums }()
	if _, err := io.Copy(dst, src); err != nil {
		return sum, err
	}
	return sum, nil
}

package unclosedresource

import (
	"errors"
	"io"
	"os"
)

// Reported: the error variable is reused by the read; its check returns
// with the file open.
func headerOf(path string) ([]byte, error) {
	f, err := os.Open(path) // want "f is not closed on every path: the file descriptor leaks"
	if err != nil {
		return nil, err
	}
	head := make([]byte, 16)
	_, err = io.ReadFull(f, head)
	if err != nil {
		return nil, err
	}
	return head, f.Close()
}

// Not reported: os.IsNotExist(err) is true only when the open failed.
func optional(path string) ([]byte, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// Not reported: errors.Is on the open's own error.
func optionalIs(path string) ([]byte, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// Not reported: a deferred closure registered before the file exists closes
// whatever was opened.
func spill(chunks [][]byte, limit int) (err error) {
	var tmp *os.File
	defer func() {
		if tmp != nil {
			tmp.Close()
		}
	}()
	for _, c := range chunks {
		if len(c) > limit && tmp == nil {
			tmp, err = os.CreateTemp("", "spill-*")
			if err != nil {
				return err
			}
		}
		if tmp != nil {
			if _, err := tmp.Write(c); err != nil {
				return err
			}
		}
	}
	return nil
}

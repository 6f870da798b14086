package unclosedresource

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Reported: the lines are counted but the file is never closed.
func countLines(path string) (int, error) {
	f, err := os.Open(path) // want "f is never closed: the file descriptor leaks; defer f\\.Close\\(\\) after checking the error"
	if err != nil {
		return 0, err
	}
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		n++
	}
	return n, sc.Err()
}

// Reported: the size check returns before the deferred close is registered.
func readSmall(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path) // want "f is not closed on every path: the file descriptor leaks; defer f\\.Close\\(\\) after checking the error"
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("%s: %d bytes, limit %d", path, st.Size(), limit)
	}
	defer f.Close()
	return io.ReadAll(f)
}

// Reported: a failed write returns early; only the successful path closes.
func appendLine(path, line string) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644) // want "f is not closed on every path: the file descriptor leaks"
	if err != nil {
		return err
	}
	if _, err := f.WriteString(line + "\n"); err != nil {
		return err
	}
	return f.Close()
}

// Reported: the temporary file's name is returned; the file itself stays open.
func spool(r io.Reader) (string, error) {
	tmp, err := os.CreateTemp("", "upload-*") // want "tmp is never closed: the file descriptor leaks; defer tmp\\.Close\\(\\) after checking the error"
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(tmp, r); err != nil {
		return "", err
	}
	return tmp.Name(), nil
}

// Reported: os.Create; fmt.Fprintf writes to the file but does not close it.
func writeReport(path string, counts []Count) error {
	out, err := os.Create(path) // want "out is never closed: the file descriptor leaks; defer out\\.Close\\(\\)"
	if err != nil {
		return err
	}
	for _, c := range counts {
		if _, err := fmt.Fprintf(out, "%s\t%d\n", c.Name, c.Count); err != nil {
			return err
		}
	}
	return out.Sync()
}

// Reported: os.NewFile wraps an inherited descriptor that is never closed.
func notifyReady(fd uintptr) error {
	f := os.NewFile(fd, "notify-socket") // want "f is never closed: the file descriptor leaks"
	_, err := f.Write([]byte("READY=1\n"))
	return err
}

// Reported: an existence check that opens the file and drops it.
func exists(path string) bool {
	_, err := os.Open(path) // want "the file from os\\.Open is discarded, so it is never closed: the file descriptor leaks"
	return err == nil
}

// Reported: "touch" as a bare call statement.
func touch(path string) {
	os.Create(path) // want "the file from os\\.Create is discarded, so it is never closed: the file descriptor leaks"
}

// Reported: continue skips the close for files that fail the magic check.
func countJPEGs(paths []string) int {
	n := 0
	for _, p := range paths {
		f, err := os.Open(p) // want "f is not closed on every path: the file descriptor leaks"
		if err != nil {
			continue
		}
		var magic [3]byte
		if _, err := io.ReadFull(f, magic[:]); err != nil {
			continue
		}
		f.Close()
		if magic == [3]byte{0xff, 0xd8, 0xff} {
			n++
		}
	}
	return n
}

// Not reported: the error-check idiom with a deferred close.
func readConfig(path string) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var c Config
	if err := json.NewDecoder(f).Decode(&c); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &c, nil
}

// Not reported: closed in a deferred closure that keeps the close error.
func save(path string, data []byte) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	_, err = f.Write(data)
	return err
}

// Not reported: every branch closes, including the close whose error is checked.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Not reported: os.ReadFile opens and closes the file itself.
func readToken(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// Not reported: a defer in a loop closes every file when the function returns.
func concat(w io.Writer, paths []string) error {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		if _, err := io.Copy(w, f); err != nil {
			return err
		}
	}
	return nil
}

// Not reported: opened in an if statement's init, closed inside the success branch.
func firstLine(path string) string {
	if f, err := os.Open(path); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		if sc.Scan() {
			return sc.Text()
		}
	}
	return ""
}

// Not reported: standard input is not opened here; the opened file is closed by defer.
func inputLines(path string) ([]string, error) {
	var f *os.File
	if path == "-" {
		f = os.Stdin
	} else {
		var err error
		f, err = os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
	}
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines, sc.Err()
}

package unclosedresource

import (
	"io"
	"os"
	"testing"
)

// Reported: logging the file from the test does not close it.
func TestFixtureSize(t *testing.T) {
	f, err := os.Open("testdata/fixture.txt") // want "f is never closed: the file descriptor leaks"
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("reading %v", f)
	data, err := io.ReadAll(f)
	if err != nil {
		t.Fatalf("reading %v: %v", f, err)
	}
	if len(data) == 0 {
		t.Errorf("%v is empty", f)
	}
}

// Not reported: the same, with the file closed by the test's cleanup.
func TestFixtureSizeClosed(t *testing.T) {
	f, err := os.Open("testdata/fixture.txt")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	t.Logf("reading %v", f)
	if _, err := io.ReadAll(f); err != nil {
		t.Fatalf("reading %v: %v", f, err)
	}
}

package unclosedresource

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"os"
	"strings"
)

// Reported: the default branch of the switch returns without closing.
func loadByExt(path string, v any) error {
	f, err := os.Open(path) // want "f is not closed on every path: the file descriptor leaks; defer f\\.Close\\(\\) after checking the error"
	if err != nil {
		return err
	}
	switch {
	case strings.HasSuffix(path, ".json"):
		defer f.Close()
		return json.NewDecoder(f).Decode(v)
	case strings.HasSuffix(path, ".txt"):
		b, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			return err
		}
		return json.Unmarshal(b, v)
	default:
		return fmt.Errorf("%s: unknown format", path)
	}
}

// Reported: the file is closed only when the header is wrong.
func readHeader(path string) (string, error) {
	f, err := os.Open(path) // want "f is not closed on every path: the file descriptor leaks"
	if err != nil {
		return "", err
	}
	line, err := bufio.NewReader(f).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "#!") {
		f.Close()
		return "", fmt.Errorf("%s: no header", path)
	}
	return line, nil
}

// Reported: assigning the file to the blank identifier hands nothing off.
func probeFile(path string) error {
	f, err := os.Open(path) // want "f is never closed: the file descriptor leaks"
	if err != nil {
		return err
	}
	_ = f
	return nil
}

// Not reported: every branch of the switch closes.
func loadByExtClosed(path string, v any) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	switch {
	case strings.HasSuffix(path, ".json"):
		defer f.Close()
		return json.NewDecoder(f).Decode(v)
	default:
		f.Close()
		return fmt.Errorf("%s: unknown format", path)
	}
}

// Not reported: the path that skips the close ends in panic.
func mustReadAll(path string) []byte {
	f, err := os.Open(path)
	if err != nil {
		panic(err)
	}
	b, err := io.ReadAll(f)
	if err != nil {
		panic(fmt.Sprintf("read %s: %v", path, err))
	}
	f.Close()
	return b
}

// Not reported: the path that skips the close ends in log.Fatal.
func mustLoad(path string, v any) {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	if err := json.NewDecoder(f).Decode(v); err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	f.Close()
}

// Not reported: the path that skips the close ends in os.Exit.
func loadOrExit(path string, v any) {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if err := json.NewDecoder(f).Decode(v); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", path, err)
		os.Exit(1)
	}
	f.Close()
}

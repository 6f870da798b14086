// Package unstoppedtimer holds examples for the unstopped-timer rule: lines
// marked with a want comment must be reported, every other line must not.
package unstoppedtimer

import (
	"errors"
	"log"
)

// Result is what a backend call produces.
type Result struct {
	Value string
}

var (
	errTimeout  = errors.New("timed out")
	errNoTarget = errors.New("no target")
)

func jobDone(id string) (bool, error) { return id == "", nil }

func flush() {}

func report(format string, args ...any) { log.Printf(format, args...) }

func healthy(addr string) bool { return addr != "" }

// Package spinningselect holds examples for the spinning-select rule: lines
// marked with a want comment must be reported, every other line must not.
package spinningselect

import (
	"errors"
	"sync/atomic"
)

var errTimeout = errors.New("timed out")

// Event is published to subscribers.
type Event struct {
	Kind string
}

// Result answers one pending request.
type Result struct {
	ID  string
	Err error
}

// Task is a unit of work for a Worker.
type Task struct {
	ID string
}

// Worker runs tasks until it is told to quit.
type Worker struct {
	tasks chan Task
	quit  chan struct{}
	done  int
}

func (w *Worker) do(t Task) { w.done++ }

// Service runs until running is cleared.
type Service struct {
	running atomic.Bool
	events  chan Event
	seen    int
}

func (s *Service) handle(e Event) { s.seen++ }

func handle(msg string) {}

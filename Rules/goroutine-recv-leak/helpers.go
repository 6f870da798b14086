// Package goroutinerecvleak holds examples for the goroutine-recv-leak rule:
// lines marked with a want comment must be reported, every other line must not.
package goroutinerecvleak

import (
	"errors"
	"log"
	"strings"
	"time"
)

// Row is one record of an import.
type Row struct {
	ID     string
	Fields []string
}

// Store persists rows.
type Store interface {
	Insert(r Row) error
}

// Job is a unit of work with a preparation step.
type Job struct {
	ID   string
	Args []string
}

// Event is something that happened in the system.
type Event struct {
	Kind string
	At   time.Time
}

// Sink receives events.
type Sink interface {
	Put(e Event)
}

var (
	errNoEvents = errors.New("no events")
	errNoName   = errors.New("span without a name")
	errBadRow   = errors.New("malformed row")
)

func (j Job) prepare() error {
	if j.ID == "" {
		return errors.New("job without id")
	}
	return nil
}

func (j Job) run() error { return nil }

// parseRow splits a CSV line.
func parseRow(line string) (Row, error) {
	f := strings.Split(line, ",")
	if len(f) < 2 {
		return Row{}, errBadRow
	}
	return Row{ID: f[0], Fields: f[1:]}, nil
}

// resize stands for an expensive image operation.
func resize(path string) { log.Printf("resizing %s", path) }

// recordSpan stands for a tracing exporter.
func recordSpan(name string, d time.Duration, err error) {
	log.Printf("span %s took %v: %v", name, d, err)
}

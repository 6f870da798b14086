package goroutinerecvleak

import (
	"bufio"
	"fmt"
	"io"
	"log"
	"path/filepath"
	"strings"
	"sync"
)

// Reported: a malformed header returns before rows is closed, and the
// inserting goroutine waits on the range forever.
func importRows(r io.Reader, db Store) error {
	rows := make(chan Row)
	go func() {
		for row := range rows { // want "goroutine blocks forever receiving from rows when this function returns without closing it or sending on it: close\\(rows\\) when the work is done \\(defer close\\(rows\\)\\)"
			if err := db.Insert(row); err != nil {
				log.Print(err)
			}
		}
	}()
	sc := bufio.NewScanner(r)
	if !sc.Scan() {
		return fmt.Errorf("missing header: %v", sc.Err())
	}
	for sc.Scan() {
		row, err := parseRow(sc.Text())
		if err != nil {
			continue
		}
		rows <- row
	}
	close(rows)
	return sc.Err()
}

// Reported: a worker pool whose feeding loop can return on its first item,
// before anything is sent and without closing jobs.
func resizeAll(paths []string, workers int) error {
	jobs := make(chan string)
	for i := 0; i < workers; i++ {
		go func() {
			for p := range jobs { // want "goroutine blocks forever receiving from jobs when this function returns without closing it or sending on it: close\\(jobs\\) when the work is done \\(defer close\\(jobs\\)\\)"
				resize(p)
			}
		}()
	}
	for _, p := range paths {
		if filepath.Ext(p) != ".png" {
			return fmt.Errorf("%s: not a png", p)
		}
		jobs <- p
	}
	close(jobs)
	return nil
}

// Reported: the lines are sent, but the channel is never closed, so the
// writer goroutine waits for the next line forever.
func exportCSV(w io.Writer, records [][]string) {
	lines := make(chan string)
	go func() {
		for l := range lines { // want "goroutine blocks forever receiving from lines when this function returns without closing it or sending on it"
			_, _ = io.WriteString(w, l+"\n")
		}
	}()
	for _, r := range records {
		lines <- strings.Join(r, ",")
	}
}

// Reported: a scan error returns without closing; only the clean end closes.
func tailLines(r io.Reader, sink Sink) error {
	events := make(chan Event)
	go func() {
		for e := range events { // want "goroutine blocks forever receiving from events when this function returns without closing it or sending on it"
			sink.Put(e)
		}
	}()
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		events <- Event{Kind: sc.Text()}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	close(events)
	return nil
}

// Reported: the deferred close is registered after the early return.
func publish(events []Event, sink Sink) error {
	out := make(chan Event)
	go func() {
		for e := range out { // want "goroutine blocks forever receiving from out when this function returns without closing it or sending on it: close\\(out\\) when the work is done"
			sink.Put(e)
		}
	}()
	if len(events) == 0 {
		return errNoEvents
	}
	defer close(out)
	for _, e := range events {
		out <- e
	}
	return nil
}

// Reported: the channel is closed only when flush is set.
func drain(pending []Row, db Store, flush bool) {
	items := make(chan Row)
	go func() {
		for it := range items { // want "goroutine blocks forever receiving from items when this function returns without closing it or sending on it"
			_ = db.Insert(it)
		}
	}()
	if len(pending) == 0 {
		return
	}
	for _, it := range pending {
		items <- it
	}
	if flush {
		close(items)
	}
}

// Reported: a dry run returns before anything is sent or closed.
func applyMigrations(versions []int, apply func(int) error, dryRun bool) error {
	todo := make(chan int)
	go func() {
		for v := range todo { // want "goroutine blocks forever receiving from todo when this function returns without closing it or sending on it"
			if err := apply(v); err != nil {
				log.Printf("migration %d: %v", v, err)
			}
		}
	}()
	switch {
	case dryRun:
		log.Printf("would apply %d migrations", len(versions))
		return nil
	case len(versions) == 0:
		close(todo)
		return nil
	}
	for _, v := range versions {
		todo <- v
	}
	close(todo)
	return nil
}

// Not reported: defer close right after the goroutine starts; every return closes.
func importRowsClosed(r io.Reader, db Store) error {
	rows := make(chan Row)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for row := range rows {
			_ = db.Insert(row)
		}
	}()
	defer wg.Wait()
	defer close(rows)
	sc := bufio.NewScanner(r)
	if !sc.Scan() {
		return fmt.Errorf("missing header: %v", sc.Err())
	}
	for sc.Scan() {
		if row, err := parseRow(sc.Text()); err == nil {
			rows <- row
		}
	}
	return sc.Err()
}

// Not reported: close on every path, including the early return.
func resizeAllChecked(paths []string, workers int) error {
	jobs := make(chan string)
	for i := 0; i < workers; i++ {
		go func() {
			for p := range jobs {
				resize(p)
			}
		}()
	}
	for _, p := range paths {
		if filepath.Ext(p) != ".png" {
			close(jobs)
			return fmt.Errorf("%s: not a png", p)
		}
		jobs <- p
	}
	close(jobs)
	return nil
}

// Not reported: the close and the wait share a deferred closure.
func exportCSVClosed(w io.Writer, records [][]string) error {
	lines := make(chan string)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for l := range lines {
			_, _ = io.WriteString(w, l+"\n")
		}
	}()
	defer func() {
		close(lines)
		wg.Wait()
	}()
	for _, r := range records {
		if len(r) == 0 {
			return fmt.Errorf("empty record")
		}
		lines <- strings.Join(r, ",")
	}
	return nil
}

// Not reported: every case of the switch closes the channel.
func applyMigrationsClosed(versions []int, apply func(int) error, dryRun bool) error {
	todo := make(chan int)
	go func() {
		for v := range todo {
			_ = apply(v)
		}
	}()
	switch {
	case dryRun:
		close(todo)
		return nil
	default:
		for _, v := range versions {
			todo <- v
		}
		close(todo)
		return nil
	}
}

// Not reported: the error return happens before the worker is started.
func importChecked(r io.Reader, db Store) error {
	sc := bufio.NewScanner(r)
	if !sc.Scan() {
		return fmt.Errorf("missing header: %v", sc.Err())
	}
	rows := make(chan Row)
	go func() {
		for row := range rows {
			_ = db.Insert(row)
		}
	}()
	for sc.Scan() {
		if row, err := parseRow(sc.Text()); err == nil {
			rows <- row
		}
	}
	close(rows)
	return sc.Err()
}

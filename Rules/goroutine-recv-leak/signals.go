package goroutinerecvleak

import (
	"context"
	"log"
	"net/http"
	"sync"
	"time"
)

// Lease is a resource borrowed for the duration of a call.
type Lease struct {
	mu   sync.Mutex
	held bool
}

// Return gives the lease back.
func (l *Lease) Return() {
	l.mu.Lock()
	l.held = false
	l.mu.Unlock()
}

// Reported: the watcher waits for stop, which the failed preparation never closes.
func runJob(j Job) error {
	stop := make(chan struct{})
	go func() {
		<-stop // want "goroutine blocks forever receiving from stop when this function returns without closing it or sending on it: close\\(stop\\) when the work is done \\(defer close\\(stop\\)\\)"
		log.Printf("job %s: watcher stopped", j.ID)
	}()
	if err := j.prepare(); err != nil {
		return err
	}
	err := j.run()
	close(stop)
	return err
}

// Reported: the span is recorded by a goroutine that waits for the status,
// but the unnamed-span path returns without sending it.
func traced(name string, fn func() error) error {
	status := make(chan error)
	start := time.Now()
	go func() {
		err := <-status // want "goroutine blocks forever receiving from status when this function returns without closing it or sending on it: close\\(status\\) when the work is done"
		recordSpan(name, time.Since(start), err)
	}()
	if name == "" {
		return errNoName
	}
	err := fn()
	status <- err
	return err
}

// Reported: the comma-ok receive waits just the same; the failure path never sends.
func withLease(l *Lease, fn func() error) error {
	outcome := make(chan bool)
	go func() {
		if ok, open := <-outcome; open && ok { // want "goroutine blocks forever receiving from outcome when this function returns without closing it or sending on it"
			l.Return()
		}
	}()
	if err := fn(); err != nil {
		return err
	}
	outcome <- true
	return nil
}

// Reported: nothing ever closes quit; when ListenAndServe fails the shutdown goroutine stays.
func serve(srv *http.Server) error {
	quit := make(chan struct{})
	go func() {
		<-quit // want "goroutine blocks forever receiving from quit when this function returns without closing it or sending on it: close\\(quit\\) when the work is done \\(defer close\\(quit\\)\\)"
		_ = srv.Close()
	}()
	return srv.ListenAndServe()
}

// Reported: the receive is the argument of a call; the invalid-id path never sends.
func deleteAccount(id string, del func(string) error, audit func(string, error)) error {
	outcome := make(chan error)
	go func() {
		audit(id, <-outcome) // want "goroutine blocks forever receiving from outcome when this function returns without closing it or sending on it"
	}()
	if id == "" {
		return errNoName
	}
	err := del(id)
	outcome <- err
	return err
}

// Reported: the goroutine receives in a loop; the early return sends nothing.
func countdown(n int, tick func(int)) {
	steps := make(chan int)
	go func() {
		for {
			s := <-steps // want "goroutine blocks forever receiving from steps when this function returns without closing it or sending on it"
			if s == 0 {
				return
			}
			tick(s)
		}
	}()
	if n <= 0 {
		return
	}
	for i := n; i >= 0; i-- {
		steps <- i
	}
}

// Not reported: the value is sent on every path before the function returns.
func tracedAlways(name string, fn func() error) error {
	status := make(chan error)
	start := time.Now()
	go func() {
		err := <-status
		recordSpan(name, time.Since(start), err)
	}()
	if name == "" {
		status <- errNoName
		return errNoName
	}
	err := fn()
	status <- err
	return err
}

// Not reported: defer close(stop) covers the early return.
func runJobClosed(j Job) error {
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		<-stop
		log.Printf("job %s: watcher stopped", j.ID)
	}()
	if err := j.prepare(); err != nil {
		return err
	}
	return j.run()
}

// Not reported: the goroutine's receive also waits on a timeout (the buffer
// lets the late send complete after the goroutine gave up).
func withLeaseTimeout(l *Lease, fn func() error) error {
	outcome := make(chan bool, 1)
	go func() {
		select {
		case ok := <-outcome:
			if ok {
				l.Return()
			}
		case <-time.After(time.Minute):
			l.Return()
		}
	}()
	if err := fn(); err != nil {
		return err
	}
	outcome <- true
	return nil
}

// Not reported: the goroutine gives up when ctx is done.
func watchLease(ctx context.Context, l *Lease, fn func() error) error {
	released := make(chan struct{})
	go func() {
		select {
		case <-released:
		case <-ctx.Done():
		}
		l.Return()
	}()
	if err := fn(); err != nil {
		return err
	}
	close(released)
	return nil
}

// Reported once: the goroutine receives from phase twice, and the early
// return leaves it waiting at the first; the second receive is a related location.
func twoPhase(j Job) error {
	phase := make(chan struct{})
	go func() {
		<-phase // want "goroutine blocks forever receiving from phase when this function returns without closing it or sending on it"
		log.Printf("job %s: prepared", j.ID)
		<-phase // related "also receives from phase here"
		log.Printf("job %s: done", j.ID)
	}()
	if err := j.prepare(); err != nil {
		return err
	}
	phase <- struct{}{}
	err := j.run()
	close(phase)
	return err
}

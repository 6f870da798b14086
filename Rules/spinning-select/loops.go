package spinningselect

import (
	"context"
	"net/http"
	"time"
)

// Reported: with no message ready, the empty default returns at once and the loop goes round again.
func consume(in <-chan string) {
	for {
		select {
		case msg, ok := <-in:
			if !ok {
				return
			}
			handle(msg)
		default: // want "select in a loop with an empty default case never blocks: the goroutine spins on a CPU; remove the default case or block in it"
		}
	}
}

// Reported: a worker loop; between tasks it spins instead of waiting.
func (w *Worker) Run() {
	for {
		select {
		case <-w.quit:
			return
		case t := <-w.tasks:
			w.do(t)
		default: // want "select in a loop with an empty default case never blocks"
		}
	}
}

// Reported: a for-condition loop checking the context spins while the channel is empty.
func collect(ctx context.Context, in <-chan int) []int {
	var out []int
	for ctx.Err() == nil {
		select {
		case v := <-in:
			out = append(out, v)
		default: // want "select in a loop with an empty default case never blocks"
		}
	}
	return out
}

// Reported: the loop condition is an atomic flag; nothing in the loop ever waits.
func (s *Service) Loop() {
	for s.running.Load() {
		select {
		case e := <-s.events:
			s.handle(e)
		default: // want "select in a loop with an empty default case never blocks"
		}
	}
}

// Reported: waiting for every pending result by polling; a CPU is busy until the last one arrives.
func awaitAll(pending map[string]bool, results <-chan Result) []error {
	var errs []error
	for len(pending) > 0 {
		select {
		case r := <-results:
			delete(pending, r.ID)
			if r.Err != nil {
				errs = append(errs, r.Err)
			}
		default: // want "select in a loop with an empty default case never blocks"
		}
	}
	return errs
}

// Reported: a send retried by spinning until the consumer takes it.
func publish(ctx context.Context, out chan<- Event, e Event) error {
	for {
		select {
		case out <- e:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		default: // want "select in a loop with an empty default case never blocks"
		}
	}
}

// Reported: a busy-wait with a timer; the timer bounds how long the CPU spins, not whether it does.
func waitReady(ready <-chan struct{}, timeout time.Duration) error {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		select {
		case <-ready:
			return nil
		case <-deadline.C:
			return errTimeout
		default: // want "select in a loop with an empty default case never blocks"
		}
	}
}

// Reported: a default holding only a comment is still empty.
func drainUntilClosed(in <-chan []byte) int {
	total := 0
	for {
		select {
		case b, ok := <-in:
			if !ok {
				return total
			}
			total += len(b)
		default: // want "select in a loop with an empty default case never blocks"
			// nothing to read yet
		}
	}
}

// Reported: a labeled loop left with break; until then it spins.
func firstError(errs <-chan error, done <-chan struct{}) error {
	var first error
loop:
	for {
		select {
		case err := <-errs:
			if first == nil {
				first = err
			}
		case <-done:
			break loop
		default: // want "select in a loop with an empty default case never blocks"
		}
	}
	return first
}

// Reported: merging two channels; the condition loop spins while both are open and empty.
func merge(a, b <-chan int, out chan<- int) {
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			out <- v
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			out <- v
		default: // want "select in a loop with an empty default case never blocks"
		}
	}
	close(out)
}

// Reported: the loop runs in a goroutine literal; the goroutine spins for as long as it lives.
func startLogger(ctx context.Context, lines <-chan string, write func(string)) {
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case l := <-lines:
				write(l)
			default: // want "select in a loop with an empty default case never blocks"
			}
		}
	}()
}

// Reported: a streaming handler written as a function literal; it spins between events.
func eventsHandler(events <-chan Event) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for {
			select {
			case <-r.Context().Done():
				return
			case e := <-events:
				_, _ = w.Write([]byte(e.Kind + "\n"))
			default: // want "select in a loop with an empty default case never blocks"
			}
		}
	}
}

// Reported: a round-robin poll; the select is the whole body of the range loop, and the outer loop repeats it forever.
func pollQueues(queues []chan Task, run func(Task)) {
	for {
		for _, q := range queues {
			select {
			case t := <-q:
				run(t)
			default: // want "select in a loop with an empty default case never blocks"
			}
		}
	}
}

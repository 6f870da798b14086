package spinningselect

import (
	"context"
	"runtime"
	"time"
)

// Not reported: the default case sleeps, so the loop polls at a fixed rate.
func pollSleep(in <-chan string, every time.Duration) {
	for {
		select {
		case msg, ok := <-in:
			if !ok {
				return
			}
			handle(msg)
		default:
			time.Sleep(every)
		}
	}
}

// Not reported: the default case backs off, sleeping longer each time nothing is ready.
func pollBackoff(ctx context.Context, in <-chan string) {
	backoff := time.Millisecond
	for {
		select {
		case <-ctx.Done():
			return
		case msg := <-in:
			handle(msg)
			backoff = time.Millisecond
		default:
			time.Sleep(backoff)
			if backoff < time.Second {
				backoff *= 2
			}
		}
	}
}

// Not reported: the default case yields the processor with runtime.Gosched.
func spinYield(flag <-chan struct{}) {
	for {
		select {
		case <-flag:
			return
		default:
			runtime.Gosched()
		}
	}
}

// Not reported: the default case returns, so the loop ends as soon as nothing is ready.
func readAvailable(in <-chan []byte) [][]byte {
	var got [][]byte
	for {
		select {
		case b := <-in:
			got = append(got, b)
		default:
			return got
		}
	}
}

// Not reported: the drain idiom; the default case breaks out of the labeled loop.
func drain(ch <-chan Event) int {
	n := 0
drain:
	for {
		select {
		case <-ch:
			n++
		default:
			break drain
		}
	}
	return n
}

// Not reported: the default case blocks in a second select until there is something to do.
func (w *Worker) RunIdle(wake <-chan struct{}) {
	for {
		select {
		case t := <-w.tasks:
			w.do(t)
		default:
			select {
			case <-w.quit:
				return
			case <-wake:
			}
		}
	}
}

// Not reported: a select without a default case blocks until a case is ready.
func (w *Worker) RunBlocking() {
	for {
		select {
		case <-w.quit:
			return
		case t := <-w.tasks:
			w.do(t)
		}
	}
}

// Not reported: a non-blocking send outside any loop; a full channel drops the event.
func tryPublish(out chan<- Event, e Event) bool {
	select {
	case out <- e:
		return true
	default:
	}
	return false
}

// Not reported: the loop calls tryPublish; the select with the empty default is not itself in a loop.
func publishAll(out chan<- Event, events []Event) (dropped int) {
	for _, e := range events {
		if !tryPublish(out, e) {
			dropped++
		}
	}
	return dropped
}

// Not reported: a priority check; after the non-blocking select the loop body blocks in a second select.
func (w *Worker) RunQuitFirst() {
	for {
		select {
		case <-w.quit:
			return
		default:
		}
		select {
		case <-w.quit:
			return
		case t := <-w.tasks:
			w.do(t)
		}
	}
}

// Not reported: the loop body blocks on the send after the non-blocking cancellation check.
func transform(ctx context.Context, in <-chan int, out chan<- int) {
	for v := range in {
		select {
		case <-ctx.Done():
			return
		default:
		}
		out <- v * 2
	}
}

// Not reported: the loop body sleeps after the non-blocking check.
func waitUntil(ctx context.Context, ready func() bool, every time.Duration) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		default:
		}
		if ready() {
			return nil
		}
		time.Sleep(every)
	}
}

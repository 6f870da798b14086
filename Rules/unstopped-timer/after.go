package unstoppedtimer

import (
	"log"
	"time"
)

// Reported: an idle timeout in a for/select creates a new timer per message.
func consume(in <-chan string, idle time.Duration) {
	for {
		select {
		case msg := <-in:
			log.Print(msg)
		case <-time.After(idle): // want "time\\.After in a loop creates a timer on every iteration that is not collected until it fires"
			return
		}
	}
}

// Reported: a send timeout per job allocates one timer per job.
func dispatch(jobs []string, out chan<- string) (dropped int) {
	for _, j := range jobs {
		select {
		case out <- j:
		case <-time.After(50 * time.Millisecond): // want "in a loop creates a timer on every iteration"
			dropped++
		}
	}
	return dropped
}

// Reported: a three-clause loop with a receive timeout per attempt.
func collect(results <-chan Result, n int, each time.Duration) []Result {
	var got []Result
	for i := 0; i < n; i++ {
		select {
		case r := <-results:
			got = append(got, r)
		case <-time.After(each): // want "in a loop creates a timer on every iteration"
			return got
		}
	}
	return got
}

// Reported: a keepalive goroutine whose loop evaluates time.After on every pass.
func keepalive(pings <-chan struct{}, dead func()) {
	go func() {
		for {
			select {
			case <-pings:
			case <-time.After(30 * time.Second): // want "in a loop creates a timer on every iteration"
				dead()
				return
			}
		}
	}()
}

// Not reported: time.After outside a loop; one timer per call.
func awaitOne(results <-chan Result, d time.Duration) (Result, error) {
	select {
	case r := <-results:
		return r, nil
	case <-time.After(d):
		return Result{}, errTimeout
	}
}

// Not reported: one timer created before the loop, reset on every message.
func consumeReset(in <-chan string, idle time.Duration) {
	t := time.NewTimer(idle)
	defer t.Stop()
	for {
		select {
		case msg := <-in:
			log.Print(msg)
			if !t.Stop() {
				<-t.C
			}
			t.Reset(idle)
		case <-t.C:
			return
		}
	}
}

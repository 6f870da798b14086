package loopvarcapture

import (
	"context"
	"log"
	"sync"
)

// Reported: the range value is captured by a goroutine.
func processAll(jobs []Job) {
	var wg sync.WaitGroup
	for _, job := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			process(job) // want "loop variable job captured by a goroutine: all goroutines may see the last value"
		}()
	}
	wg.Wait()
}

// Reported: key and value are both captured; two findings on one line.
func fetchAll(ctx context.Context, urls []string) []string {
	out := make([]string, len(urls))
	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i], _ = fetch(ctx, u) // want "loop variable i captured by a goroutine" "loop variable u captured by a goroutine"
		}()
	}
	wg.Wait()
	return out
}

// Reported: the variable of a three-clause for loop is captured by a goroutine.
func startWorkers(n int, jobs <-chan Job) {
	for i := 0; i < n; i++ {
		go func() {
			for j := range jobs {
				log.Printf("worker %d: job %s", i, j.ID) // want "loop variable i captured by a goroutine"
				process(j)
			}
		}()
	}
}

// Reported once, at the first reference inside the goroutine; the others are related locations.
func replicate(name string, data []byte, regions []string) {
	for _, region := range regions {
		go func() {
			if err := upload(region+"/"+name, data); err != nil { // want "loop variable region captured by a goroutine"
				log.Printf("replicate to %s: %v", region, err) // related "also used here"
			}
		}()
	}
}

// Reported once although two goroutines capture the variable: one copy fixes both.
func mirror(name string, data []byte, regions []string) {
	for _, region := range regions {
		go func() { _ = upload(region+"/"+name, data) }()    // want "loop variable region captured by a goroutine"
		go func() { log.Printf("mirrored to %s", region) }() // related "also used here"
	}
}

// Reported: an inner loop's variable is captured by a goroutine.
func fanOut(batches [][]Job) {
	for _, batch := range batches {
		for _, j := range batch {
			go func() { process(j) }() // want "loop variable j captured by a goroutine"
		}
	}
}

// Not reported: the variable is rebound with job := job before the closure.
func processAllCopied(jobs []Job) {
	var wg sync.WaitGroup
	for _, job := range jobs {
		job := job
		wg.Add(1)
		go func() {
			defer wg.Done()
			process(job)
		}()
	}
	wg.Wait()
}

// Not reported: the variable is passed to the goroutine as an argument.
func processAllArg(jobs []Job) {
	var wg sync.WaitGroup
	for _, job := range jobs {
		wg.Add(1)
		go func(j Job) {
			defer wg.Done()
			process(j)
		}(job)
	}
	wg.Wait()
}

// Not reported: go with a plain function call evaluates its arguments immediately.
func processAllCall(jobs []Job) {
	for _, job := range jobs {
		go process(job)
	}
}

// Not reported: the iteration waits for its goroutines with wg.Wait before it ends.
func uploadAndIndex(files map[string][]byte) {
	for name, data := range files {
		var wg sync.WaitGroup
		wg.Add(2)
		go func() {
			defer wg.Done()
			_ = upload(name, data)
		}()
		go func() {
			defer wg.Done()
			_ = index(name, data)
		}()
		wg.Wait()
	}
}

// Not reported: the iteration receives from done before it ends.
func processInOrder(jobs []Job) {
	for _, job := range jobs {
		done := make(chan struct{})
		go func() {
			process(job)
			close(done)
		}()
		<-done
	}
}

// Not reported: a variable declared inside the loop body is fresh on every iteration.
func processByIndex(jobs []Job) {
	for i := range jobs {
		j := jobs[i]
		go func() { process(j) }()
	}
}

// Not reported: the goroutine captures only variables declared outside the loop.
func broadcast(ctx context.Context, subscribers []chan<- string, msg string) {
	for range subscribers {
		go func() {
			select {
			case <-ctx.Done():
			default:
				log.Print(msg)
			}
		}()
	}
}

// Not reported: each branch of the switch passes the variable as an argument.
func route(jobs []Job, fast, slow func(Job)) {
	for _, job := range jobs {
		switch {
		case len(job.Payload) < 1024:
			go func(j Job) { fast(j) }(job)
		default:
			go func(j Job) { slow(j) }(job)
		}
	}
}

// Reported: one branch of the switch captures the variable, the other passes it.
func routeMixed(jobs []Job, fast, slow func(Job)) {
	for _, job := range jobs {
		switch {
		case len(job.Payload) < 1024:
			go func(j Job) { fast(j) }(job)
		default:
			go func() { slow(job) }() // want "loop variable job captured by a goroutine"
		}
	}
}

// Not reported: a labeled continue skips to the next item; the goroutine gets its own copy.
func sendValid(batches [][]Job, send func(Job)) {
outer:
	for _, batch := range batches {
		for _, j := range batch {
			if j.ID == "" {
				continue outer
			}
			go send(j)
		}
	}
}

package waitgroupmisuse

import (
	"sync"
)

// worker drains the queue and then signals the group.
func worker(wg *sync.WaitGroup, queue <-chan Job) {
	for j := range queue {
		if j.Skip {
			continue
		}
		j.Run()
	}
	wg.Done()
}

// Not reported: the goroutines run a named function; leaklint does not follow it.
func runPool(n int, queue <-chan Job) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go worker(&wg, queue)
	}
	wg.Wait()
}

// Not reported: Group.Go (like sync.WaitGroup.Go in Go 1.25) counts the function itself; an early return inside it is fine.
func warmAll(keys []string) {
	var g Group
	for _, k := range keys {
		k := k
		g.Go(func() {
			if k == "" {
				return
			}
			warm(k)
		})
	}
	g.Wait()
}

// Not reported: a method value handed to Group.Go; no go statement with a literal is involved.
func runEachJob(jobs []Job) {
	var g Group
	for _, j := range jobs {
		g.Go(j.Run)
	}
	g.Wait()
}

package waitgroupmisuse

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"sort"
	"sync"
)

// Reported: a failed request returns before wg.Done; Wait never returns.
func statusAll(urls []string) map[string]int {
	var mu sync.Mutex
	codes := make(map[string]int)
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func(u string) {
			resp, err := http.Get(u)
			if err != nil {
				log.Print(err)
				return
			}
			resp.Body.Close()
			mu.Lock()
			codes[u] = resp.StatusCode
			mu.Unlock()
			wg.Done() // want "wg\\.Done is not deferred and this goroutine can return before reaching it: wg\\.Wait blocks forever; defer wg\\.Done\\(\\) at the start of the goroutine"
		}(u)
	}
	wg.Wait()
	return codes
}

// Reported: the panic on a nil job can be reached before wg.Done.
func runChecked(jobs []*Job) {
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func(j *Job) {
			if j == nil {
				panic("nil job")
			}
			j.Run()
			wg.Done() // want "wg\\.Done is not deferred and this goroutine can return before reaching it"
		}(j)
	}
	wg.Wait()
}

// Reported: the return on cancellation inside the loop skips wg.Done.
func consume(ctx context.Context, in <-chan Job) *sync.WaitGroup {
	wg := &sync.WaitGroup{}
	wg.Add(1)
	go func() {
		for j := range in {
			if ctx.Err() != nil {
				return
			}
			j.Run()
		}
		wg.Done() // want "Done is not deferred and this goroutine can return before reaching it"
	}()
	return wg
}

// Reported: the unknown-kind case of the switch returns without wg.Done.
func dispatch(kind string, payload []byte, wg *sync.WaitGroup, out chan<- string) {
	wg.Add(1)
	go func() {
		var msg string
		switch kind {
		case "text":
			msg = string(payload)
		case "hex":
			msg = fmt.Sprintf("%x", payload)
		default:
			log.Printf("unknown kind %q", kind)
			return
		}
		out <- msg
		wg.Done() // want "Done is not deferred and this goroutine can return before reaching it"
	}()
}

// Reported: the server's group; a decode error returns before s.wg.Done.
func (s *Server) loadAsync(r io.Reader, into *map[string]string) {
	s.wg.Add(1)
	go func() {
		var m map[string]string
		if err := json.NewDecoder(r).Decode(&m); err != nil {
			log.Print(err)
			return
		}
		*into = m
		s.wg.Done() // want "Done is not deferred and this goroutine can return before reaching it: .*Wait blocks forever"
	}()
}

// Reported: the WaitGroup is passed to the literal as a parameter; a cache hit returns early.
func warmMissing(keys []string, cached func(string) bool) {
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Add(1)
		go func(k string, wg *sync.WaitGroup) {
			if cached(k) {
				return
			}
			warm(k)
			wg.Done() // want "Done is not deferred and this goroutine can return before reaching it"
		}(k, &wg)
	}
	wg.Wait()
}

// Reported: the cancellation case of the select returns before wg.Done.
func sendAll(ctx context.Context, out chan<- string, items []string) {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func(it string) {
			select {
			case out <- it:
			case <-ctx.Done():
				return
			}
			wg.Done() // want "Done is not deferred and this goroutine can return before reaching it"
		}(it)
	}
	wg.Wait()
}

// Not reported: defer wg.Done() first; the early return is fine.
func statusEach(urls []string) {
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func(u string) {
			defer wg.Done()
			resp, err := http.Get(u)
			if err != nil {
				log.Print(err)
				return
			}
			resp.Body.Close()
		}(u)
	}
	wg.Wait()
}

// Not reported: wg.Done is not deferred, but the goroutine has no other way out.
func runPlain(jobs []Job) {
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func(j Job) {
			if !j.Skip {
				j.Run()
			}
			wg.Done()
		}(j)
	}
	wg.Wait()
}

// Not reported: every branch calls wg.Done before it returns.
func loadAll(srcs []io.Reader, into []map[string]string) {
	var wg sync.WaitGroup
	for i, r := range srcs {
		wg.Add(1)
		go func(i int, r io.Reader) {
			var m map[string]string
			if err := json.NewDecoder(r).Decode(&m); err != nil {
				log.Print(err)
				wg.Done()
				return
			}
			into[i] = m
			wg.Done()
		}(i, r)
	}
	wg.Wait()
}

// Not reported: the only return comes after wg.Done.
func report(results []int, wg *sync.WaitGroup, out chan<- int) {
	wg.Add(1)
	go func() {
		sum := 0
		for _, r := range results {
			sum += r
		}
		wg.Done()
		if sum == 0 {
			return
		}
		out <- sum
	}()
}

// Not reported: wg.Done is in a deferred closure that also recovers.
func runRecovering(jobs []Job) {
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func(j Job) {
			defer func() {
				if r := recover(); r != nil {
					log.Printf("job %s panicked: %v", j.ID, r)
				}
				wg.Done()
			}()
			if j.Skip {
				return
			}
			j.Run()
		}(j)
	}
	wg.Wait()
}

// Not reported: the return belongs to the sort.Slice less function, not to the goroutine.
func sortAsync(xs []string, wg *sync.WaitGroup) {
	wg.Add(1)
	go func() {
		sort.Slice(xs, func(i, j int) bool {
			return len(xs[i]) < len(xs[j])
		})
		wg.Done()
	}()
}

// Not reported: the only path that skips wg.Done ends in log.Fatal, which exits the process.
func mustLoad(srcs []io.Reader) {
	var wg sync.WaitGroup
	for _, r := range srcs {
		wg.Add(1)
		go func(r io.Reader) {
			var m map[string]string
			if err := json.NewDecoder(r).Decode(&m); err != nil {
				log.Fatal(err)
			}
			wg.Done()
		}(r)
	}
	wg.Wait()
}

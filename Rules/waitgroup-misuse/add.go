package waitgroupmisuse

import (
	"log"
	"net"
	"net/http"
	"os"
	"sync"
	"time"
)

// Reported: the goroutine logs first and counts itself afterwards; Wait can run before that.
func fetchAll(urls []string) {
	var wg sync.WaitGroup
	for _, u := range urls {
		go func(u string) {
			log.Printf("fetching %s", u)
			wg.Add(1) // want "wg\\.Add inside the goroutine it counts: wg\\.Wait may return before the goroutine has started; call wg\\.Add before the go statement"
			defer wg.Done()
			if _, err := fetch(u); err != nil {
				log.Print(err)
			}
		}(u)
	}
	wg.Wait()
}

// Reported: skipped jobs return before counting; the others count themselves too late.
func runJobs(jobs []Job) {
	var wg sync.WaitGroup
	for _, j := range jobs {
		go func(j Job) {
			if j.Skip {
				return
			}
			wg.Add(1) // want "Add inside the goroutine it counts"
			defer wg.Done()
			j.Run()
		}(j)
	}
	wg.Wait()
}

// Reported: each connection goroutine adds itself to s.wg; Shutdown can miss one that was just accepted.
func (s *Server) Serve() error {
	for {
		conn, err := s.l.Accept()
		if err != nil {
			return err
		}
		go func(c net.Conn) {
			defer c.Close()
			s.wg.Add(1) // want "Add inside the goroutine it counts: .*Wait may return before the goroutine has started"
			defer s.wg.Done()
			s.handle(c)
		}(conn)
	}
}

// Reported: the WaitGroup is a parameter; the flusher counts itself after it is already running.
func startFlusher(wg *sync.WaitGroup, b *Batcher, every time.Duration) {
	go func() {
		t := time.NewTicker(every)
		wg.Add(1) // want "Add inside the goroutine it counts"
		defer wg.Done()
		defer t.Stop()
		for range t.C {
			if !b.flush() {
				return
			}
		}
	}()
}

// Reported: the Add is inside the goroutine's critical section; it still runs after the go statement.
func startTracked(mu *sync.Mutex, active *int, wg *sync.WaitGroup, work func()) {
	go func() {
		mu.Lock()
		*active++
		wg.Add(1) // want "Add inside the goroutine it counts"
		mu.Unlock()
		defer wg.Done()
		work()
	}()
}

// Reported: a handler starts an audit goroutine that counts itself in the server's group.
func (s *Server) auditHandler() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		path := r.URL.Path
		go func() {
			at := time.Now()
			s.wg.Add(1) // want "Add inside the goroutine it counts"
			defer s.wg.Done()
			s.audit(path, at)
		}()
		w.WriteHeader(http.StatusAccepted)
	}
}

// Reported twice: the Add is inside the goroutine, and a failed Stat returns before the Done.
func sizes(paths []string) []int64 {
	var wg sync.WaitGroup
	out := make(chan int64, len(paths))
	for _, p := range paths {
		go func(p string) {
			info, err := os.Stat(p)
			wg.Add(1) // want "wg\\.Add inside the goroutine it counts"
			if err != nil {
				return
			}
			out <- info.Size()
			wg.Done() // want "wg\\.Done is not deferred and this goroutine can return before reaching it"
		}(p)
	}
	wg.Wait()
	close(out)
	var all []int64
	for n := range out {
		all = append(all, n)
	}
	return all
}

// Not reported: Add before each go statement, the usual idiom.
func fetchEach(urls []string) {
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func(u string) {
			defer wg.Done()
			if _, err := fetch(u); err != nil {
				log.Print(err)
			}
		}(u)
	}
	wg.Wait()
}

// Not reported: one Add for all goroutines, before the loop that starts them.
func runAll(jobs []Job) {
	var wg sync.WaitGroup
	wg.Add(len(jobs))
	for _, j := range jobs {
		go func(j Job) {
			defer wg.Done()
			if j.Skip {
				return
			}
			j.Run()
		}(j)
	}
	wg.Wait()
}

// Not reported: the connection is counted before its goroutine starts.
func (s *Server) ServeCounted() error {
	for {
		conn, err := s.l.Accept()
		if err != nil {
			return err
		}
		s.wg.Add(1)
		go func(c net.Conn) {
			defer s.wg.Done()
			defer c.Close()
			s.handle(c)
		}(conn)
	}
}

// Not reported: the WaitGroup is local to the goroutine, which counts the goroutines it starts before starting them.
func processBatches(batches [][]Job, done chan<- error) {
	go func() {
		var inner sync.WaitGroup
		errs := make(chan error, 1)
		for _, batch := range batches {
			inner.Add(len(batch))
			for _, j := range batch {
				go func(j Job) {
					defer inner.Done()
					if err := process(j); err != nil {
						select {
						case errs <- err:
						default:
						}
					}
				}(j)
			}
		}
		inner.Wait()
		close(errs)
		done <- <-errs
	}()
}

// Not reported: the Add is in a closure that is called, not started as a goroutine; it runs before the go statement.
func crawl(seeds []string, visit func(string)) {
	var wg sync.WaitGroup
	spawn := func(u string) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			visit(u)
		}()
	}
	for _, s := range seeds {
		spawn(s)
	}
	wg.Wait()
}

// Not reported: a goroutine that only waits, then closes the results channel.
func collect(jobs []Job) <-chan error {
	var wg sync.WaitGroup
	errs := make(chan error, len(jobs))
	for _, j := range jobs {
		wg.Add(1)
		go func(j Job) {
			defer wg.Done()
			errs <- process(j)
		}(j)
	}
	go func() {
		wg.Wait()
		close(errs)
	}()
	return errs
}

// Reported once: the goroutine adds to wg twice; the second Add is a related location.
func twoSteps(jobs []Job) {
	var wg sync.WaitGroup
	for _, j := range jobs {
		go func(j Job) {
			log.Printf("job %s: first step", j.ID)
			wg.Add(1) // want "wg\\.Add inside the goroutine it counts"
			j.Run()
			wg.Done()
			wg.Add(1) // related "wg\\.Add is also called here"
			defer wg.Done()
			j.Run()
		}(j)
	}
	wg.Wait()
}

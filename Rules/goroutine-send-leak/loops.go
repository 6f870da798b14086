package goroutinesendleak

import (
	"context"
	"sync"
)

// Reported: the first mirror to answer wins; every other mirror's goroutine blocks on ch.
func fastestMirror(mirrors []string, path string) ([]byte, error) {
	if len(mirrors) == 0 {
		return nil, errNoMirrors
	}
	ch := make(chan []byte)
	for _, m := range mirrors {
		go func(base string) {
			b, _ := download(base + path)
			ch <- b // want "goroutines started in a loop send on ch but this function receives only once: the other senders block forever; give the channel room for every sender, make\\(chan \\[\\]byte, n\\)"
		}(m)
	}
	return <-ch, nil
}

// Reported: hedged requests started by a counted loop, one answer taken.
func hedgedGet(ctx context.Context, s Store, key string, replicas int) (string, error) {
	type answer struct {
		v   string
		err error
	}
	answers := make(chan answer)
	for i := 0; i < replicas; i++ {
		go func() {
			v, err := s.Get(ctx, key)
			answers <- answer{v, err} // want "goroutines started in a loop send on answers but this function receives only once: the other senders block forever; give the channel room for every sender, make\\(chan answer, n\\)"
		}()
	}
	a := <-answers
	return a.v, a.err
}

// Reported: only the first error is looked at; the other hosts' results are never read.
func checkAll(hosts []string) error {
	errc := make(chan error)
	for _, h := range hosts {
		go func(h string) {
			errc <- ping(h) // want "goroutines started in a loop send on errc but this function receives only once: the other senders block forever"
		}(h)
	}
	if err := <-errc; err != nil {
		return err
	}
	return nil
}

// Not reported: one receive per goroutine, counted by ranging over the same slice.
func fetchAll(urls []string) [][]byte {
	ch := make(chan []byte)
	for _, u := range urls {
		go func(u string) {
			b, _ := download(u)
			ch <- b
		}(u)
	}
	var out [][]byte
	for range urls {
		out = append(out, <-ch)
	}
	return out
}

// Not reported: the receive loop runs as many times as goroutines were started.
func pingAll(hosts []string) []error {
	errc := make(chan error)
	for i := 0; i < len(hosts); i++ {
		go func(h string) {
			errc <- ping(h)
		}(hosts[i])
	}
	var errs []error
	for i := 0; i < len(hosts); i++ {
		if err := <-errc; err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// Not reported: the channel has room for every sender, so one receive leaves no one blocked.
func fastestMirrorBuffered(mirrors []string, path string) ([]byte, error) {
	if len(mirrors) == 0 {
		return nil, errNoMirrors
	}
	ch := make(chan []byte, len(mirrors))
	for _, m := range mirrors {
		go func(base string) {
			b, _ := download(base + path)
			ch <- b
		}(m)
	}
	return <-ch, nil
}

// Not reported: a WaitGroup closes the channel after the last sender, and the
// function ranges over it to the end.
func lengths(urls []string) map[string]int {
	type sized struct {
		url string
		n   int
	}
	ch := make(chan sized)
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func(u string) {
			defer wg.Done()
			b, _ := download(u)
			ch <- sized{u, len(b)}
		}(u)
	}
	go func() {
		wg.Wait()
		close(ch)
	}()
	out := make(map[string]int)
	for s := range ch {
		out[s.url] = s.n
	}
	return out
}

// Not reported: each sender gives up when ctx is done, so the single receive
// plus cancel leaves no goroutine behind.
func firstAnswer(ctx context.Context, s Store, key string, replicas int) (string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	answers := make(chan string)
	for i := 0; i < replicas; i++ {
		go func() {
			v, err := s.Get(ctx, key)
			if err != nil {
				return
			}
			select {
			case answers <- v:
			case <-ctx.Done():
			}
		}()
	}
	select {
	case v := <-answers:
		return v, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// Not reported: each iteration makes its own channel and receives from it
// before the next one; no channel has more than one sender.
func fetchInOrder(urls []string) [][]byte {
	var out [][]byte
	for _, u := range urls {
		ch := make(chan []byte)
		go func(u string) {
			b, _ := download(u)
			ch <- b
		}(u)
		out = append(out, <-ch)
	}
	return out
}

package loopvarcapture

import (
	"context"
	"fmt"
)

// Reported: errgroup-style g.Go; the closure may run after the iteration ends.
func fetchPages(ctx context.Context, urls []string) error {
	g := &group{}
	for _, u := range urls {
		g.Go(func() error {
			_, err := fetch(ctx, u) // want "loop variable u captured by a function passed to g\\.Go: it may run after the iteration ends"
			return err
		})
	}
	return g.Wait()
}

// Reported: both the index and the value are captured, on separate lines.
func uploadShards(shards [][]byte, name string) error {
	g := &group{}
	for i, shard := range shards {
		g.Go(func() error {
			part := fmt.Sprintf("%s.part%d", name, i) // want "loop variable i captured by a function passed to g\\.Go"
			return upload(part, shard)                // want "loop variable shard captured by a function passed to g\\.Go"
		})
	}
	return g.Wait()
}

// Reported: a WaitGroup with a Go method (sync.WaitGroup.Go since Go 1.25).
func indexAll(docs map[string][]byte) {
	var wg waitGroup
	for name, body := range docs {
		wg.Go(func() {
			_ = index(name, body) // want "loop variable name captured by a function passed to wg\\.Go" "loop variable body captured by a function passed to wg\\.Go"
		})
	}
	wg.Wait()
}

// Reported: a three-clause loop variable in wg.Go.
func pingRange(first, last int, ping func(int)) {
	var wg waitGroup
	for port := first; port <= last; port++ {
		wg.Go(func() { ping(port) }) // want "loop variable port captured by a function passed to wg\\.Go"
	}
	wg.Wait()
}

// Not reported: the variable is copied before g.Go.
func fetchPagesCopied(ctx context.Context, urls []string) error {
	g := &group{}
	for _, u := range urls {
		u := u
		g.Go(func() error {
			_, err := fetch(ctx, u)
			return err
		})
	}
	return g.Wait()
}

// Not reported: each iteration waits for its group with g.Wait before it ends.
func fetchBatches(ctx context.Context, batches [][]string) error {
	for _, batch := range batches {
		g := &group{}
		g.Go(func() error {
			_, err := fetch(ctx, batch[0])
			return err
		})
		g.Go(func() error {
			_, err := fetch(ctx, batch[len(batch)-1])
			return err
		})
		if err := g.Wait(); err != nil {
			return err
		}
	}
	return nil
}

// Not reported: each iteration waits with wg.Wait before it ends.
func indexInTurn(docs map[string][]byte) {
	for name, body := range docs {
		var wg waitGroup
		wg.Go(func() { _ = index(name, body) })
		wg.Go(func() { _ = upload(name, body) })
		wg.Wait()
	}
}

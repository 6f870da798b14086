package deferinloop

import (
	"bufio"
	"context"
	"fmt"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Not reported: the loop body is a function literal called per iteration; its defer runs at the end of each call.
func countEach(paths []string) (int, error) {
	total := 0
	for _, p := range paths {
		n, err := func() (int, error) {
			f, err := os.Open(p)
			if err != nil {
				return 0, err
			}
			defer f.Close()
			return countIn(f)
		}()
		if err != nil {
			return total, err
		}
		total += n
	}
	return total, nil
}

// Not reported: a closure defined in the loop and called right away; the defers belong to it.
func checkEach(parent context.Context, urls []string) []int {
	var codes []int
	for _, u := range urls {
		check := func() (int, error) {
			ctx, cancel := context.WithTimeout(parent, 2*time.Second)
			defer cancel()
			req, err := http.NewRequestWithContext(ctx, http.MethodHead, u, nil)
			if err != nil {
				return 0, err
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				return 0, err
			}
			defer resp.Body.Close()
			return resp.StatusCode, nil
		}
		code, err := check()
		if err != nil {
			code = -1
		}
		codes = append(codes, code)
	}
	return codes
}

// Not reported: the defers are inside goroutine literals started by the loop; each goroutine has its own.
func serveAll(l net.Listener, conns int, handle func(net.Conn)) {
	var wg sync.WaitGroup
	for i := 0; i < conns; i++ {
		c, err := l.Accept()
		if err != nil {
			break
		}
		wg.Add(1)
		go func(c net.Conn) {
			defer wg.Done()
			defer c.Close()
			handle(c)
		}(c)
	}
	wg.Wait()
}

// Not reported: the lock is taken and its unlock deferred once, before the loop.
func sumBalances(mu *sync.Mutex, balances map[string]int) int {
	mu.Lock()
	defer mu.Unlock()
	total := 0
	for _, b := range balances {
		total += b
	}
	return total
}

// Not reported: the context is created and its cancel deferred before the loop.
func pingAll(parent context.Context, hosts []string, ping func(context.Context, string) error) error {
	ctx, cancel := context.WithTimeout(parent, 5*time.Second)
	defer cancel()
	for _, h := range hosts {
		if err := ping(ctx, h); err != nil {
			return err
		}
	}
	return nil
}

// Not reported: the ticker is created before the loop and stopped when the function returns.
func pollUntilDone(ctx context.Context, every time.Duration, poll func()) {
	tk := time.NewTicker(every)
	defer tk.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tk.C:
			poll()
		}
	}
}

// Not reported: the loop only picks a name; the file is opened, and its close deferred, after the loop.
func createUnique(dir, base string) (string, error) {
	name := filepath.Join(dir, base)
	for i := 1; fileExists(name); i++ {
		name = filepath.Join(dir, fmt.Sprintf("%s.%d", base, i))
	}
	f, err := os.Create(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	_, err = f.WriteString("created\n")
	return name, err
}

// Not reported: os.RemoveAll is not a release call; the directories are meant to live until the function returns.
func buildAll(targets []string) error {
	for _, t := range targets {
		dir, err := os.MkdirTemp("", "build-"+t)
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		if err := build(t, dir); err != nil {
			return err
		}
	}
	return nil
}

// Not reported: log.Printf is not a release; the summary lines print in reverse order when the function returns.
func applyMigrations(ms []Migration) error {
	for _, m := range ms {
		if err := m.Up(); err != nil {
			return fmt.Errorf("migration %s: %w", m.Name, err)
		}
		defer log.Printf("migration %s applied", m.Name)
	}
	return nil
}

// Not reported: the file is closed explicitly at the end of every iteration.
func countClosing(paths []string) (int, error) {
	total := 0
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return total, err
		}
		n, err := countIn(f)
		f.Close()
		if err != nil {
			return total, err
		}
		total += n
	}
	return total, nil
}

// Not reported: WalkDir calls the literal once per file; that is not a loop, and the literal has its own defer scope.
func countTree(root string) (int, error) {
	total := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		n, err := countIn(f)
		total += n
		return err
	})
	return total, err
}

// Not reported: the loop calls a named function, whose defer runs when that call returns.
func countNamed(paths []string) (int, error) {
	total := 0
	for _, p := range paths {
		n, err := countFile(p)
		if err != nil {
			return total, err
		}
		total += n
	}
	return total, nil
}

func countFile(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return countIn(f)
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// Not reported: inside the goroutine literal the defers come before the loop and run once, when it ends.
func tail(path string, lines chan<- string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	go func() {
		defer f.Close()
		defer close(lines)
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	return nil
}

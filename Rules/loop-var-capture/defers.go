package loopvarcapture

import (
	"log"
	"os"
	"sort"
	"sync"
)

// Reported: every deferred closure closes the last file.
func concatFiles(files []*os.File, out *os.File) {
	for _, f := range files {
		defer func() {
			f.Close() // want "loop variable f captured by a deferred function: every deferred call sees the last value"
		}()
		_, _ = out.ReadFrom(f)
	}
}

// Reported: the deferred log line sees the last name.
func migrate(names []string, run func(string) error) error {
	for _, name := range names {
		defer func() { log.Printf("migration %s finished", name) }() // want "loop variable name captured by a deferred function"
		if err := run(name); err != nil {
			return err
		}
	}
	return nil
}

// Reported: a three-clause loop variable in a deferred closure.
func unlockAll(locks []sync.Mutex) {
	for i := 0; i < len(locks); i++ {
		locks[i].Lock()
		defer func() { locks[i].Unlock() }() // want "loop variable i captured by a deferred function"
	}
}

// Not reported: the file is passed to the deferred closure as an argument.
func concatFilesArg(files []*os.File, out *os.File) {
	for _, f := range files {
		defer func(f *os.File) { f.Close() }(f)
		_, _ = out.ReadFrom(f)
	}
}

// Not reported: defer of a method call evaluates f immediately.
func concatFilesMethod(files []*os.File, out *os.File) {
	for _, f := range files {
		defer f.Close()
		_, _ = out.ReadFrom(f)
	}
}

// Not reported: defer of a helper call evaluates its argument immediately.
func concatFilesHelper(files []*os.File, out *os.File) {
	for _, f := range files {
		defer closeQuietly(f)
		_, _ = out.ReadFrom(f)
	}
}

// Not reported: the variable is copied before the deferred closure.
func migrateCopied(names []string, run func(string) error) error {
	for _, name := range names {
		name := name
		defer func() { log.Printf("migration %s finished", name) }()
		if err := run(name); err != nil {
			return err
		}
	}
	return nil
}

// Not reported: a function literal called immediately runs within the iteration.
func countWords(lines []string, counts map[string]int, mu *sync.Mutex) {
	for _, line := range lines {
		func() {
			mu.Lock()
			defer mu.Unlock()
			counts[normalize(line)]++
		}()
	}
}

// Not reported: a closure stored in a local and called within the iteration.
func keepValid(orders []Order) []Order {
	var out []Order
	for _, o := range orders {
		ok := func() bool { return o.Status != "cancelled" && o.Total > 0 }
		if ok() {
			out = append(out, o)
		}
	}
	return out
}

// Not reported: a closure passed to a function that calls it before returning.
func sortEach(groups [][]Order) {
	for _, g := range groups {
		sort.Slice(g, func(a, b int) bool { return g[a].Total < g[b].Total })
	}
}

package goroutinerecvleak

import (
	"context"
	"io"
	"log"
	"net"
	"sync"
)

// Logger writes lines in the background.
type Logger struct {
	lines chan string
	stop  func()
}

// Not reported: the channel is returned; closing it is the caller's job.
func startWriter(w io.Writer) chan<- string {
	lines := make(chan string)
	go func() {
		for l := range lines {
			_, _ = io.WriteString(w, l+"\n")
		}
	}()
	return lines
}

// Not reported: the channel is stored in a field; Close closes it.
func NewLogger(w io.Writer) *Logger {
	lg := &Logger{}
	lines := make(chan string)
	go func() {
		for l := range lines {
			_, _ = io.WriteString(w, l+"\n")
		}
	}()
	lg.lines = lines
	return lg
}

// Close stops the background writer.
func (lg *Logger) Close() { close(lg.lines) }

// Not reported: the channel is passed to a function that feeds and closes it.
func importAll(src []string, db Store, feed func(chan<- Row, []string) error) error {
	rows := make(chan Row)
	go func() {
		for r := range rows {
			_ = db.Insert(r)
		}
	}()
	return feed(rows, src)
}

// Not reported: a closure that closes the channel is stored for later.
func (lg *Logger) Watch(onStop func()) {
	stop := make(chan struct{})
	go func() {
		<-stop
		onStop()
	}()
	lg.stop = func() { close(stop) }
}

// Not reported: the function never returns; the accept loop runs forever.
func serveForever(l net.Listener, handle func(net.Conn)) {
	conns := make(chan net.Conn)
	go func() {
		for c := range conns {
			handle(c)
		}
	}()
	for {
		c, err := l.Accept()
		if err != nil {
			log.Print(err)
			continue
		}
		conns <- c
	}
}

// Not reported: the goroutine waits on ctx.Done, a channel this function did not make.
func closeOnCancel(ctx context.Context, l net.Listener) error {
	go func() {
		<-ctx.Done()
		_ = l.Close()
	}()
	_, err := l.Accept()
	return err
}

// Not reported: the channel is a parameter; whoever made it closes it.
func consume(in <-chan Event, sink Sink, wg *sync.WaitGroup) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		for e := range in {
			sink.Put(e)
		}
	}()
}

// Not reported: a WaitGroup pool that closes jobs before waiting.
func resizeEach(paths []string, workers int) {
	jobs := make(chan string)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				resize(p)
			}
		}()
	}
	for _, p := range paths {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
}

// Not reported: the goroutine's range is inside a select loop that also watches ctx.
func forward(ctx context.Context, sink Sink, events []Event) {
	ch := make(chan Event)
	go func() {
		for {
			select {
			case e := <-ch:
				sink.Put(e)
			case <-ctx.Done():
				return
			}
		}
	}()
	for _, e := range events {
		select {
		case ch <- e:
		case <-ctx.Done():
			return
		}
	}
}

// Not reported: the path that skips the close ends the process.
func mustImport(lines []string, db Store) {
	rows := make(chan Row)
	go func() {
		for r := range rows {
			_ = db.Insert(r)
		}
	}()
	for _, l := range lines {
		r, err := parseRow(l)
		if err != nil {
			log.Fatalf("import: %q: %v", l, err)
		}
		rows <- r
	}
	close(rows)
}

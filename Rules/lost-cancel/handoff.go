package lostcancel

import (
	"context"
	"net/http"
	"sync"
	"time"
)

// Worker owns a context for as long as it runs.
type Worker struct {
	ctx    context.Context
	cancel context.CancelFunc
	hooks  []func()
}

// Server shuts down its background contexts when it stops.
type Server struct {
	http *http.Server
}

var (
	mu       sync.Mutex
	inflight = map[string]context.CancelFunc{}

	rootCtx    context.Context
	rootCancel context.CancelFunc

	shutdownHooks []context.CancelFunc
)

// Reported: cancel is handed to the registry on one path only.
func startJob(parent context.Context, id string, track bool) context.Context {
	ctx, cancel := context.WithCancel(parent) // want "WithCancel is not called on every path"
	if track {
		mu.Lock()
		inflight[id] = cancel
		mu.Unlock()
		return ctx
	}
	return ctx // related "this return leaves cancel uncalled"
}

// Not reported: cancel is passed to a helper that calls it later.
func startWatched(parent context.Context) context.Context {
	ctx, cancel := context.WithCancel(parent)
	watch(ctx, cancel, time.Minute)
	return ctx
}

// Not reported: cancel is returned; the caller is responsible for it.
func withRequestTimeout(parent context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithTimeout(parent, 30*time.Second)
	return ctx, cancel
}

// Not reported: cancel is stored in a struct field and called by Stop.
func NewWorker(parent context.Context) *Worker {
	w := &Worker{}
	ctx, cancel := context.WithCancel(parent)
	w.ctx = ctx
	w.cancel = cancel
	return w
}

// Stop cancels the worker's context.
func (w *Worker) Stop() { w.cancel() }

// Not reported: cancel is stored in a package-level map, keyed by job id.
func trackJob(parent context.Context, id string) context.Context {
	ctx, cancel := context.WithCancel(parent)
	mu.Lock()
	inflight[id] = cancel
	mu.Unlock()
	return ctx
}

// Not reported: cancel is appended to a global slice of shutdown hooks.
func longLived(parent context.Context) context.Context {
	ctx, cancel := context.WithCancel(parent)
	mu.Lock()
	shutdownHooks = append(shutdownHooks, cancel)
	mu.Unlock()
	return ctx
}

// Not reported: the cancel variable is a struct field declared outside this function.
func (w *Worker) Restart(parent context.Context) {
	w.ctx, w.cancel = context.WithCancel(parent)
}

// Not reported: the cancel variable is a package variable assigned with =.
func initRoot() {
	rootCtx, rootCancel = context.WithCancel(context.Background())
}

// Not reported: a closure that calls cancel is returned to the caller.
func scoped(parent context.Context) (context.Context, func()) {
	ctx, cancel := context.WithTimeout(parent, time.Minute)
	return ctx, func() { cancel() }
}

// Not reported: a closure that calls cancel is passed to RegisterOnShutdown.
func (s *Server) background(parent context.Context) context.Context {
	ctx, cancel := context.WithCancel(parent)
	s.http.RegisterOnShutdown(func() { cancel() })
	return ctx
}

// Not reported: a closure that calls cancel is stored in a field.
func (w *Worker) attach(parent context.Context) context.Context {
	ctx, cancel := context.WithCancel(parent)
	w.hooks = append(w.hooks, func() { cancel() })
	return ctx
}

// Not reported: a goroutine calls cancel once the work is done.
func cancelWhenDone(parent context.Context, done <-chan struct{}) context.Context {
	ctx, cancel := context.WithCancel(parent)
	go func() {
		<-done
		cancel()
	}()
	return ctx
}

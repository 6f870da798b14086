// Command mainpkg shows unclosed-resource in package main: signal.Notify in
// func main needs no signal.Stop, because main's return ends the process.
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// Not reported: the registration lives exactly as long as the process.
func main() {
	sigc := make(chan os.Signal, 1)
	signal.Notify(sigc, os.Interrupt, syscall.SIGTERM)
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-sigc
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	}()
	if len(os.Args) > 1 && os.Args[1] == "-wait-hup" && !waitForHangup(time.Minute) {
		log.Fatal("no SIGHUP within a minute")
	}
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}

// Reported: an ordinary function in package main follows the usual rule.
func waitForHangup(d time.Duration) bool {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP) // want "signal\\.Notify is not undone with signal\\.Stop: the channel stays registered after this function returns; defer signal\\.Stop\\(hup\\)"
	select {
	case <-hup:
		return true
	case <-time.After(d):
		return false
	}
}

package unclosedresource

import (
	"bufio"
	"context"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

// Reported: waits for an interrupt or a timeout, then returns with the channel still registered.
func waitForInterrupt(d time.Duration) bool {
	sigc := make(chan os.Signal, 1)
	signal.Notify(sigc, os.Interrupt, syscall.SIGTERM) // want "signal\\.Notify is not undone with signal\\.Stop: the channel stays registered after this function returns; defer signal\\.Stop\\(sigc\\)"
	select {
	case <-sigc:
		return true
	case <-time.After(d):
		return false
	}
}

// Reported once: two Notify calls register the same channel; one Stop undoes both.
func waitForAnySignal(d time.Duration) bool {
	sigc := make(chan os.Signal, 1)
	signal.Notify(sigc, os.Interrupt)   // want "signal\\.Notify is not undone with signal\\.Stop"
	signal.Notify(sigc, syscall.SIGHUP) // related "sigc is also registered here"
	select {
	case <-sigc:
		return true
	case <-time.After(d):
		return false
	}
}

// Reported: Stop is called only when the user answers; an interrupt returns without it.
func confirm(in *bufio.Reader) bool {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt) // want "signal\\.Notify is not undone with signal\\.Stop: the channel stays registered after this function returns; defer signal\\.Stop\\(ch\\)"
	answers := make(chan string, 1)
	go func() {
		s, _ := in.ReadString('\n')
		answers <- s
	}()
	select {
	case <-ch:
		return false
	case a := <-answers:
		signal.Stop(ch)
		return strings.HasPrefix(strings.ToLower(a), "y")
	}
}

// Not reported: defer signal.Stop right after Notify.
func waitForInterruptStopped(d time.Duration) bool {
	sigc := make(chan os.Signal, 1)
	signal.Notify(sigc, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigc)
	select {
	case <-sigc:
		return true
	case <-time.After(d):
		return false
	}
}

// Not reported: Stop on every path.
func interruptible(ctx context.Context, work func(context.Context) error) error {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		select {
		case <-ch:
			cancel()
		case <-ctx.Done():
		}
	}()
	err := work(ctx)
	signal.Stop(ch)
	return err
}

// Not reported: the function never returns; it reloads on every SIGHUP for the life of the process.
func reloadOnHangup(reload func()) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	for {
		<-hup
		reload()
	}
}

// Not reported: the channel is returned to the caller, who owns the registration.
func shutdownSignals() chan os.Signal {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	return ch
}

// Command mainpkg shows lost-cancel in package main: inside func main only a
// discarded cancel is reported, because the process exit releases everything.
package main

import (
	"context"
	"log"
	"os"
	"time"
)

// In main, only the discarded cancel is reported.
func main() {
	base, _ := context.WithTimeout(context.Background(), time.Hour) // want "WithTimeout is discarded"

	// Not reported: cancel is skipped on the serve path, but main's return ends the process.
	ctx, cancel := context.WithCancel(base)
	if len(os.Args) > 1 && os.Args[1] == "-check" {
		cancel()
		return
	}
	serve(ctx)
}

// Reported: an ordinary function in package main follows the usual rule.
func serve(parent context.Context) {
	ctx, cancel := context.WithTimeout(parent, time.Second) // want "WithTimeout is not called on every path"
	if err := run(ctx); err != nil {
		cancel()
		log.Print(err)
	}
} // related "the end of the function is reached with cancel uncalled"

func run(ctx context.Context) error { return ctx.Err() }

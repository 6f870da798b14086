// Command mainpkg shows time.Tick in func main: when main returns the
// process ends, so the ticker cannot leak.
package main

import (
	"fmt"
	"os"
	"time"
)

// Not reported: time.Tick in main, even though main can return.
func main() {
	deadline := time.Now().Add(5 * time.Second)
	for now := range time.Tick(time.Second) {
		if now.After(deadline) {
			fmt.Println("done")
			return
		}
		fmt.Fprintln(os.Stderr, "waiting...")
	}
}

package unclosedresource

import (
	"fmt"
	"os"
	"os/signal"
)

// Not reported: an example function is runnable documentation that ends
// with the program, like main.
func ExampleInterrupt() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	fmt.Println("waiting")
}

package goroutinesendleak

// Not reported: the senders started in a loop are each received once by a
// loop that runs as many times.
func sumAll(parts [][]int) int {
	done := make(chan int)
	for _, p := range parts {
		go func(p []int) {
			s := 0
			for _, v := range p {
				s += v
			}
			done <- s
		}(p)
	}
	total := 0
	for range parts {
		total += <-done
	}
	return total
}

// Not reported: goroutines pass the value back and forth among themselves.
func pingPong(rounds int, finished chan<- bool) {
	ball := make(chan int)
	for i := 0; i < 2; i++ {
		go func() {
			for r := 0; r < rounds; r++ {
				v := <-ball
				ball <- v + 1
			}
			finished <- true
		}()
	}
	ball <- 0
}

// Not reported: two senders, two receives.
func both(a, b func() int) int {
	c := make(chan int)
	for _, f := range []func() int{a, b} {
		go func(f func() int) { c <- f() }(f)
	}
	return <-c + <-c
}

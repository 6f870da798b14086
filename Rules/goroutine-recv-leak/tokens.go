package goroutinerecvleak

// Not reported: a semaphore; the token is sent before the goroutine that
// gives it back starts.
func limited(tasks []func(), slots int) {
	sem := make(chan struct{}, slots)
	for _, t := range tasks {
		sem <- struct{}{}
		go func(t func()) {
			t()
			<-sem
		}(t)
	}
}

// Not reported: the close is deferred before the consumer starts.
func consumeAll(items []string, use func(string)) error {
	queue := make(chan string)
	defer close(queue)
	go func() {
		for it := range queue {
			use(it)
		}
	}()
	for _, it := range items {
		queue <- it
	}
	return nil
}

// Not reported: a producer goroutine started first feeds the consumer.
func pipeline(n int, use func(int)) {
	nums := make(chan int)
	go func() {
		for i := 0; i < n; i++ {
			nums <- i
		}
		close(nums)
	}()
	go func() {
		for v := range nums {
			use(v)
		}
	}()
}

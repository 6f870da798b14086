package spinningselect

import "testing"

// Not reported: a benchmark measures the cost of a non-blocking select; the
// loop ends after b.N rounds.
func BenchmarkPoll(b *testing.B, ch chan int) {
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			select {
			case <-ch:
			default:
			}
		}
	})
}

// Not reported: a counting loop polls a fixed number of times.
func pollN(ch chan int, n int) int {
	got := 0
	for i := 0; i < n; i++ {
		select {
		case <-ch:
			got++
		default:
		}
	}
	return got
}

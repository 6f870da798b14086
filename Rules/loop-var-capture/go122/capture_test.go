package go122

import (
	"strings"
	"testing"
)

// Not reported (Go 1.22): a parallel subtest captures the range value.
func TestUpperParallel(t *testing.T) {
	for _, s := range []string{"a", "b", "c"} {
		t.Run(s, func(t *testing.T) {
			t.Parallel()
			if got := strings.ToUpper(s); strings.ToLower(got) != s {
				t.Errorf("round trip of %q gave %q", s, got)
			}
		})
	}
}

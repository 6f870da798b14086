package loopvarcapture

import "testing"

var normalizeCases = []struct {
	name, in, want string
}{
	{"plain", "go", "go"},
	{"upper", "GO", "go"},
	{"spaces", "  go ", "go"},
}

// Reported: a parallel subtest captures tc; one finding per reference.
func TestNormalizeParallel(t *testing.T) {
	for _, tc := range normalizeCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := normalize(tc.in) // want "loop variable tc captured by a function passed to t\\.Run"
			if got != tc.want {     // related "also used here"
				t.Errorf("normalize(%q) = %q, want %q", tc.in, got, tc.want) // related "also used here" "also used here"
			}
		})
	}
}

// Not reported: without t.Parallel the subtest finishes before t.Run returns.
func TestNormalizeSerial(t *testing.T) {
	for _, tc := range normalizeCases {
		t.Run(tc.name, func(t *testing.T) {
			if got := normalize(tc.in); got != tc.want {
				t.Errorf("normalize(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// Not reported: the parallel subtest uses a copy made with tc := tc.
func TestNormalizeParallelCopied(t *testing.T) {
	for _, tc := range normalizeCases {
		tc := tc
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := normalize(tc.in); got != tc.want {
				t.Errorf("normalize(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

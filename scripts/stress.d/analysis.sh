# Stress cases for the analysis of one long function: many tracked values
# (tickers each followed by an early return, files sharing one err, one
# variable or cancel function holding many values, goroutines sending on
# one channel), many locals in scope, many defers in one loop with a
# suppression comment on each line, many closures capturing one loop
# variable. Each at the size that was slow and at 4x that size.
# Sourced by scripts/stress, which documents `measure` and `scratch`.

# analysis_generate KIND COUNT DIR: one package in DIR whose p.go is one function of COUNT repetitions.
analysis_generate() {
    python3 - "$1" "$2" "$3" <<'PY'
import sys
kind, count, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lines = ["package p", ""]
if kind == "tickers":
    lines += ['import "time"', "", "func f(c bool) {"]
    for i in range(count):
        lines += [f"\tt{i} := time.NewTicker(time.Second)", "\tif c {", "\t\treturn", "\t}", f"\t_ = t{i}"]
    lines += ["}"]
elif kind == "opens":
    lines += ['import "os"', "", "func f(p string) error {", "\tvar err error"]
    for i in range(count):
        lines += [f"\tf{i}, err := os.Open(p)", "\tif err != nil {", "\t\treturn err", "\t}"]
        lines += [f"\tdefer f{i}.Close()" if i % 2 == 0 else f"\t_ = f{i}.Name()"]
    lines += ["\treturn err", "}"]
elif kind == "one-variable":
    lines += ['import "os"', "", "func f(p string) error {", "\tvar f *os.File", "\tvar err error"]
    for i in range(count):
        lines += ["\tf, err = os.Open(p)", "\tif err != nil {", "\t\treturn err", "\t}"]
        lines += ["\tf.Close()" if i % 2 == 0 else "\t_ = f.Name()"]
    lines += ["\treturn nil", "}"]
elif kind == "cancels":
    lines += ['import "context"', "", "func f(ctx context.Context, c bool) {", "\tvar cancel context.CancelFunc", "\tvar derived context.Context"]
    for i in range(count):
        lines += ["\tderived, cancel = context.WithCancel(ctx)", "\tif c {", "\t\treturn", "\t}", "\tcancel()", "\t_ = derived"]
    lines += ["}"]
elif kind == "senders":
    lines += ["func f(c bool) int {", "\tch := make(chan int)"]
    lines += [f"\tgo func() {{ ch <- {i} }}()" for i in range(count)]
    lines += ["\tif c {", "\t\treturn 0", "\t}", "\treturn <-ch", "}"]
elif kind == "locals":
    lines += ["func f() int {"]
    lines += [f"\tv{i} := {i}" for i in range(count)]
    lines += ["\ts := 0"] + [f"\ts += v{i}" for i in range(count)] + ["\treturn s", "}"]
elif kind == "defers":
    lines += ['import "os"', "", "func f(files []*os.File) {", "\tfor _, f := range files {"]
    lines += ["\t\tdefer f.Close() //nolint:errcheck // another linter's"] * count
    lines += ["\t}", "}"]
elif kind == "captures":
    lines += ["func f(xs []int) {", "\tfor _, x := range xs {"]
    lines += ["\t\tgo func() { _ = x }()"] * count
    lines += ["\t}", "}"]
open(folder + "/p.go", "w").write("\n".join(lines) + "\n")
open(folder + "/go.mod", "w").write("module p\n\ngo 1.21\n")
PY
}

# analysis_case NAME KIND COUNT STATUS [RULE FINDINGS]: lint the generated package, expecting FINDINGS of RULE.
analysis_case() {
    local dir
    dir="$(scratch)"
    analysis_generate "$2" "$3" "$dir"
    if [[ $# -ge 6 ]]; then
        measure "$1" --status "$4" --check "test \"\$(grep -c '($5)\$' \"\$STDOUT\")\" -eq $6" -- "$LEAKLINT" -q "$dir"
    else
        measure "$1" --status "$4" -- "$LEAKLINT" -q "$dir"
    fi
}

stress_analysis_tickers_early_return() {
    analysis_case tickers-20000-early-returns tickers 20000 1 unstopped-timer 20000
    analysis_case tickers-80000-early-returns tickers 80000 1 unstopped-timer 80000
}

stress_analysis_files_sharing_err() {
    analysis_case opens-10000-one-err opens 10000 1 unclosed-resource 5000
    analysis_case opens-40000-one-err opens 40000 1 unclosed-resource 20000
}

stress_analysis_one_variable_many_values() {
    analysis_case one-file-variable-10000-values one-variable 10000 1 unclosed-resource 5000
    analysis_case one-cancel-variable-10000-values cancels 10000 1 lost-cancel 10000
}

stress_analysis_senders_on_one_channel() {
    analysis_case senders-10000-one-channel senders 10000 1 goroutine-send-leak 1
}

stress_analysis_locals() {
    analysis_case locals-100000 locals 100000 0
    analysis_case locals-400000 locals 400000 0
}

stress_analysis_defers_in_loop() {
    # Each defer is a finding; each comment, another linter's, is matched against it and silences nothing.
    analysis_case defers-40000-nolint defers 40000 1 defer-in-loop 40000
    analysis_case defers-160000-nolint defers 160000 1 defer-in-loop 160000
}

stress_analysis_captures_of_one_loop_variable() {
    analysis_case captures-10000-one-variable captures 10000 1 loop-var-capture 1
}

#!/usr/bin/env bash
# Stress cases for input and output: endless or oversized standard input,
# large baselines, worker threads under an address-space limit, and
# reports written to a full disk. Sourced by scripts/stress; run it
# directly to run only these cases (after swift build -c release).
#
# Each stress_io_* function prints one line:
#   case<TAB>seconds<TAB>peak-KB<TAB>status
# where status is "ok" or what went wrong. Inputs are generated under
# ${TMPDIR:-/tmp}, never in the repository.

io_stress_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# The leaklint under test: $LEAKLINT, else the release build.
io_stress_binary() {
    echo "${LEAKLINT:-$io_stress_root/.build/release/leaklint}"
}

# A fresh scratch directory for one case's inputs (the case removes it).
io_stress_scratch() {
    mktemp -d "${TMPDIR:-/tmp}/leaklint-stress-io.XXXXXX"
}

# io_stress_measure DIR NAME EXPECTED-STATUS EXPECTED-STDERR-SUBSTRING SCRIPT
# Runs SCRIPT (bash, in DIR, with $LEAKLINT set) and prints the case line,
# then removes DIR. The command measured (with /usr/bin/time) is the one
# SCRIPT runs as `measured "$LEAKLINT" ...`.
io_stress_measure() {
    local dir="$1" name="$2" want_status="$3" want_message="$4" script="$5"
    local timing="$dir/$name.time"
    rm -f "$timing"
    local status
    (
        cd "$dir" || exit 99
        export LEAKLINT
        LEAKLINT="$(io_stress_binary)"
        measured() {
            # A hang ends after a minute (status 124) instead of stalling the table.
            if command -v timeout >/dev/null; then set -- timeout -k 5 60 "$@"; fi
            if [[ -x /usr/bin/time ]]; then
                /usr/bin/time -f '%e %M' -o "$timing" "$@"
            else
                local start end
                start=$(date +%s.%N)
                "$@"
                local code=$?
                end=$(date +%s.%N)
                awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f ?\n", b - a }' >"$timing"
                return $code
            fi
        }
        eval "$script"
    ) >"$dir/$name.out" 2>"$dir/$name.err"
    status=$?
    local seconds="?" kilobytes="?"
    if [[ -s "$timing" ]]; then
        read -r seconds kilobytes < <(tail -n 1 "$timing")
    fi
    local verdict="ok"
    if [[ "$status" != "$want_status" ]]; then
        verdict="exit $status, expected $want_status: $(grep -v '^Command exited' "$dir/$name.err" | head -n 1)"
    elif [[ -n "$want_message" ]] && ! grep -qF -- "$want_message" "$dir/$name.err"; then
        verdict="no message '$want_message': $(head -n 1 "$dir/$name.err")"
    fi
    if [[ "$verdict" == ok && "$seconds" != "?" ]]; then
        if awk -v s="$seconds" 'BEGIN { exit !(s > 10) }'; then verdict="over 10 s"; fi
    fi
    if [[ "$verdict" == ok && "$kilobytes" != "?" && "$kilobytes" -gt 1048576 ]]; then verdict="over 1 GB"; fi
    printf '%s\t%s\t%s\t%s\n' "$name" "$seconds" "$kilobytes" "$verdict"
    rm -rf "$dir"
}

# A leaky Go file in DIR/src, for runs that need a finding.
io_stress_leaky_file() {
    local dir="$1"
    mkdir -p "$dir/src"
    printf 'package p\n\nimport "os"\n\nfunc f() {\n\tfile, _ := os.Open("x")\n\t_ = file\n}\n' >"$dir/src/a.go"
}

# Endless standard input: reading stops at the 256 MB limit.
stress_io_stdin_dev_zero() {
    io_stress_measure "$(io_stress_scratch)" stdin-dev-zero 2 "cannot read standard input: too large" \
        'measured "$LEAKLINT" --stdin-filename x.go </dev/zero'
}

# 2.2 GB of Go source piped in (offsets past 32 bits): refused at the limit.
stress_io_stdin_2g_source() {
    io_stress_measure "$(io_stress_scratch)" stdin-2g-source 2 "cannot read standard input: too large" \
        'yes "var _ = 1" | head -c 2200000000 | measured "$LEAKLINT" --stdin-filename x.go'
}

# Just under the limit on standard input (one long comment): read and parsed.
stress_io_stdin_at_limit() {
    io_stress_measure "$(io_stress_scratch)" stdin-at-limit 0 "" \
        '{ printf "package p\n\n//"; head -c 268000000 /dev/zero | tr "\0" x; printf "\n"; } |
            measured "$LEAKLINT" -q --stdin-filename x.go'
}

# A 100 MB SARIF baseline of 60,000 results (2.7 GB of memory before).
stress_io_baseline_sarif_100mb() {
    local dir
    dir="$(io_stress_scratch)"
    io_stress_leaky_file "$dir"
    awk 'BEGIN {
        pad = sprintf("%900s", ""); gsub(/ /, "x", pad)
        printf "{\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"results\": [\n"
        for (i = 0; i < 60000; i++) {
            printf "        {\n          \"ruleId\": \"unclosed-resource\",\n          \"level\": \"warning\",\n"
            printf "          \"message\": {\"text\": \"f%d is never closed: the file descriptor leaks; defer f.Close() %s\"},\n", i, pad
            printf "          \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"pkg%d/file%d.go\", \"uriBaseId\": \"%%SRCROOT%%\"},\n", i % 100, i
            printf "            \"region\": {\"startLine\": %d, \"startColumn\": 10, \"endLine\": %d, \"endColumn\": 22}}}],\n", i, i
            printf "          \"relatedLocations\": [{\"id\": 1, \"physicalLocation\": {\"artifactLocation\": {\"uri\": \"pkg%d/file%d.go\", \"uriBaseId\": \"%%SRCROOT%%\"},\n", i % 100, i
            printf "            \"region\": {\"startLine\": %d, \"startColumn\": 1}}, \"message\": {\"text\": \"the end of the function is reached with f open\"}}],\n", i + 2
            printf "          \"partialFingerprints\": {\"leaklint/v1\": \"%016x\"}\n        }%s\n", i * 7919, (i < 59999 ? "," : "")
        }
        printf "      ]\n    }\n  ]\n}\n"
    }' >"$dir/baseline.sarif"
    io_stress_measure "$dir" baseline-sarif-100mb 1 "" \
        'measured "$LEAKLINT" -q --baseline baseline.sarif src/a.go'
}

# A 109 MB leaklint JSON baseline of 60,000 findings (3.2 GB of memory before).
stress_io_baseline_json_109mb() {
    local dir
    dir="$(io_stress_scratch)"
    io_stress_leaky_file "$dir"
    awk 'BEGIN {
        pad = sprintf("%1420s", ""); gsub(/ /, "x", pad)
        printf "{\n  \"tool\": {\"name\": \"leaklint\"},\n  \"findings\": [\n"
        for (i = 0; i < 60000; i++) {
            printf "    {\n      \"path\": \"pkg%d/file%d.go\",\n      \"line\": %d,\n      \"column\": 10,\n", i % 100, i, i
            printf "      \"rule\": \"unclosed-resource\",\n      \"severity\": \"warning\",\n"
            printf "      \"message\": \"f%d is never closed: the file descriptor leaks %s\",\n", i, pad
            printf "      \"fingerprint\": \"%016x\",\n", i * 7919
            printf "      \"related\": [{\"path\": \"pkg%d/file%d.go\", \"line\": %d, \"column\": 1, \"message\": \"the end of the function is reached with f open\"}]\n", i % 100, i, i + 2
            printf "    }%s\n", (i < 59999 ? "," : "")
        }
        printf "  ],\n  \"errors\": [],\n  \"summary\": {\"findings\": 60000}\n}\n"
    }' >"$dir/baseline.json"
    io_stress_measure "$dir" baseline-json-109mb 1 "" \
        'measured "$LEAKLINT" -q --baseline baseline.json src/a.go'
}

# Eight jobs asking for 256 MB stacks under a 2 GB address-space limit
# (waited forever before): fewer or smaller workers.
stress_io_threads_under_ulimit() {
    local dir
    dir="$(io_stress_scratch)"
    for index in $(seq 1 200); do
        mkdir -p "$dir/tree/p$index"
        printf 'package p\n\nimport "os"\n\nfunc f() {\n\tfile, _ := os.Open("x")\n\t_ = file\n}\n' >"$dir/tree/p$index/a.go"
    done
    io_stress_measure "$dir" threads-under-ulimit 1 "" \
        'ulimit -v 2000000 && measured "$LEAKLINT" -q --jobs 8 ./tree/...'
}

# A report of some megabytes to a full disk: exit 2 and a message.
stress_io_stdout_dev_full() {
    local dir
    dir="$(io_stress_scratch)"
    mkdir -p "$dir/many"
    for file in $(seq 1 40); do
        {
            printf 'package p\n\nimport "os"\n\n'
            for index in $(seq 1 100); do
                printf 'func f%d() {\n\tfile, _ := os.Open("x")\n\t_ = file\n}\n\n' "$index"
            done
        } >"$dir/many/f$file.go"
    done
    io_stress_measure "$dir" stdout-dev-full 2 "cannot write to standard output: no space left on device" \
        'measured "$LEAKLINT" -q --format sarif ./many >/dev/full'
}

# Runs every case of this file when it is executed rather than sourced.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -u
    if [[ -z "${LEAKLINT:-}" && ! -x "$io_stress_root/.build/release/leaklint" ]]; then
        echo "build first: swift build -c release" >&2
        exit 2
    fi
    printf 'case\tseconds\tpeak-KB\tstatus\n'
    for case_function in $(declare -F | awk '$3 ~ /^stress_io_/ { print $3 }'); do
        "$case_function"
    done
fi

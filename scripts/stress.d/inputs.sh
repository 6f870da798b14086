# Stress cases for what leaklint reads besides Go sources (go.mod,
# .leaklint.json), for what a walk meets (deep paths, device links, file
# names with control characters) and for --parse-only reports. Sourced by
# scripts/stress, which documents `measure` and `scratch`.

# A package whose goroutine captures its loop variable: a finding only before Go 1.22.
inputs_write_capture() {
    mkdir -p "$1"
    printf 'package p\n\nfunc f(xs []int) {\n\tfor _, x := range xs {\n\t\tgo func() { println(x) }()\n\t}\n}\n' >"$1/p.go"
}

# A 1 GB go.mod (sparse) is refused by its size, unread, with a warning.
stress_gomod_1gb() {
    local dir
    dir="$(scratch)"
    inputs_write_capture "$dir"
    truncate -s 1G "$dir/go.mod"
    measure gomod-1gb --status 0 --stderr-has "go.mod: file too large (1073741824 bytes; the limit is 16777216)" \
        -- "$LEAKLINT" -q "$dir"
}

# A go.mod of exactly the 16 MB limit, its go line last: read, and the version found.
stress_gomod_at_limit() {
    local dir
    dir="$(scratch)"
    inputs_write_capture "$dir"
    python3 - "$dir/go.mod" <<'PY'
import sys
limit = 16 << 20
tail = "go 1.21\r\n"
line = "require example.com/some/module/path v1.2.3 // indirect\r\n"
body = "module p\r\n\r\n"
body += line * ((limit - len(body) - len(tail)) // len(line))
body += "/" * (limit - len(body) - len(tail) - 2) + "\r\n" + tail
assert len(body) == limit
open(sys.argv[1], "w", newline="").write(body)
PY
    measure gomod-16mb-crlf-at-limit --status 1 --stdout-has "loop variable x captured" -- "$LEAKLINT" -q "$dir"
}

# 2,000 modules whose go.mod files use CRLF (and a byte order mark): every go 1.21 line is seen.
stress_gomod_crlf_modules() {
    local dir
    dir="$(scratch)"
    python3 - "$dir" <<'PY'
import os, sys
root = sys.argv[1]
source = "package p\n\nfunc f(xs []int) {\n\tfor _, x := range xs {\n\t\tgo func() { println(x) }()\n\t}\n}\n"
for index in range(2000):
    folder = os.path.join(root, f"m{index:04d}")
    os.makedirs(folder)
    with open(os.path.join(folder, "go.mod"), "wb") as handle:
        handle.write(b"\xef\xbb\xbf" + f"module m{index}\r\n\r\ngo 1.21\r\n".encode())
    with open(os.path.join(folder, "p.go"), "w") as handle:
        handle.write(source)
PY
    measure gomod-crlf-2000-modules --status 1 --check '[ "$(grep -c "loop variable x captured" "$STDOUT")" -eq 2000 ]' \
        -- "$LEAKLINT" -q "$dir/..."
}

# A FIFO, a dangling link and a device named go.mod: warnings, no waiting.
stress_gomod_special() {
    local dir
    dir="$(scratch)"
    for kind in fifo dangling device; do inputs_write_capture "$dir/$kind"; done
    mkfifo "$dir/fifo/go.mod"
    ln -s "$dir/nowhere" "$dir/dangling/go.mod"
    ln -s /dev/zero "$dir/device/go.mod"
    measure gomod-fifo-dangling-device --status 0 \
        --check '[ "$(grep -c "^leaklint: warning: .*go.mod: " "$STDERR")" -eq 3 ]' -- "$LEAKLINT" -q "$dir/..."
}

# A 1 GB .leaklint.json (sparse) stops the run at once, naming it.
stress_config_1gb() {
    local dir
    dir="$(scratch)"
    inputs_write_capture "$dir"
    truncate -s 1G "$dir/.leaklint.json"
    measure config-1gb --status 2 --stderr-has ".leaklint.json: (file): cannot be read: file too large" -- "$LEAKLINT" -q "$dir"
}

# A .leaklint.json of nearly the 1 MB limit (CRLF, a byte order mark): 6,000 resources, and
# 50,000 method calls that each look them up.
stress_config_at_limit() {
    local dir
    dir="$(scratch)"
    python3 - "$dir" <<'PY'
import os, sys
root = sys.argv[1]
limit = 1 << 20
entries = ['{"package": "example.com/pool", "function": "Acquire%d", "receiver": "*Pool", "release": ["Release"],'
           ' "message": "pooled value %d never released"}' % (index, index) for index in range(6000)]
text = "\ufeff{\r\n\"resources\": [\r\n" + ",\r\n".join(entries) + "\r\n]}\r\n"
padding = limit - len(text.encode())
assert padding >= 0
text = text[:-3] + " " * padding + text[-3:]
open(os.path.join(root, ".leaklint.json"), "w", newline="", encoding="utf-8").write(text)
os.makedirs(os.path.join(root, "p"))
for part in range(50):
    body = "package p\n\nimport \"example.com/pool\"\n\n"
    for index in range(1000):
        body += "func f%d_%d(p *pool.Pool) {\n\tc := p.Other%d()\n\t_ = c\n}\n" % (part, index, index)
    if part == 0:
        body += "func leak(p *pool.Pool) {\n\tc := p.Acquire5999()\n\t_ = c\n}\n"
    open(os.path.join(root, "p", "f%02d.go" % part), "w").write(body)
PY
    measure config-1mb-at-limit-50000-calls --status 1 --stdout-has "pooled value 5999 never released" -- "$LEAKLINT" -q "$dir/..."
}

# A tree 200 folders deep (20 KB paths): what is past the system's limit is named, the rest linted.
stress_deep_paths() {
    local dir
    dir="$(scratch)"
    python3 - "$dir" <<'PY'
import os, sys
folder = os.open(sys.argv[1], os.O_RDONLY)
for depth in range(1, 201):
    name = "d%099d" % depth
    os.mkdir(name, dir_fd=folder)
    child = os.open(name, os.O_RDONLY, dir_fd=folder)
    os.close(folder)
    folder = child
    descriptor = os.open("x.go", os.O_CREAT | os.O_WRONLY, 0o644, dir_fd=folder)
    os.write(descriptor, b"package p\n")
    os.close(descriptor)
os.close(folder)
PY
    measure deep-paths-200-levels --status 2 --stderr-has "path too long" \
        --check '[ "$(grep -c "path too long" "$STDERR")" -eq 1 ]' -- "$LEAKLINT" -q "$dir/..."
}

# 10,000 .go links to devices met in a walk: each named, none opened.
stress_go_links_to_devices() {
    local dir
    dir="$(scratch)"
    mkdir -p "$dir/p"
    printf 'package p\n' >"$dir/p/ok.go"
    python3 - "$dir/p" <<'PY'
import os, sys
for index in range(10000):
    os.symlink("/dev/zero" if index % 2 else "/dev/null", os.path.join(sys.argv[1], f"dev{index:05d}.go"))
PY
    measure go-links-to-devices-10000 --status 2 \
        --check '[ "$(grep -c ": not a regular file$" "$STDERR")" -eq 10000 ]' -- "$LEAKLINT" -q "$dir/..."
}

# 10,000 files (100 packages of 100) whose names hold escape sequences, newlines and C1
# controls, each with a finding: no control character reaches the terminal.
stress_control_character_names() {
    local dir
    dir="$(scratch)"
    python3 - "$dir" <<'PY'
import os, sys
source = ("package p\n\nimport \"net/http\"\n\nfunc f%d() {\n\tresp, _ := http.Get(\"x\")\n\t_ = resp\n}\n")
for index in range(10000):
    name = "f%05d\x1b]0;title\x07\x1b[2J\n\t\u009b31m.go" % index
    folder = os.path.join(sys.argv[1], "p\x1b[31m%02d" % (index // 100))
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "w") as handle:
        handle.write(source % index)
PY
    measure control-character-names-10000 --status 1 \
        --check 'python3 -c "import sys; d = open(sys.argv[1], \"rb\").read(); sys.exit(d.count(b\"\\n\") != 20000 or any((b < 32 and b not in (9, 10)) or b == 127 for b in d) or b\"\\xc2\\x9b\" in d)" "$STDOUT"' \
        -- "$LEAKLINT" -q "$dir/..."
}

# --parse-only --format sarif --output over 20,000 files with a syntax error each.
stress_parse_only_sarif() {
    local dir
    dir="$(scratch)"
    python3 - "$dir" <<'PY'
import os, sys
for index in range(20000):
    folder = os.path.join(sys.argv[1], "p%03d" % (index // 100))
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "f%05d.go" % index), "w") as handle:
        handle.write("package p\n\nfunc f%d(\n" % index)
PY
    measure parse-only-sarif-20000-errors --status 2 \
        --check 'python3 -c "import json,sys; r=json.load(open(sys.argv[1]))[\"runs\"][0][\"invocations\"][0]; sys.exit(len(r[\"toolExecutionNotifications\"]) != 20000)" '"$dir"'/parse.sarif' \
        -- "$LEAKLINT" -q --parse-only --format sarif --output "$dir/parse.sarif" "$dir/..."
}

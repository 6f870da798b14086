# Stress cases for parsing and for resolving findings: //go:build lines,
# many findings on one line, in one file, in one package, files named one
# by one, --dump-ast of deep trees, else-if chains and deep nesting.
# Sourced by scripts/stress, which documents `measure` and `scratch`.

# A //go:build line of 80 KB (20x the 4 KB cap) of nested parentheses: refused unread, the file linted.
stress_build_constraint_80kb() {
    local dir
    dir="$(scratch)"
    python3 - "$dir" <<'PY'
import sys
depth = 40000
line = "//go:build ignore && " + "(" * depth + "linux" + ")" * depth
open(sys.argv[1] + "/p.go", "w").write(line + "\n\npackage p\n\nimport \"net/http\"\n\nfunc f() {\n\tresp, _ := http.Get(\"x\")\n\t_ = resp\n}\n")
PY
    measure build-constraint-80kb --status 1 --stdout-has "resp.Body is never closed" -- "$LEAKLINT" -q "$dir"
}

# 2,000 files whose //go:build lines are at the 4 KB cap, parentheses 90 deep group after group: all parsed.
stress_build_constraint_at_cap() {
    local dir
    dir="$(scratch)"
    python3 - "$dir" <<'PY'
import sys
group = "(" * 90 + "linux" + ")" * 90
groups = [group]
while len("go1.21 && (" + " || ".join(groups + [group]) + ")") <= 4096:
    groups.append(group)
expression = "go1.21 && (" + " || ".join(groups) + ")"
for index in range(2000):
    open(sys.argv[1] + "/f%04d.go" % index, "w").write("//go:build " + expression + "\n\npackage p\n\nfunc f%d() {}\n" % index)
PY
    measure build-constraint-2000-files-at-cap --status 0 -- "$LEAKLINT" -q "$dir"
}

# Findings on one line of a 1.1 MB one-line file: 2,000 in one function, and 20,000 each in its own function.
stress_findings_on_one_line() {
    local dir
    dir="$(scratch)"
    mkdir -p "$dir/one" "$dir/many"
    python3 - "$dir" <<'PY'
import sys
root = sys.argv[1]
leak = "resp%d, _ := http.Get(\"x\"); _ = resp%d; "
body = "".join(leak % (i, i) for i in range(2000))
padding = 1100000 - len(body) - 100
source = "package p; import \"net/http\"; var pad = \"" + "x" * padding + "\"; func f() { " + body + "}\n"
open(root + "/one/p.go", "w").write(source)
functions = "".join("func f%d() { resp, _ := http.Get(\"x\"); _ = resp }; " % i for i in range(20000))
open(root + "/many/p.go", "w").write("package p; import \"net/http\"; " + functions + "\n")
PY
    measure findings-2000-on-a-1mb-line --status 1 --check '[ "$(grep -c "(unclosed-body)" "$STDOUT")" -eq 2000 ]' \
        -- "$LEAKLINT" -q "$dir/one"
    measure findings-20000-functions-on-one-line --status 1 \
        --check 'python3 -c "import json,sys; sys.exit(len(json.load(open(sys.argv[1]))[\"runs\"][0][\"results\"]) != 20000)" "$STDOUT"' \
        -- "$LEAKLINT" -q --format sarif "$dir/many"
}

# 100,000 functions in one file, one finding each.
stress_findings_in_100000_functions() {
    local dir
    dir="$(scratch)"
    python3 - "$dir" <<'PY'
import sys
with open(sys.argv[1] + "/p.go", "w") as handle:
    handle.write("package p\n\nimport \"net/http\"\n\n")
    for index in range(100000):
        handle.write("func f%d() {\n\tresp, _ := http.Get(\"x\")\n\t_ = resp\n}\n" % index)
PY
    measure findings-100000-functions --status 1 --check '[ "$(grep -c "(unclosed-body)" "$STDOUT")" -eq 100000 ]' \
        -- "$LEAKLINT" -q "$dir"
}

# One package of 40,000 files, one finding per file.
stress_findings_in_40000_files() {
    local dir
    dir="$(scratch)"
    python3 - "$dir" <<'PY'
import sys
for index in range(40000):
    with open(sys.argv[1] + "/f%05d.go" % index, "w") as handle:
        handle.write("package p\n\nimport \"net/http\"\n\nfunc f%d() {\n\tresp, _ := http.Get(\"x\")\n\t_ = resp\n}\n" % index)
PY
    measure findings-40000-files-one-package --status 1 \
        --check 'python3 -c "import json,sys; sys.exit(len(json.load(open(sys.argv[1]))[\"findings\"]) != 40000)" "$STDOUT"' \
        -- "$LEAKLINT" -q --format json "$dir"
}

# 50,000 files in 50,000 directories named through --files-from (the pre-commit path), and 1,000 nested ones.
stress_files_from_50000_directories() {
    local dir
    dir="$(scratch)"
    python3 - "$dir" <<'PY'
import os, sys
root = sys.argv[1]
os.makedirs(root + "/wide")
with open(root + "/wide.txt", "w") as listing:
    for index in range(50000):
        folder = "%s/wide/p%05d" % (root, index)
        os.mkdir(folder)
        with open(folder + "/f.go", "w") as handle:
            handle.write("package p%d\n\nfunc F() {}\n" % index)
        listing.write(folder + "/f.go\n")
folder = os.open(root, os.O_RDONLY)
with open(root + "/deep.txt", "w") as listing:
    path = root
    for index in range(1000):
        os.mkdir("d", dir_fd=folder)
        child = os.open("d", os.O_RDONLY, dir_fd=folder)
        os.close(folder)
        folder = child
        path += "/d"
        descriptor = os.open("f.go", os.O_CREAT | os.O_WRONLY, 0o644, dir_fd=folder)
        os.write(descriptor, b"package d\n")
        os.close(descriptor)
        if len(path) < 4000:
            listing.write(path + "/f.go\n")
os.close(folder)
PY
    measure files-from-50000-directories --status 0 -- "$LEAKLINT" -q --files-from "$dir/wide.txt"
    measure files-from-nested-directories --status 0 -- "$LEAKLINT" -q --files-from "$dir/deep.txt"
}

# --dump-ast of deep trees: a sum of 40,000 terms (80 KB, a left spine 40,000 deep), 9,990
# nested parentheses, and 40,000 (past the nesting limit: the partial tree and a message).
stress_dump_ast_deep() {
    local dir
    dir="$(scratch)"
    python3 - "$dir" <<'PY'
import sys
open(sys.argv[1] + "/sum.go", "w").write("package p\n\nvar x = a" + "+a" * 40000 + "\n")
for depth in (9990, 40000):
    open(sys.argv[1] + "/p%d.go" % depth, "w").write("package p\n\nvar x = " + "(" * depth + "1" + ")" * depth + "\n")
PY
    measure dump-ast-80kb-sum --status 0 --check '[ "$(wc -c <"$STDOUT")" -lt 10000000 ]' -- "$LEAKLINT" --dump-ast "$dir/sum.go"
    measure dump-ast-9990-levels --status 0 --check '[ "$(wc -c <"$STDOUT")" -lt 2000000 ]' \
        -- "$LEAKLINT" --dump-ast "$dir/p9990.go"
    measure dump-ast-40000-levels --status 2 --stderr-has "nesting too deep (more than 10000 levels)" \
        --check '[ "$(wc -c <"$STDOUT")" -lt 2000000 ]' -- "$LEAKLINT" --dump-ast "$dir/p40000.go"
}

# else-if chains: 10,000 branches (the limit) with a leak in each, and 40,000 (refused with a message).
stress_else_if_chains() {
    local dir
    dir="$(scratch)"
    mkdir -p "$dir/at-limit" "$dir/past-limit"
    python3 - "$dir" <<'PY'
import sys
def chain(branches):
    source = "package p\n\nimport \"net/http\"\n\nfunc f(n int) {\n\tif n == 0 {\n\t\treturn\n\t}"
    branch = " else if n == %d {\n\t\tresp, _ := http.Get(\"x\")\n\t\t_ = resp\n\t}"
    return source + "".join(branch % i for i in range(1, branches)) + "\n}\n"
open(sys.argv[1] + "/at-limit/p.go", "w").write(chain(10000))
open(sys.argv[1] + "/past-limit/p.go", "w").write(chain(40000))
PY
    measure else-if-chain-10000-branches --status 1 --check '[ "$(grep -c "(unclosed-body)" "$STDOUT")" -eq 9999 ]' \
        -- "$LEAKLINT" -q "$dir/at-limit"
    measure else-if-chain-40000-branches --status 2 --stderr-has "else if chain too long (more than 10000 branches)" \
        -- "$LEAKLINT" -q "$dir/past-limit"
}

# Nesting: 3,000 closures in closures (9,000 levels) around a leak, and 100,000 nested brackets (a message).
stress_deep_nesting() {
    local dir
    dir="$(scratch)"
    mkdir -p "$dir/closures" "$dir/brackets"
    python3 - "$dir" <<'PY'
import sys
depth = 3000
source = "package p\n\nimport \"os\"\n\nfunc f() {\n" + "func() {\n" * depth + "file, _ := os.Open(\"x\")\n_ = file\n" + "}()\n" * depth + "}\n"
open(sys.argv[1] + "/closures/p.go", "w").write(source)
open(sys.argv[1] + "/brackets/p.go", "w").write("package p\n\nvar x = " + "[]int{" * 100000 + "}" * 100000 + "\n")
PY
    measure nested-closures-3000 --status 1 --stdout-has "file is never closed" -- "$LEAKLINT" -q "$dir/closures"
    measure nested-brackets-100000 --status 2 --stderr-has "nesting too deep (more than 10000 levels)" \
        -- "$LEAKLINT" -q "$dir/brackets"
}

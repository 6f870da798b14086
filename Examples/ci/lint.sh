#!/bin/sh
# Runs leaklint in any CI system (GitLab CI, Jenkins, Buildkite, a Makefile...).
# Call it from the root of the Go repository:
#
#   sh lint.sh                  # checks ./...
#   sh lint.sh ./cmd/... ./internal/...
#   LEAKLINT=/opt/leaklint/bin/leaklint sh lint.sh
#
# leaklint's exit status:
#   0  no findings
#   1  findings (printed as path:line:col: message (rule-id))
#   2  errors: syntax errors, unreadable paths or bad usage; the files that
#      could be read were still checked and their findings printed
#
# --fail-level decides which findings make the status 1: `error` fails only
# on error-level findings, `warning` (the default) on warnings and errors,
# `note` on every finding. Findings below the level are still printed.
set -u

LEAKLINT=${LEAKLINT:-leaklint}
FAIL_LEVEL=${LEAKLINT_FAIL_LEVEL:-warning}

if [ "$#" -eq 0 ]; then
    set -- ./...
fi

"$LEAKLINT" --fail-level "$FAIL_LEVEL" "$@"
status=$?

case $status in
    0) ;;
    1) echo "leaklint: findings above; failing the build" >&2 ;;
    *) echo "leaklint: could not check everything (exit status $status); failing the build" >&2 ;;
esac
exit "$status"

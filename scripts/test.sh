#!/usr/bin/env bash
# The tests: install what is missing, build, and run every test target against a real
# PostgreSQL cluster that the test harness starts by itself (see Tests/OCOPTestSupport).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
# Every scratch file of the run (the tests' fixtures and homes, SwiftPM's own) goes into one
# folder that is removed afterwards; the postgres user must be able to pass through it.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/ocop-tests.XXXXXX")
chmod 755 "$scratch"
trap 'rm -rf "$scratch"' EXIT
export TMPDIR="$scratch"
swift build --build-tests
log="$scratch/test.log"
status=0
swift test --skip-build "$@" 2>&1 | tee "$log" || status=$?
# One plain closing line with the counts of Swift Testing's summary.
summary=$(grep -E '^. Test run with [0-9]+ tests?' "$log" | tail -1 || true)
total=$(sed -E 's/.*Test run with ([0-9]+) tests?.*/\1/' <<<"$summary")
if [[ -n "$summary" && $status -eq 0 ]]; then
    echo "tests: $total passed, 0 failed"
elif [[ -n "$summary" ]]; then
    failed=$(grep -oE 'with [0-9]+ issues?' <<<"$summary" | grep -oE '[0-9]+' || echo "?")
    echo "tests: run of $total ended with $failed issue(s)"
fi
exit $status

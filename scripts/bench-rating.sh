#!/usr/bin/env bash
# Rating-engine benchmark: release build, 100,000 mixed sheets, one core; prints sheets/s and peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
# The benchmark package finds the workbench through a link named "ocop" (see Benchmarks/Package.swift).
LINK=$(mktemp -d /tmp/ocop-bench-rating.XXXXXX)
trap 'rm -rf "$LINK"' EXIT
ln -s "$(pwd)" "$LINK/ocop"
export OCOP_PACKAGE_ROOT="$LINK/ocop"
cd Benchmarks
swift build -c release --scratch-path .build 2>&1 | tail -1
BIN="$(swift build -c release --scratch-path .build --show-bin-path)/RatingBenchmark"
# taskset pins to one core where available.
RUN=("$BIN" "$N" "$(cd .. && pwd)/scoring")
command -v taskset >/dev/null && RUN=(taskset -c 0 "${RUN[@]}")
/usr/bin/time -v "${RUN[@]}" 2> >(grep -E 'Maximum resident set size|Elapsed' >&2)

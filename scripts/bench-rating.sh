#!/usr/bin/env bash
# Rating-engine benchmark: release build, 100,000 mixed sheets, one core; prints sheets/s and peak memory.
set -euo pipefail
cd "$(dirname "$0")/../Benchmarks"
N="${1:-100000}"
swift build -c release --scratch-path .build 2>&1 | tail -1
BIN="$(swift build -c release --scratch-path .build --show-bin-path)/RatingBenchmark"
# taskset pins to one core where available.
RUN=("$BIN" "$N" "$(cd .. && pwd)/scoring")
command -v taskset >/dev/null && RUN=(taskset -c 0 "${RUN[@]}")
/usr/bin/time -v "${RUN[@]}" 2> >(grep -E 'Maximum resident set size|Elapsed' >&2)

#!/usr/bin/env bash
# The tests: install what is missing, build, and run every test target against a real
# PostgreSQL cluster that the test harness starts by itself (see Tests/OCOPTestSupport).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
swift build --build-tests
swift test --skip-build "$@"

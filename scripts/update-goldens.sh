#!/usr/bin/env bash
# Regenerates the golden files (Tests/ocopCLITests/Golden, Tests/*/Golden) after a deliberate
# change of what people read; review the diff with `git diff Tests/` before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
swift build --build-tests
OCOP_UPDATE_GOLDEN=1 swift test --skip-build --filter "Golden" "$@"
git status --short -- Tests

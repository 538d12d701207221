#!/usr/bin/env bash
# The main job: install what is missing, build, and run a full evaluation round on the demo data
# (in the embedded database unless OCOP_DATABASE_URL / DATABASE_URL / PG* name one).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
make build
exec .build/release/ocop demo --reset "$@"

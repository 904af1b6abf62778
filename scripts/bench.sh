#!/usr/bin/env bash
# Benchmarks (not tests): prints one JSON document. Reads ../shared/data/bench when present.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >&2
node --expose-gc dist/bench/run.js "$@"

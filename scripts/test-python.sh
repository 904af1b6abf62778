#!/usr/bin/env bash
# The Python training worker's tests (pytest). Needs the venv (scripts/setup/python.sh) and, for the worker test
# on a real Temporal dev server, the Temporal CLI (scripts/setup/temporal.sh); both are built when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup/python.sh
TEMPORAL_CLI_PATH="${TEMPORAL_CLI_PATH:-$(bash scripts/setup/temporal.sh)}"
export TEMPORAL_CLI_PATH
cd workers/training
exec .venv/bin/python -m pytest -q "$@"

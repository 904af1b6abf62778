#!/usr/bin/env bash
# The main job, on the embedded default: one full experiment end to end (config/experiments/sma_rsi_direction.yaml
# on a year of synthetic 5-minute bars for three tickers): an embedded Temporal dev server on a SQLite file in the
# data folder, the TypeScript and Python workers, features, a 12-fold purged walk-forward with LightGBM, the
# out-of-sample backtest, the verdict and the HTML report. No account, no data, no servers to start by hand.
# Extra arguments go to `intraday demo` (e.g. --json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >&2
# The demo is the embedded default: a TEMPORAL_ADDRESS left in the environment would send it to another server.
TEMPORAL_ADDRESS= exec node bin/intraday.js demo "$@"

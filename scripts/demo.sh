#!/usr/bin/env bash
# The main job, on the embedded default: generate a year of synthetic 5-minute bars for three tickers,
# then compute every configured feature and target over them. No account, no data, no servers.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
data_dir="${INTRADAY_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/intraday}"
mkdir -p "$data_dir/demo"
node bin/intraday.js data generate --tickers AAPL,MSFT,GOOG --start 2024-01-02 --end 2024-12-31 --bar 5m --seed 7 \
  --out "$data_dir/demo/bars.parquet"
node bin/intraday.js features compute --data "$data_dir/demo/bars.parquet" --out "$data_dir/demo/features.parquet"

#!/usr/bin/env bash
# core/ must stay pure and deterministic: no clock, no unseeded randomness, no environment, no I/O.
# A justified exception carries `// nondeterminism-ok: <reason>` on the same line.
set -uo pipefail
cd "$(dirname "$0")/.."
pattern='Date\.now\(|new Date\(\)|Math\.random\(|process\.env|console\.|setTimeout\(|setInterval\(|from '"'"'node:|from '"'"'(fs|net|http|https|child_process|pg|ioredis|@duckdb/[a-z-]+)'"'"
found=$(grep -rnE "$pattern" core --include='*.ts' --exclude='*.test.ts' | grep -v 'nondeterminism-ok:' || true)
if [ -n "$found" ]; then
  echo "$found" | sed 's/$/  -> core must be pure: pass time, randomness and data in as parameters/'
  exit 1
fi
echo "core purity: ok"

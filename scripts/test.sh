#!/usr/bin/env bash
# The whole test suite, as CI runs it: set-up, lint, format check, type-check, JSON Schema freshness,
# unit and integration tests. Tests that read ../shared/data skip with a message when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "== lint" && node_modules/.bin/eslint --max-warnings 0 .
echo "== format" && node_modules/.bin/prettier --check --log-level warn .
echo "== typecheck" && node_modules/.bin/tsc -p tsconfig.json --noEmit
echo "== config" && node bin/intraday.js config schema --check && node bin/intraday.js config check
echo "== conventions" && bash scripts/check-core-purity.sh && bash scripts/check-file-length.sh
if [ -f scripts/test-python.sh ]; then
  echo "== python tests" && bash scripts/test-python.sh
fi
echo "== tests"
mkdir -p .test-results
node_modules/.bin/vitest run --coverage --reporter=default --reporter=json --outputFile.json=.test-results/results.json "$@"
# A plain closing line that any CI reader understands.
node -e 'const r=require("./.test-results/results.json"); console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`)'

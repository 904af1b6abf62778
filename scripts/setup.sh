#!/usr/bin/env bash
# One idempotent set-up for a fresh machine of this kind (Debian, Node 20, root): installs the npm
# dependencies and builds the CLI. A second run only checks stamps and takes seconds.
# Each service layer has its own idempotent script in scripts/setup/ (Python venv, Temporal CLI, PostgreSQL,
# Redis, headless Chromium for the report test); they run after the build, in the order below, when present.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[setup] %s\n' "$*" >&2; }

check_node() {
  local version
  version=$(node -p 'process.versions.node')
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' || {
    log "Node >= 20.19 is required, found $version"
    exit 1
  }
}

install_node_modules() {
  local want have=""
  want=$( { cat package.json package-lock.json; node -p 'process.version'; } | sha256sum | cut -d' ' -f1)
  [ -f node_modules/.setup-stamp ] && have=$(cat node_modules/.setup-stamp)
  if [ "$want" = "$have" ]; then
    return
  fi
  log "installing npm dependencies from package-lock.json"
  # Not `npm ci`: the npm here writes lock files without the other platforms' optional packages (DuckDB's
  # prebuilt bindings), and `npm ci` then refuses the lock (npm/cli#8320). `npm install --no-save` installs the
  # locked versions and leaves the lock file untouched.
  # onnxruntime-node's install script would reach the network; its binaries ship in the package.
  ONNXRUNTIME_NODE_INSTALL=skip npm install --no-save --no-audit --no-fund --loglevel=error
  echo "$want" > node_modules/.setup-stamp
}

build() {
  # Incremental: a second run with no source change finishes in about a second.
  node_modules/.bin/tsc -p tsconfig.build.json --incremental --tsBuildInfoFile dist/.tsbuildinfo
}

services() {
  local part
  for part in python temporal postgres redis chromium; do
    if [ -f "scripts/setup/$part.sh" ]; then
      bash "scripts/setup/$part.sh"
    fi
  done
}

check_node
install_node_modules
build
services
log "ready"

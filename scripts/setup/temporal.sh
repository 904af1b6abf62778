#!/usr/bin/env bash
# Builds the Temporal CLI (dev server included) once from source with `go install`, into a cache outside the
# repository, and prints where the binary is. A second run finds the binary and only prints its path.
# Why from source: no Temporal binary ships in npm or PyPI packages we can trust, and the SDKs' "download at
# run time" needs temporal.download; the Go module proxy is reachable here. v1.5.1 is the last tag whose
# go.mod has no `replace` directive (v1.6.0 adds one, and `go install pkg@version` refuses those).
# Usage: bash scripts/setup/temporal.sh            -> builds if needed, prints the path on stdout
#        TEMPORAL_CLI_VERSION=1.5.1 (default)      -> the tag to build
set -euo pipefail

version="${TEMPORAL_CLI_VERSION:-1.5.1}"
cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/intraday"
dir="$cache_root/temporal-$version"
binary="$dir/temporal"

log() { printf '[setup:temporal] %s\n' "$*" >&2; }

if [ -x "$binary" ]; then
  echo "$binary"
  exit 0
fi

command -v go > /dev/null || {
  log "Go is required to build the Temporal CLI (go >= 1.25); install it or put a temporal binary at $binary"
  exit 1
}

mkdir -p "$dir"
# One build at a time: a second caller (the test script while set-up is still building) waits for the first,
# then finds the binary.
exec 9> "$dir/.lock"
if ! flock -n 9; then
  log "another build of the Temporal CLI is running; waiting for it"
  flock 9
fi
if [ -x "$binary" ]; then
  echo "$binary"
  exit 0
fi
log "building the Temporal CLI v$version with go install (takes several minutes the first time)"
# Build into a temporary folder and rename, so an interrupted build never leaves a half-written binary that a
# later run would take for a finished one. CGO is off: the server uses pure-Go SQLite (modernc.org/sqlite),
# as the official release builds do. The ldflag gives `temporal --version` the real version instead of 0.0.0-DEV.
tmp=$(mktemp -d "$dir/build.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
CGO_ENABLED=0 GOBIN="$tmp" go install \
  -ldflags "-X github.com/temporalio/cli/temporalcli.Version=$version" \
  "github.com/temporalio/cli/cmd/temporal@v$version"
mv "$tmp/temporal" "$binary"
log "built $("$binary" --version)"
echo "$binary"

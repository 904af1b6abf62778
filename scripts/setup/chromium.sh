#!/usr/bin/env bash
# Headless Chromium from Debian's `chromium` package, for the test that opens the experiment report
# (adapters/report) with puppeteer-core. Idempotent: when `chromium` is already on PATH it only prints the path.
# Not root and missing: prints how to install it and exits 1 (the report test fails with the same advice).
# Prints the binary path on stdout, so `bash scripts/setup/chromium.sh` doubles as a lookup.
set -euo pipefail

log() { printf '[setup:chromium] %s\n' "$*" >&2; }

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then
    log "chromium is missing and this is not root: run 'sudo apt-get install -y --no-install-recommends chromium', then rerun"
    exit 1
  fi
  log "installing the Debian package chromium"
  # The lock timeout lets this wait for another set-up step that holds the dpkg lock. apt's chatter goes to a log
  # that is shown only when the install fails.
  apt_log=$(mktemp)
  apt() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 "$@" >>"$apt_log" 2>&1; }
  if ! apt install -y -q --no-install-recommends chromium &&
    ! { apt update -q && apt install -y -q --no-install-recommends chromium; }; then
    cat "$apt_log" >&2
    log "could not install chromium (output above)"
    exit 1
  fi
  rm -f "$apt_log"
fi

command -v chromium

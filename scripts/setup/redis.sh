#!/usr/bin/env bash
# Redis for the hot state and the hot path's streams (tests, bench, local runs): installs the Debian
# `redis-server` package when it is missing and starts a server on loopback when nothing answers there.
# Idempotent and quiet: when Redis already answers PING it prints nothing and returns in milliseconds.
#
# Decisions (see adapters/redis/README.md):
# - The server listens on 127.0.0.1 only (REDIS_URL's port when it names a loopback host, else 6379).
# - Its files live under the project's data dir (<data dir>/redis: append-only file, log, pid), so a tripped kill
#   switch and the positions survive a restart of the local server; the append-only file syncs once a second.
# - When REDIS_URL names another host (Azure Cache for Redis, a shared server) this script does nothing.
set -euo pipefail

log() { printf '[setup:redis] %s\n' "$*" >&2; }

data_dir() {
  if [ -n "${INTRADAY_DATA_DIR:-}" ]; then
    printf '%s' "$INTRADAY_DATA_DIR"
  elif [ -n "${XDG_DATA_HOME:-}" ]; then
    printf '%s/intraday' "$XDG_DATA_HOME"
  else
    printf '%s/.local/share/intraday' "$HOME"
  fi
}

# Answers 0 when a Redis server replies +PONG on 127.0.0.1:$1 (bash's /dev/tcp: no redis-cli needed).
answers_ping() {
  local reply=''
  # The braces make the 2>/dev/null cover the shell's own "connection refused" message.
  if ! { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null; then
    return 1
  fi
  printf 'PING\r\n' >&3
  IFS= read -r -t 1 reply <&3 || true
  exec 3>&- 3<&-
  # A password-protected server answers -NOAUTH: it is a Redis server, and REDIS_URL carries the password.
  case "$reply" in
    +PONG* | -NOAUTH*) return 0 ;;
    *) return 1 ;;
  esac
}

port=6379
if [ -n "${REDIS_URL:-}" ]; then
  # redis://[user:password@]host[:port][/db]
  hostport=${REDIS_URL#*://}
  hostport=${hostport##*@}
  hostport=${hostport%%/*}
  host=${hostport%%:*}
  case "$host" in
    127.0.0.1 | localhost) ;;
    *) exit 0 ;; # someone else's server: nothing to install or start here
  esac
  if [ "$hostport" != "$host" ]; then
    port=${hostport##*:}
  fi
fi

if answers_ping "$port"; then
  exit 0
fi

if ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then
    log "redis-server is missing and this is not root: install the Debian package redis-server, then rerun"
    exit 1
  fi
  log "installing the Debian package redis-server"
  # The lock timeout lets this wait for another set-up step (PostgreSQL) that holds the dpkg lock. apt's chatter
  # goes to a log that is shown only when the install fails.
  apt_log=$(mktemp)
  apt() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 "$@" >>"$apt_log" 2>&1; }
  if ! apt install -y -q redis-server && ! { apt update -q && apt install -y -q redis-server; }; then
    cat "$apt_log" >&2
    log "could not install redis-server (output above)"
    exit 1
  fi
  rm -f "$apt_log"
  # The package's own start script may have started a server on 6379 already.
  if answers_ping "$port"; then
    exit 0
  fi
fi

dir="$(data_dir)/redis"
mkdir -p "$dir"
log "starting redis-server on 127.0.0.1:$port (files in $dir)"
redis-server --bind 127.0.0.1 --port "$port" --daemonize yes \
  --dir "$dir" --pidfile "$dir/redis-$port.pid" --logfile "$dir/redis-$port.log" \
  --appendonly yes --appendfsync everysec --appendfilename "appendonly-$port.aof" --appenddirname "aof-$port" \
  --save ''

for _ in $(seq 1 100); do
  if answers_ping "$port"; then
    exit 0
  fi
  sleep 0.1
done
log "redis-server did not answer PING on 127.0.0.1:$port within 10 s; see $dir/redis-$port.log"
exit 1

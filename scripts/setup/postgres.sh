#!/usr/bin/env bash
# PostgreSQL for the feedback log, on loopback: installs Debian's `postgresql` when no server is installed,
# starts the cluster on 127.0.0.1:5432 when it is down, and creates the project's role and database.
# Idempotent; when everything is in place it only runs one `psql -c 'select 1'` (well under a second) and
# prints nothing.
#
# Credentials: the role `intraday` (LOGIN CREATEDB, not a superuser; CREATEDB because the test suite makes and
# drops a fresh database per run) gets a random password that is kept in the user's ~/.pgpass (mode 0600,
# libpq's standard password file, also read by psql). Nothing secret goes into the repository or YAML; the
# adapter reads PGPASSWORD first, then the password file (adapters/feedback/README.md).
# TimescaleDB is not in Debian's main archive: nothing is installed for it; the migrations detect the
# extension and fall back to native monthly range partitions.
# Settings (environment): PGPORT (5432), INTRADAY_PG_ROLE (intraday), INTRADAY_PG_DATABASE (intraday).
set -euo pipefail

port="${PGPORT:-5432}"
role="${INTRADAY_PG_ROLE:-intraday}"
database="${INTRADAY_PG_DATABASE:-intraday}"
passfile="${PGPASSFILE:-$HOME/.pgpass}"

log() { printf '[setup:postgres] %s\n' "$*" >&2; }

# The password stored for this role on loopback, or nothing.
stored_password() {
  [ -f "$passfile" ] || return 0
  awk -F: -v port="$port" -v role="$role" '$1 == "127.0.0.1" && $2 == port && $4 == role { print $5; exit }' "$passfile"
}

# Fast path: the server answers and the role can log in with the stored password.
ready() {
  local password
  password=$(stored_password)
  [ -n "$password" ] || return 1
  PGPASSWORD="$password" PGCONNECT_TIMEOUT=3 psql -h 127.0.0.1 -p "$port" -U "$role" -d "$database" \
    -qtAc 'select 1' > /dev/null 2>&1
}

if ready; then
  exit 0
fi

as_postgres() { runuser -u postgres -- "$@"; }

if [ "$(id -u)" -ne 0 ]; then
  log "PostgreSQL is not ready on 127.0.0.1:$port for role $role, and setting it up needs root (apt-get, runuser)."
  log "Run this script as root, or point INTRADAY_PG_URL / PGHOST at a server (see adapters/feedback/README.md)."
  exit 1
fi

if ! ls /usr/lib/postgresql/*/bin/postgres > /dev/null 2>&1; then
  log "installing postgresql (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q postgresql > /dev/null || { apt-get update -q > /dev/null && apt-get install -y -q postgresql > /dev/null; }
fi

# The first cluster listed (Debian creates 15/main on install); create one when the package left none.
cluster=$(pg_lsclusters --no-header 2> /dev/null | awk 'NR == 1 { print $1 " " $2 " " $3 " " $4 }')
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  log "creating cluster $version/main on port $port"
  pg_createcluster "$version" main --port "$port" > /dev/null
  cluster="$version main $port down"
fi
read -r version name cluster_port status <<< "$cluster"
if [ "$cluster_port" != "$port" ]; then
  log "cluster $version/$name listens on port $cluster_port, not $port: set PGPORT=$cluster_port or change its port"
  exit 1
fi
if [ "$status" != "online" ]; then
  log "starting cluster $version/$name on 127.0.0.1:$port"
  pg_ctlcluster "$version" "$name" start
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 0.5
done
pg_isready -q -h 127.0.0.1 -p "$port" || { log "the server did not accept connections on 127.0.0.1:$port"; exit 1; }

password=$(stored_password)
if [ -z "$password" ]; then
  password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
  umask 077
  touch "$passfile"
  printf '127.0.0.1:%s:*:%s:%s\nlocalhost:%s:*:%s:%s\n' "$port" "$role" "$password" "$port" "$role" "$password" >> "$passfile"
  chmod 600 "$passfile"
  log "stored the password of role $role in $passfile"
fi

# Role and database, created or brought in line with the stored password (psql variables quote them safely).
as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -q -v role="$role" -v password="$password" -v database="$database" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN CREATEDB PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'database') \gexec
SQL

ready || { log "role $role still cannot log in to $database on 127.0.0.1:$port"; exit 1; }
log "PostgreSQL ready on 127.0.0.1:$port (role $role, database $database)"

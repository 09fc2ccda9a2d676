#!/usr/bin/env bash
# Starts a private PostgreSQL server on 127.0.0.1 for the cluster tests (idempotent): installs Debian's
# postgresql if missing, keeps its data under /tmp, creates the c3v role and database and the Orleans tables.
# Prints the connection string; the cluster tests read C3V_TEST_PG and skip when no server answers.
set -uo pipefail
port="${C3V_PG_PORT:-55432}"
data="${C3V_PG_DATA:-/tmp/c3v-pg}"
sql="$(cd "$(dirname "$0")/.." && pwd)/src/C3V.Cluster/Sql/orleans-postgres.sql"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
  for attempt in 1 2 3; do
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null && break
    echo "ci: apt-get postgresql failed (attempt $attempt); retrying" >&2
    sleep 10
  done
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$bin" ] || { echo "ci: warning: postgresql could not be installed; cluster tests will skip" >&2; exit 0; }
fi
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ ! -f "$data/PG_VERSION" ]; then
  mkdir -p "$data" && { [ "$(id -u)" = 0 ] && chown postgres:postgres "$data"; true; }
  as_pg "$bin/initdb" -D "$data" -U postgres -A trust >/dev/null || { echo "ci: warning: initdb failed" >&2; exit 0; }
fi
if ! as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$data -c max_connections=200" start >/dev/null \
    || { echo "ci: warning: postgresql did not start (see $data/server.log)" >&2; exit 0; }
fi
psql() { "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
psql -d postgres -tc "SELECT 1 FROM pg_roles WHERE rolname = 'c3v'" | grep -q 1 || psql -d postgres -c "CREATE ROLE c3v LOGIN PASSWORD 'c3v'"
psql -d postgres -tc "SELECT 1 FROM pg_database WHERE datname = 'c3v'" | grep -q 1 || psql -d postgres -c "CREATE DATABASE c3v OWNER c3v"
PGOPTIONS="-c client_min_messages=warning" "$bin/psql" -h 127.0.0.1 -p "$port" -U c3v -d c3v -v ON_ERROR_STOP=1 -q -f "$sql" >/dev/null || { echo "ci: warning: the Orleans tables could not be created" >&2; exit 0; }
echo "Host=127.0.0.1;Port=$port;Database=c3v;Username=c3v;Password=c3v"

#!/usr/bin/env bash
# Start a private PostgreSQL 15 for the test suite: its own data folder, port and socket, trust
# auth on loopback only. Prints the base URL. initdb refuses root, so it runs as "postgres".
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DIR=${1:-/tmp/sanctum-pg}
PORT=${2:-55432}
if [ ! -x "$PGBIN/initdb" ]; then
  echo "PostgreSQL 15 server binaries not found in $PGBIN (apt-get install postgresql-15)" >&2
  exit 1
fi
RUNAS=()
if [ "$(id -u)" = "0" ]; then RUNAS=(su postgres -s /bin/bash -c); fi
run() { if [ ${#RUNAS[@]} -gt 0 ]; then "${RUNAS[@]}" "$*"; else bash -c "$*"; fi; }
mkdir -p "$DIR"
if [ "$(id -u)" = "0" ]; then chown postgres:postgres "$DIR"; fi
if [ ! -f "$DIR/data/PG_VERSION" ]; then
  run "$PGBIN/initdb -D $DIR/data --auth=trust -U postgres >/dev/null"
fi
mkdir -p "$DIR/sock"; if [ "$(id -u)" = "0" ]; then chown postgres:postgres "$DIR/sock"; fi
run "$PGBIN/pg_ctl -D $DIR/data -l $DIR/log -o \"-p $PORT -k $DIR/sock -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200\" -w start >/dev/null"
echo "postgres://postgres@127.0.0.1:$PORT/postgres"

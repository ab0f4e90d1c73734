#!/usr/bin/env bash
# Stop the private PostgreSQL started by pg-start.sh (only that one).
set -uo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DIR=${1:-/tmp/sanctum-pg}
[ -f "$DIR/data/postmaster.pid" ] || exit 0
if [ "$(id -u)" = "0" ]; then
  su postgres -s /bin/bash -c "$PGBIN/pg_ctl -D $DIR/data -m fast -w stop >/dev/null"
else
  "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null
fi

#!/usr/bin/env bash
# Every test: type-check, the whole suite on SQLite, the same suite on PostgreSQL, then the
# browser workflows in Chromium. Starts (and stops) a private PostgreSQL when TEST_PG_URL is unset.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== type-check"
npx tsc -p tsconfig.json --noEmit

echo "== build (the browser tests and CLI tests run the built app)"
npm run build --silent

started_pg=""
cleanup() { if [ -n "$started_pg" ]; then bash scripts/pg-stop.sh "$started_pg" || true; fi; }
trap cleanup EXIT
if [ -z "${TEST_PG_URL:-}" ]; then
  started_pg="$(mktemp -d /tmp/sanctum-pg-XXXXXX)"
  chmod 755 "$started_pg"
  TEST_PG_URL="$(bash scripts/pg-start.sh "$started_pg" "${TEST_PG_PORT:-55433}")"
fi

echo "== unit and integration tests on SQLite"
npx vitest run

echo "== the same suite on PostgreSQL"
TEST_PG_URL="$TEST_PG_URL" npx vitest run

echo "== browser workflows (Chromium)"
# Against the build made above: the server users run, never the TypeScript sources.
SANCTUM_E2E_SKIP_BUILD=1 TEST_PG_URL="$TEST_PG_URL" npx vitest run -c vitest.e2e.config.ts --passWithNoTests
echo "== all tests passed"

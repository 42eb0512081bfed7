#!/usr/bin/env bash
# AppHost tests (AgentGateway.AppHost.Tests) need redis-server (run by DCP as the stack's Redis when no
# container runtime is present) and headless Chromium + playwright-core for the dashboard browser test.
# Idempotent: installs only what is missing.
set -euo pipefail

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}"
fi

js=AgentGateway.AppHost.Tests/js
if [ ! -d "$js/node_modules/playwright-core" ]; then
  (cd "$js" && npm ci --no-audit --no-fund)
fi

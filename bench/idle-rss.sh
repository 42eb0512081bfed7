#!/usr/bin/env bash
# Idle RSS of the gateway (Release build, one llm route, no requests) under runtime settings given as env assignments,
# each variant started N times (median), with the split into anonymous memory (GC heap, JIT code, stacks) and
# file-backed pages (mapped assemblies). Run `dotnet build AgentGateway.Gateway -c Release` (or bench/run.sh) first.
# Usage: bench/idle-rss.sh [runs] ["NAME=VALUE ..." ...]     e.g. bench/idle-rss.sh 3 "" "DOTNET_gcServer=0"
# MAPS=N also prints the N largest mappings (resident KB per file, [anon], memfd:doublemapper = JIT code) of the last start.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-3}; shift || true
[[ $# -gt 0 ]] || set -- ""
out=bench/out/idle-rss; mkdir -p "$out"
port() { python3 -c "import socket;s=socket.socket();s.bind(('127.0.0.1',0));print(s.getsockname()[1])"; }
printf 'admin: { url: "" }\nroutes: [{ name: llm, path: /v1, llm: models }]\nllm:\n  models:\n    providers:\n      - { name: upstream, type: openai-compatible, baseUrl: "http://127.0.0.1:9/v1", apiKey: sk-upstream, models: ["*"] }\n' > "$out/gateway.yaml"
bin=${GATEWAY_BIN:-AgentGateway.Gateway/bin/Release/net10.0}
for variant in "$@"; do
  rss=(); anon=(); file=()
  for _ in $(seq "$runs"); do
    p=$(port)
    (cd "$bin" && exec env $variant ASPNETCORE_ENVIRONMENT=Production dotnet AgentGateway.Gateway.dll --config "$root/$out/gateway.yaml" --urls "http://127.0.0.1:$p" >"$root/$out/gateway.log" 2>&1) & pid=$!
    for _ in $(seq 300); do (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null && break; sleep 0.1; done
    sleep 1  # as the harness: one second after the port opens
    rss+=($(awk '/^VmRSS/{print $2}' /proc/$pid/status)); anon+=($(awk '/^RssAnon/{print $2}' /proc/$pid/status)); file+=($(awk '/^RssFile/{print $2}' /proc/$pid/status))
    [[ -z "${MAPS:-}" ]] || awk '/^[0-9a-f]+-[0-9a-f]+ /{n=$6; if(n=="")n="[anon]"} /^Rss:/{r[n]+=$2} END{for(n in r) printf "%8d KB  %s\n", r[n], n}' /proc/$pid/smaps | sort -rn | head -n "$MAPS" > "$out/maps.txt"
    kill $pid; wait $pid 2>/dev/null || true
  done
  med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{printf "%.1f", a[int((NR+1)/2)]/1024}'; }
  printf '%-60s RSS %6s MB  anon %6s MB  file %6s MB\n' "${variant:-(defaults)}" "$(med "${rss[@]}")" "$(med "${anon[@]}")" "$(med "${file[@]}")"
  [[ -z "${MAPS:-}" ]] || cat "$out/maps.txt"
done

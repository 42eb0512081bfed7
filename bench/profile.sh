#!/usr/bin/env bash
# CPU profile of the gateway's LLM passthrough path under wrk load (dotnet-trace, cpu-sampling), printed as the
# top methods inclusive and exclusive. Run bench/run.sh once first (Release builds). Usage: bench/profile.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
secs=${1:-15}
out=bench/out/profile-$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$out/logs"
tools=$root/bench/out/tools
[[ -x $tools/dotnet-trace ]] || dotnet tool install dotnet-trace --version 10.0.750501 --tool-path "$tools" >/dev/null
port() { python3 -c "import socket;s=socket.socket();s.bind(('127.0.0.1',0));print(s.getsockname()[1])"; }
up=$(port); gw=$(port)
body=$(sed -n 's/.*ChatResponse =//p' bench/Harness/Payloads.cs | head -1)
cat > "$out/nginx.conf" <<NGINX
worker_processes 1; daemon off; pid $root/$out/nginx.pid; error_log $root/$out/logs/error.log warn;
events { worker_connections 4096; }
http { access_log off; client_body_temp_path $root/$out/body;
  server { listen 127.0.0.1:$up; keepalive_requests 1000000;
    location / { default_type application/json;
      return 200 '{"id":"chatcmpl-bench","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],"usage":{"prompt_tokens":38,"completion_tokens":18,"total_tokens":56}}'; } } }
NGINX
cat > "$out/gateway.yaml" <<YAML
admin: { url: "" }
routes: [{ name: llm, path: /v1, llm: models }]
llm:
  models:
    providers:
      - { name: upstream, type: openai-compatible, baseUrl: "http://127.0.0.1:$up/v1", apiKey: sk-upstream, models: ["*"] }
YAML
cat > "$out/chat.lua" <<'LUA'
wrk.method = "POST"
wrk.body = [[{"model":"gpt-4o-mini","messages":[{"role":"system","content":"You are a concise assistant for a travel agency."},{"role":"user","content":"Suggest three things to do in Lisbon on a rainy afternoon, one line each."}],"temperature":0.2,"max_tokens":128}]]
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer sk-bench"
LUA
nginx -p "$root/$out" -c "$root/$out/nginx.conf" & ngx=$!
# Started in its output folder (its content root), like the harness does, so appsettings.json applies.
(cd AgentGateway.Gateway/bin/Release/net10.0 && DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 ASPNETCORE_ENVIRONMENT=Production exec dotnet AgentGateway.Gateway.dll \
  --config "$root/$out/gateway.yaml" --urls "http://127.0.0.1:$gw" >"$root/$out/gateway.log" 2>&1) & gpid=$!
trap 'kill $gpid $ngx 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf -o /dev/null -X POST "http://127.0.0.1:$gw/v1/chat/completions" -H 'content-type: application/json' \
  -d '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}' && break; sleep 0.3; done
wrk -t2 -c32 -d5s -s "$out/chat.lua" "http://127.0.0.1:$gw/v1/chat/completions" >/dev/null   # warm-up
wrk -t2 -c32 -d$((secs + 5))s -s "$out/chat.lua" "http://127.0.0.1:$gw/v1/chat/completions" > "$out/wrk.txt" & wpid=$!
sleep 2
if command -v perf >/dev/null; then
  # CPU samples of the gateway process (JIT frames named through the perf map), by symbol.
  perf record -F 499 -p $gpid -o "$out/perf.data" -- sleep "$secs" >/dev/null 2>&1
  wait $wpid || true
  grep -E "Requests/sec|Non-2xx" "$out/wrk.txt" || true
  echo "== CPU: top symbols (self)"; perf report -i "$out/perf.data" --no-children --sort symbol --stdio 2>/dev/null | grep -v "^#" | grep "%" | head -40
  echo "== CPU: by module"; perf report -i "$out/perf.data" --no-children --sort dso --stdio 2>/dev/null | grep -v "^#" | grep "%" | head -15
  exit 0
fi
# Thread-time samples (~100 Hz, every managed thread): idle pool threads show up as waits, so read the
# exclusive list past the wait frames and the inclusive list for which request-path code holds the time.
"$tools/dotnet-trace" collect -p $gpid --profile dotnet-sampled-thread-time --duration 00:00:00:$secs -o "$out/gateway.nettrace" >/dev/null
wait $wpid || true
grep -E "Requests/sec|Non-2xx" "$out/wrk.txt" || true
echo "== top 30 exclusive"; "$tools/dotnet-trace" report "$out/gateway.nettrace" topN -n 30 || true
echo "== top 40 inclusive"; "$tools/dotnet-trace" report "$out/gateway.nettrace" topN -n 40 --inclusive || true
echo "trace: $out/gateway.nettrace"

#!/usr/bin/env bash
# CPU profile of the gateway under wrk load: `llm` (passthrough chat completion to an nginx canned upstream) or
# `mcp` (tools/call get_forecast on one session, upstream samples/WeatherMcp) or `mcplist` (tools/list federated over
# 10 WeatherMcp targets, answered from the targets' cached lists) or `yarp` (bench/BareYarp in place of the gateway,
# same upstream and load as `llm`: the floor, split the same way). perf (with the JIT perf map) when
# installed, else dotnet-trace thread-time samples. Run bench/run.sh once first (Release builds).
# Usage: bench/profile.sh [llm|mcp|mcplist|yarp] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
what=${1:-llm}
secs=${2:-15}
out=bench/out/profile-$(date -u +%Y%m%d-%H%M%S)
# The config gets a folder of its own: the gateway watches its config's folder (with subfolders) for reloads, and
# perf.data and gateway.log, written all through the run, would wake that watcher on every write.
mkdir -p "$out/logs" "$out/config"
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
cat > "$out/config/gateway.yaml" <<YAML
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
url="http://127.0.0.1:$gw/v1/chat/completions"
if [[ $what == mcp ]]; then
  wp=$(port)
  (cd samples/WeatherMcp/bin/Release/net10.0 && Logging__LogLevel__Default=Warning exec dotnet WeatherMcp.dll --urls "http://127.0.0.1:$wp" >"$root/$out/weather.log" 2>&1) & wpid_up=$!
  trap 'kill $wpid_up 2>/dev/null || true' EXIT
  printf 'admin: { url: "" }\nroutes: [{ name: weather, path: /mcp, mcp: weather }]\nmcp:\n  weather:\n    targets: [{ name: weather, url: "http://127.0.0.1:%s/mcp", transport: streamable-http }]\n' "$wp" > "$out/config/gateway.yaml"
  url="http://127.0.0.1:$gw/mcp"
fi
if [[ $what == mcplist ]]; then
  # The harness's federated case: one WeatherMcp process configured as 10 targets (w1..w10), prefixed names.
  wp=$(port)
  (cd samples/WeatherMcp/bin/Release/net10.0 && Logging__LogLevel__Default=Warning exec dotnet WeatherMcp.dll --urls "http://127.0.0.1:$wp" >"$root/$out/weather.log" 2>&1) & wpid_up=$!
  targets=$(for i in $(seq 10); do printf '{ name: w%s, url: "http://127.0.0.1:%s/mcp", transport: streamable-http },' "$i" "$wp"; done)
  printf 'admin: { url: "" }\nroutes: [{ name: fed, path: /mcp, mcp: fed }]\nmcp:\n  fed:\n    targets: [%s]\n' "${targets%,}" > "$out/config/gateway.yaml"
  url="http://127.0.0.1:$gw/mcp"
fi
if [[ $what == yarp ]]; then
  # The floor, profiled the same way: bare YARP in front of the same upstream, for a side-by-side split.
  (cd bench/BareYarp/bin/Release/net10.0 && DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 exec dotnet BareYarp.dll \
    --urls "http://127.0.0.1:$gw" --upstream "http://127.0.0.1:$up" >"$root/$out/gateway.log" 2>&1) & gpid=$!
else
  # Started in its output folder (its content root), like the harness does, so appsettings.json applies.
  (cd AgentGateway.Gateway/bin/Release/net10.0 && DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 ASPNETCORE_ENVIRONMENT=Production exec dotnet AgentGateway.Gateway.dll \
    --config "$root/$out/config/gateway.yaml" --urls "http://127.0.0.1:$gw" >"$root/$out/gateway.log" 2>&1) & gpid=$!
fi
trap 'kill $gpid $ngx ${wpid_up:-} 2>/dev/null || true' EXIT
script=$out/chat.lua
if [[ $what == mcp* ]]; then
  accept='Accept: application/json, text/event-stream'
  for _ in $(seq 100); do
    sid=$(curl -s -D - -o /dev/null -X POST "$url" -H 'content-type: application/json' -H "$accept" \
      -d '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"profile","version":"1"}}}' \
      | tr -d '\r' | sed -n 's/^[Mm]cp-[Ss]ession-[Ii]d: //p') && [[ -n $sid ]] && break; sleep 0.3; done
  curl -sf -o /dev/null -X POST "$url" -H 'content-type: application/json' -H "$accept" -H "Mcp-Session-Id: $sid" -d '{"jsonrpc":"2.0","method":"notifications/initialized"}'
  script=$out/mcp.lua
  cat > "$script" <<LUA
wrk.method = "POST"
wrk.body = [[{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_forecast","arguments":{"city":"Lisbon","days":3}}}]]
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["MCP-Protocol-Version"] = "2025-06-18"
wrk.headers["Mcp-Session-Id"] = "$sid"
LUA
  [[ $what == mcplist ]] && sed -i 's|wrk.body = .*|wrk.body = [[{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}]]|' "$script"
  curl -s -X POST "$url" -H 'content-type: application/json' -H "$accept" -H "Mcp-Session-Id: $sid" -H "MCP-Protocol-Version: 2025-06-18" \
    -d '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_forecast","arguments":{"city":"Lisbon","days":3}}}' | head -c 300; echo
else
  for _ in $(seq 100); do curl -sf -o /dev/null -X POST "$url" -H 'content-type: application/json' \
    -d '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}' && break; sleep 0.3; done
fi
# Warm-up: under this load the MCP path keeps the tiered JIT busy for ~20 s (30 % of the process's CPU at 5-10 s),
# so a shorter one profiles the JIT rather than the gateway (bench/README.md, "Warm-up").
wrk -t2 -c32 -d25s -s "$script" "$url" >/dev/null
wrk -t2 -c32 -d$((secs + 5))s -s "$script" "$url" > "$out/wrk.txt" & wpid=$!
sleep 2
if command -v perf >/dev/null; then
  # CPU samples of the gateway process (JIT frames named through the perf map), by symbol.
  perf record -F 499 -g -p $gpid -o "$out/perf.data" -- sleep "$secs" >/dev/null 2>&1
  wait $wpid || true
  grep -E "Requests/sec|Non-2xx" "$out/wrk.txt" || true
  echo "== CPU: top symbols (self)"; perf report -i "$out/perf.data" --no-children --sort symbol --stdio -g none 2>/dev/null | grep -v "^#" | grep "%" | sed 's/  */ /g' | cut -c1-200 > "$out/symbols.txt" || true
  head -40 "$out/symbols.txt"
  echo "== CPU: by module"; perf report -i "$out/perf.data" --no-children --sort dso --stdio -g none 2>/dev/null | grep -v "^#" | grep "%" > "$out/modules.txt" || true
  head -15 "$out/modules.txt"
  echo "== CPU: by thread"; perf report -i "$out/perf.data" --no-children --sort comm --stdio -g none 2>/dev/null | grep -v "^#" | grep "%" > "$out/threads.txt" || true
  head -8 "$out/threads.txt"
  # CPU time of the process over the recording (the event count is ns of cpu-clock): per request, comparable
  # between two profiles (e.g. `yarp` and `llm`) where RPS alone also depends on what else the cores run.
  ns=$(perf report -i "$out/perf.data" --stdio -g none --sort comm 2>/dev/null | sed -n 's/^# Event count (approx.): //p' | head -1)
  rps=$(sed -n 's/^Requests\/sec: *//p' "$out/wrk.txt")
  python3 -c "print(f'CPU per request: {$ns / ($rps * $secs) / 1000:.1f} us ({$ns / 1e9:.1f} s CPU over ${secs} s at {$rps:.0f} RPS)')" || true
  # Inclusive: share of samples with the method anywhere on the stack (.NET JIT code keeps frame pointers).
  echo "== CPU: inclusive, request-path methods"
  perf report -i "$out/perf.data" --children --sort symbol --stdio -g none 2>/dev/null | grep -v "^#" | grep "%" | sed 's/  */ /g' \
    | grep -E "AgentGateway|ModelContextProtocol|System.Text.Json|OpenTelemetry|Logging|Kestrel|System.Net.Http|Yarp" | cut -c1-220 > "$out/inclusive.txt" || true
  head -60 "$out/inclusive.txt"
  echo "perf data: $out/perf.data"
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

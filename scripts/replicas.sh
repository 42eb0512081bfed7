#!/usr/bin/env bash
# Local multi-replica mode: N gateway replicas behind a round-robin nginx front, sharing one Redis.
# No sticky sessions: consecutive requests of one client land on different replicas, as behind a
# plain cloud load balancer.
#
#   scripts/replicas.sh [--replicas N] [--port FRONT_PORT] [--config gateway.yaml]
#
# Ctrl+C stops everything. Requires: dotnet, redis-server, nginx (apt-get install -y redis-server nginx).
set -euo pipefail
cd "$(dirname "$0")/.."
replicas=3 front=8080 config=AgentGateway.AppHost/gateway.yaml
while [ $# -gt 0 ]; do
  case "$1" in
    --replicas) replicas=$2; shift 2 ;;
    --port) front=$2; shift 2 ;;
    --config) config=$2; shift 2 ;;
    *) echo "unknown option $1"; exit 2 ;;
  esac
done
for tool in dotnet redis-server nginx; do
  command -v "$tool" >/dev/null || { echo "$tool is required (apt-get install -y redis-server nginx)"; exit 2; }
done

work=$(mktemp -d)
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

dotnet build -c Release AgentGateway.Gateway >/dev/null
redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no >"$work/redis.log" 2>&1 &
pids+=($!)
export ConnectionStrings__redis="127.0.0.1:$redis_port"

servers=""
for i in $(seq 1 "$replicas"); do
  port=$(free_port)
  Gateway__admin__url="" dotnet AgentGateway.Gateway/bin/Release/net10.0/AgentGateway.Gateway.dll \
    --config "$config" --urls "http://127.0.0.1:$port" 2>&1 | sed "s/^/[replica-$i] /" &
  pids+=($!)
  servers+="    server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"$'\n'
  echo "replica-$i: http://127.0.0.1:$port"
done

mkdir -p "$work/logs"
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/body;
  proxy_temp_path $work/proxy;
  upstream replicas {
$servers    keepalive 32;
  }
  server {
    listen 127.0.0.1:$front;
    location / {
      proxy_pass http://replicas;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffering off;
      proxy_read_timeout 1h;
      # A replica that refuses the connection is skipped; requests it never received are safe to resend.
      proxy_next_upstream error;
    }
  }
}
CONF
nginx -p "$work" -c "$work/nginx.conf" &
pids+=($!)
echo "front (round-robin over $replicas replicas, redis 127.0.0.1:$redis_port): http://127.0.0.1:$front"
wait

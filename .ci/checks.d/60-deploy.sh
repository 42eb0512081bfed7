#!/usr/bin/env bash
# Deployment checks (issue 11), run from the repo root after `dotnet test`:
#   1. infra/main.bicep compiles with the Bicep CLI with no warning and no error;
#   2. the gateway publishes (Release) and its container image settings are what deploy/ expects;
#   3. every kustomization under deploy/k8s builds (when kubectl is on PATH; its kustomize is built in).
# The Kubernetes names, probes and cross-references are checked by AgentGateway.Tests/Deployment.
set -euo pipefail

BICEP_VERSION="${BICEP_VERSION:-0.49.2}"
BICEP_HOME="${BICEP_HOME:-/opt/agentgateway-tools/bicep/$BICEP_VERSION}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "60-deploy: FAIL: $*" >&2; exit 1; }

# --- 1. Bicep ---------------------------------------------------------------------------------
if [ ! -x "$BICEP_HOME/bicep" ]; then
  # setup.d did not run (or ran as another user): fetch a private copy for this run.
  BICEP_HOME="$work/bicep"
  BICEP_HOME="$BICEP_HOME" bash .ci/setup.d/60-deploy.sh
fi
if ! "$BICEP_HOME/bicep" build infra/main.bicep --stdout > "$work/main.json" 2> "$work/bicep.log"; then
  cat "$work/bicep.log" >&2
  fail "bicep build infra/main.bicep failed"
fi
# Bicep reports warnings (linter and type checks) on stderr and still exits 0: treat any as failure.
if [ -s "$work/bicep.log" ]; then
  cat "$work/bicep.log" >&2
  fail "bicep build infra/main.bicep reported diagnostics"
fi
grep -q '"Microsoft.App/containerApps' "$work/main.json" || fail "compiled template has no container app"
echo "60-deploy: bicep build infra/main.bicep: ok ($(wc -c < "$work/main.json") bytes of ARM JSON)"

# --- 2. dotnet publish + container settings ----------------------------------------------------
gateway=AgentGateway.Gateway/AgentGateway.Gateway.csproj
dotnet publish "$gateway" -c Release -o "$work/publish" -nologo -v quiet \
  || fail "dotnet publish $gateway -c Release failed"
[ -f "$work/publish/AgentGateway.Gateway.dll" ] || fail "publish output has no AgentGateway.Gateway.dll"
echo "60-deploy: dotnet publish -c Release: ok"

# ComputeContainerConfig resolves the image settings without pulling the base image (which needs
# the registry; /t:PublishContainer itself cannot run offline).
dotnet msbuild "$gateway" -nologo -t:ComputeContainerConfig -p:Configuration=Release \
  -getProperty:ContainerRepository -getProperty:ContainerUser \
  -getItem:ContainerEnvironmentVariable -getItem:ContainerPort > "$work/container.json" \
  || fail "ComputeContainerConfig failed"
expect() { grep -q -- "$1" "$work/container.json" || { cat "$work/container.json" >&2; fail "container config lacks $1"; }; }
expect '"ContainerRepository": "agentgateway/gateway"'
expect '"ContainerUser": "1654"'
expect '"Identity": "8080"'
expect '"Identity": "Gateway__ConfigFile"'
expect '"Value": "/config/gateway.yaml"'
expect '"Identity": "ASPNETCORE_HTTP_PORTS"'
# azd publishes with exactly these overrides (see docs/deployment.md); they must not clash with the csproj.
dotnet msbuild "$gateway" -nologo -t:ComputeContainerConfig -p:Configuration=Release \
  -p:ContainerRepository=agentgateway/gateway-dev -p:ContainerImageTag=azd-deploy-1 \
  -p:ContainerRegistry=example.azurecr.io -getProperty:ContainerImageTag > "$work/azd.txt" 2>&1 \
  || { cat "$work/azd.txt" >&2; fail "container settings reject azd's publish overrides"; }
echo "60-deploy: container image settings: ok"

# --- 3. kustomize -------------------------------------------------------------------------------
if command -v kubectl > /dev/null 2>&1; then
  for dir in deploy/k8s/base deploy/k8s/overlays/dev deploy/k8s/overlays/production; do
    kubectl kustomize "$dir" > "$work/kustomize.yaml" 2> "$work/kustomize.log" \
      || { cat "$work/kustomize.log" >&2; fail "kubectl kustomize $dir failed"; }
    [ -s "$work/kustomize.log" ] && { cat "$work/kustomize.log" >&2; fail "kubectl kustomize $dir warned"; }
    echo "60-deploy: kubectl kustomize $dir: ok ($(grep -c '^kind:' "$work/kustomize.yaml") objects)"
  done
else
  echo "60-deploy: kubectl not on PATH, kustomize builds skipped (the C# manifest tests still ran)"
fi
echo "60-deploy: all deployment checks passed"

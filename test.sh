#!/usr/bin/env bash
# Runs every test of the repository: ./test.sh [dotnet test options, e.g. -- --filter-namespace "AgentGateway.Tests.Mcp"]
#
# Needs the .NET SDK and Node.js 20+ (the build restores the tests' npm packages itself, see build/NpmRestore.targets).
# The tests also run redis-server and a headless chromium: when one is missing this script installs it with apt
# if it can (root on Debian/Ubuntu); otherwise it stops at once with one line naming what to install.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

fail() { echo "test.sh: $*" >&2; exit 1; }

command -v dotnet >/dev/null 2>&1 || fail "the .NET SDK is missing: install .NET 10 (https://dot.net)"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  fail "Node.js is missing: install Node.js 20 or newer with npm"
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || fail "Node.js $(node --version) is too old: install Node.js 20 or newer"

# System packages the tests run, by Debian package name: command to look for.
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing ${missing[*]} (apt-get)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >/dev/null \
      || fail "could not install ${missing[*]} with apt-get: install them and run again"
  else
    fail "missing ${missing[*]}: install them (e.g. sudo apt-get install -y ${missing[*]}) and run again"
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet test "$@"

#!/usr/bin/env bash
# Deployment checks (issue 11): installs the Bicep CLI from its NuGet package, so that
# .ci/checks.d/60-deploy.sh can compile infra/ offline. Idempotent; runs from the repo root.
set -euo pipefail

BICEP_VERSION="${BICEP_VERSION:-0.49.2}"
BICEP_HOME="${BICEP_HOME:-/opt/agentgateway-tools/bicep/$BICEP_VERSION}"

if [ -x "$BICEP_HOME/bicep" ] && "$BICEP_HOME/bicep" --version 2>/dev/null | grep -q "$BICEP_VERSION"; then
  echo "bicep $BICEP_VERSION already in $BICEP_HOME"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A restore-only project outside the repository (so the repo's central package management does
# not apply): PackageDownload fetches the package without referencing it.
cat > "$work/bicep-download.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="Azure.Bicep.CommandLine.linux-x64" Version="[$BICEP_VERSION]" />
  </ItemGroup>
</Project>
PROJ

dotnet restore "$work/bicep-download.csproj" --packages "$work/packages" -nologo -v quiet

mkdir -p "$BICEP_HOME"
cp "$work/packages/azure.bicep.commandline.linux-x64/$BICEP_VERSION/tools/bicep" "$BICEP_HOME/bicep"
chmod 0755 "$BICEP_HOME/bicep"
"$BICEP_HOME/bicep" --version

#!/usr/bin/env bash
# The Cedar engine's NuGet package (AgentGateway.Cedar): `dotnet pack` works and the package carries the README
# (PackageReadmeFile), the Apache-2.0 license expression, a description and the library with its XML docs.
set -euo pipefail

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "55-cedar-package: FAIL: $*" >&2; exit 1; }

dotnet pack AgentGateway.Cedar/AgentGateway.Cedar.csproj -c Release -o "$work" -nologo -v quiet \
  || fail "dotnet pack AgentGateway.Cedar failed"
nupkg="$(find "$work" -maxdepth 1 -name 'AgentGateway.Cedar.*.nupkg' ! -name '*.symbols.nupkg' | head -1)"
[ -n "$nupkg" ] || fail "no AgentGateway.Cedar nupkg in the pack output"

command -v python3 >/dev/null 2>&1 || fail "python3 is needed to read the package"
# A nupkg is a zip: list it and read the nuspec with python3 (no unzip needed).
python3 - "$nupkg" <<'PY' || fail "package content check failed (see above)"
import re, sys, zipfile
pkg = zipfile.ZipFile(sys.argv[1])
names = pkg.namelist()
nuspec = pkg.read(next(n for n in names if n.endswith(".nuspec"))).decode("utf-8")
problems = []
def need(ok, what):
    if not ok:
        problems.append(what)
need("README.md" in names, "README.md is not in the package root")
need("<readme>README.md</readme>" in nuspec, "the nuspec has no <readme>README.md</readme>")
need(re.search(r'<license type="expression">Apache-2.0</license>', nuspec), "the nuspec has no Apache-2.0 license expression")
need(re.search(r"<description>.+</description>", nuspec, re.S), "the nuspec has no description")
need(re.search(r"<tags>.*cedar.*</tags>", nuspec), "the nuspec has no cedar tag")
need("lib/net10.0/AgentGateway.Cedar.dll" in names, "lib/net10.0/AgentGateway.Cedar.dll is missing")
need("lib/net10.0/AgentGateway.Cedar.xml" in names, "the XML documentation is missing")
need(not re.search(r"<dependency ", nuspec), "the package has dependencies (it should need none)")
need("```csharp" in pkg.read("README.md").decode("utf-8") if "README.md" in names else False, "the packed README has no example")
for p in problems:
    print("55-cedar-package: " + p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
echo "55-cedar-package: dotnet pack AgentGateway.Cedar: ok ($(basename "$nupkg"), README and Apache-2.0 license packed)"

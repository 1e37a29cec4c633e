#!/usr/bin/env bash
# The clean-room test: what a team does with our packages on a machine without this repository.
# In an empty folder outside the repository (no node_modules above it, PACT_FFI_LIBRARY unset, a private NuGet
# cache so nothing built earlier is reused), it installs the tool from the packages folder, checks that it got this
# platform's ReadyToRun package, and runs the sequence of docs/ci.md — serve both reference servers, verify,
# check-pacts, probe, report — then builds a fresh xunit consumer project that records a pact with
# Kernel.Contracts.Pact and Kernel.Platform.Client and verifies it against the server.
#
#   contract-tests/clean-room/clean-room.sh <folder with the .nupkg files>
# Exit 0 when every step passed; the first failing step stops it with its output.
set -euo pipefail

feed=$(cd "${1:?usage: clean-room.sh <packages folder>}" && pwd)
# The tool's pointer package (Kernel.Contracts.Cli.<version>), not one of its platform packages (Kernel.Contracts.Cli.<rid>.<version>).
tool_package=$(ls "$feed"/Kernel.Contracts.Cli.[0-9]*.nupkg | head -n 1)
version=$(basename "$tool_package" .nupkg); version=${version#Kernel.Contracts.Cli.}

room=$(mktemp -d "${TMPDIR:-/tmp}/kernel-contracts-clean-room.XXXXXX")
keep=${KEEP_CLEAN_ROOM:-}
servers=()
finish() {
  local status=$?
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ "$status" -ne 0 ]; then
    echo "clean room: FAILED (exit $status); server logs:"; tail -n 20 "$room"/*.log 2>/dev/null || true
  fi
  if [ -z "$keep" ]; then rm -rf "$room"; else echo "clean room kept at $room"; fi
}
trap finish EXIT

# Nothing of the repository may be found from here.
for dir in "$room" $(dirname "$room") /; do
  [ ! -e "$dir/node_modules" ] || { echo "clean room: $dir/node_modules exists: not a clean room" >&2; exit 2; }
done
unset PACT_FFI_LIBRARY
export NUGET_PACKAGES="$room/.nuget/packages" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PACT_DO_NOT_TRACK=true
cd "$room"
cat > nuget.config <<XML
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML

step() { echo; echo "clean room \$ $*"; "$@"; }
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}
wait_until_listening() {
  for _ in $(seq 1 150); do
    curl -s -o /dev/null "$1" && return 0
    sleep 0.2
  done
  echo "clean room: nothing listens at $1 after 30 s" >&2; return 1
}

# ---- the sequence of docs/ci.md --------------------------------------------------------------------------------
step dotnet tool install Kernel.Contracts.Cli --version "$version" --tool-path "$room/tools"
export PATH="$room/tools:$PATH"

# The SDK must have picked this platform's ReadyToRun package (the portable one only where none is packed).
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) if ldd --version 2>&1 | grep -qi musl; then rid=linux-musl-x64; else rid=linux-x64; fi ;;
  Linux-aarch64) if ldd --version 2>&1 | grep -qi musl; then rid=any; else rid=linux-arm64; fi ;;
  Darwin-x86_64) rid=osx-x64 ;;
  Darwin-arm64) rid=osx-arm64 ;;
  *) rid=any ;;
esac
installed=$(cd "$room/tools/.store/kernel.contracts.cli/$version" && ls -d kernel.contracts.cli.*/ | tr -d /)
[ "$installed" = "kernel.contracts.cli.$rid" ] || {
  echo "clean room: dotnet tool install picked '$installed', not the $rid package kernel.contracts.cli.$rid" >&2; exit 1; }
echo "clean room: installed $installed (the package for $rid)"
mkdir -p results

platform_port=$(free_port)
kernel-contracts serve --api platform --urls "http://127.0.0.1:$platform_port" --api-key ci-key --provider-states >platform.log 2>&1 &
servers+=($!)
sessions_port=$(free_port)
kernel-contracts serve --api sessions --urls "http://127.0.0.1:$sessions_port" --access-key AKCI --secret-key ci-secret --provider-states >sessions.log 2>&1 &
servers+=($!)
wait_until_listening "http://127.0.0.1:$platform_port/"
wait_until_listening "http://127.0.0.1:$sessions_port/"

platform="http://127.0.0.1:$platform_port"
sessions="http://127.0.0.1:$sessions_port"
step kernel-contracts verify --api platform --base-url "$platform/" --api-key ci-key \
  --state-change-url "$platform/_pact/provider-states" --junit results/verify-platform.xml --json results/verify-platform.json
step kernel-contracts verify --api sessions --base-url "$sessions/" --access-key AKCI --secret-key ci-secret \
  --state-change-url "$sessions/_pact/provider-states" --junit results/verify-sessions.xml --json results/verify-sessions.json
step kernel-contracts check-pacts --api platform --junit results/check-platform.xml --json results/check-platform.json
step kernel-contracts check-pacts --api sessions --junit results/check-sessions.xml --json results/check-sessions.json
step kernel-contracts probe --api platform --base-url "$platform/" --api-key ci-key --seed 1 --max-requests 200 \
  --time-limit 60 --junit results/probe-platform.xml --json results/probe-platform.json
step kernel-contracts probe --api sessions --base-url "$sessions/" --access-key AKCI --secret-key ci-secret --seed 1 \
  --max-requests 200 --time-limit 60 --junit results/probe-sessions.xml --json results/probe-sessions.json
step kernel-contracts report --results results --out report
grep -q "kernel-platform" report/index.html || { echo "clean room: the report names no API" >&2; exit 1; }

# ---- a consumer's own pact test ----------------------------------------------------------------------------------
mkdir consumer
cat > consumer/Consumer.Tests.csproj <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <IsPackable>false</IsPackable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Kernel.Contracts.Pact" Version="$version" />
    <PackageReference Include="Kernel.Platform.Client" Version="$version" />
    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
    <PackageReference Include="xunit" Version="2.9.3" />
    <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
  </ItemGroup>
</Project>
XML
cat > consumer/DatasetsPactTests.cs <<'CS'
using Kernel.Contracts.Pact;
using Kernel.Platform.Client;
using Xunit;

public sealed class DatasetsPactTests
{
    [Fact]
    public async Task Lists_the_datasets_of_an_empty_study()
    {
        const string study = "e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0";
        var pact = Pact.V4("clean-room-consumer", "kernel-platform-api", new PactConfig { PactDir = "pacts" });
        pact.UponReceiving("a request for the datasets of an empty study")
            .Given("a study without datasets exists", new Dictionary<string, object?> { ["studyId"] = study })
            .WithRequest(HttpMethod.Get, "/api/v1/study/" + study + "/datasets")
            .WithHeader("Authorization", "ci-key")
            .WillRespond()
            .WithStatus(200)
            .WithHeader("Content-Type", "application/json")
            .WithJsonBody(new { datasets = Array.Empty<object>() });

        await pact.VerifyAsync(async context =>
        {
            using var http = new HttpClient(new ApiKeyHandler("ci-key") { InnerHandler = new HttpClientHandler() });
            var client = new KernelPlatformClient(http, new KernelPlatformClientOptions { BaseAddress = new Uri(context.MockServerUri, "api/v1") });
            var list = await client.ListDatasetsAsync(study);
            Assert.Empty(list.Datasets);
        });

        Assert.True(File.Exists(Path.Combine("pacts", "clean-room-consumer-kernel-platform-api.json")));
    }
}
CS
(cd consumer && step dotnet test --nologo)
pact_file=$(ls consumer/bin/*/*/pacts/clean-room-consumer-kernel-platform-api.json)
step kernel-contracts check-pacts --api platform --pact "$pact_file"
step kernel-contracts verify --api platform --base-url "$platform/" --api-key ci-key \
  --state-change-url "$platform/_pact/provider-states" --pact "$pact_file"

echo
echo "clean room: passed (tool $version, package $installed, from $feed, in $room)"

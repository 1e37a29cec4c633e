#!/usr/bin/env bash
# A consumer project's build time with NSwag.MSBuild 14.7.1 (NSwag's CLI as a build step) against the same project
# with Kernel.Contracts.Generator.NSwag (NSwag's generator inside the compiler): the first build (bin/ and obj/ removed,
# packages already restored) and the rebuild after an unrelated edit, RUNS times each (default 3), on one document.
# Usage: bench/nswag-build/nswag-build.sh [spec.yaml] [runs]   (run from the repository; packs the generator first)
# KCG_COMPILER_SERVER=1 builds with the compiler server (-p:UseSharedCompilation=true), as an IDE or a developer
# machine with the .NET SDK's defaults does; the server processes this script started are ended at its exit.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
spec="${1:-$repo/spec/kernel-platform.openapi.yaml}"
runs="${2:-3}"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props")"
work="$(mktemp -d "${TMPDIR:-/tmp}/kcg-nswag-build-XXXXXX")"
server_flag=""
servers_before=" $( (pgrep -f VBCSCompiler || true) | tr '\n' ' ') "
if [ "${KCG_COMPILER_SERVER:-0}" = 1 ]; then server_flag="-p:UseSharedCompilation=true"; fi
cleanup() {
  rm -rf "$work"
  for pid in $(pgrep -f VBCSCompiler || true); do
    case "$servers_before" in *" $pid "*) ;; *) kill "$pid" 2>/dev/null || true ;; esac
  done
}
trap cleanup EXIT

dotnet pack "$repo/generator/Kernel.Contracts.Generator.NSwag" -c Release -o "$work/feed" >/dev/null
cat > "$work/nuget.config" <<XML
<configuration><packageSources><add key="local" value="$work/feed" /></packageSources></configuration>
XML
echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Build.targets"
echo '<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>' > "$work/Directory.Packages.props"

common='<OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings><RestorePackagesPath>'"$work"'/packages</RestorePackagesPath>'
for kind in msbuild generator; do
  mkdir -p "$work/$kind"
  cp "$spec" "$work/$kind/api.yaml"
  printf 'Console.WriteLine(typeof(Bench.Api.ApiClient).Name);\n' > "$work/$kind/Program.cs"
  printf 'static class Unrelated { public static int Value => 0; }\n' > "$work/$kind/Unrelated.cs"
done
cat > "$work/msbuild/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>$common</PropertyGroup>
  <ItemGroup>
    <PackageReference Include="NSwag.MSBuild" Version="14.7.1" PrivateAssets="all" />
    <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
  </ItemGroup>
  <!-- NSwag's documented MSBuild step, incremental on the document (Inputs/Outputs). -->
  <Target Name="NSwag" BeforeTargets="BeforeBuild" Inputs="api.yaml" Outputs="obj/ApiClient.cs">
    <Exec Command="\$(NSwagExe_Net100) openapi2csclient /input:api.yaml /output:obj/ApiClient.cs /classname:ApiClient /namespace:Bench.Api" />
  </Target>
  <Target Name="NSwagCompile" AfterTargets="NSwag" BeforeTargets="BeforeBuild">
    <ItemGroup><Compile Include="obj/ApiClient.cs" Exclude="@(Compile)" /></ItemGroup>
  </Target>
</Project>
XML
cat > "$work/generator/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>$common</PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Kernel.Contracts.Generator.NSwag" Version="$version" PrivateAssets="all" />
    <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
    <OpenApiSpec Include="api.yaml" Generate="NSwagClient" ClassName="ApiClient" Namespace="Bench.Api" />
  </ItemGroup>
</Project>
XML

seconds() { local start end; start=$(date +%s.%N); "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }; end=$(date +%s.%N); awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }'; }
echo "| project | first build (s), $runs runs | rebuild after an unrelated edit (s), $runs runs |"
echo "|---|---|---|"
for kind in msbuild generator; do
  dir="$work/$kind"
  dotnet restore "$dir/App.csproj" >/dev/null
  first=(); again=()
  for i in $(seq "$runs"); do
    rm -rf "$dir/bin" "$dir/obj/Release" "$dir/obj/ApiClient.cs"
    first+=("$(seconds dotnet build "$dir/App.csproj" -c Release --no-restore $server_flag)")
    printf 'static class Unrelated { public static int Value => %d; }\n' "$i" > "$dir/Unrelated.cs"
    again+=("$(seconds dotnet build "$dir/App.csproj" -c Release --no-restore $server_flag)")
  done
  label=$([ "$kind" = msbuild ] && echo "NSwag.MSBuild 14.7.1 (CLI step)" || echo "Kernel.Contracts.Generator.NSwag $version (in the compiler)")
  if [ -n "$server_flag" ]; then label="$label, compiler server"; fi
  echo "| $label | ${first[*]} | ${again[*]} |"
done

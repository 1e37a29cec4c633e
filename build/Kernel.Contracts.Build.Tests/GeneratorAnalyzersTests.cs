using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Kernel.Contracts.Build.Packages;
using Xunit;

namespace Kernel.Contracts.Build.Tests;

public sealed class GeneratorAnalyzersTests
{
    private static readonly string ReadyToRun = GeneratorAnalyzers.Folder(readyToRun: true);

    // The Analyzer items as dotnet msbuild -getItem:Analyzer writes them: the SDK's own, and the package's from a folder.
    private static string Items(string packageFolder, params string[] dlls) => JsonSerializer.Serialize(new
    {
        Items = new
        {
            Analyzer = new[] { new { FullPath = "/usr/share/dotnet/sdk/10.0.401/Sdks/Microsoft.NET.Sdk/analyzers/Microsoft.CodeAnalysis.NetAnalyzers.dll", NuGetPackageId = "" } }
                .Concat(dlls.Select(dll => new { FullPath = $"/home/u/.nuget/packages/kernel.contracts.generator/1.2.3/{packageFolder}{dll}", NuGetPackageId = ShippedPackages.Generator })),
        },
    });

    [Fact]
    public void This_platform_s_ReadyToRun_folder_is_named_after_its_runtime_identifier_without_musl()
    {
        Assert.Matches("^readytorun/(linux|osx|win|freebsd)-[a-z0-9]+/$", ReadyToRun);
        Assert.DoesNotContain("musl", ReadyToRun, StringComparison.Ordinal);
        Assert.Equal("analyzers/dotnet/cs/", GeneratorAnalyzers.Folder(readyToRun: false));
    }

    [Fact]
    public void Every_analyzer_of_the_package_from_the_expected_folder_passes()
    {
        var problems = GeneratorAnalyzers.Check(Items(ReadyToRun, "Kernel.Contracts.Generator.dll", "YamlDotNet.dll"), ReadyToRun, out var count);

        Assert.Empty(problems);
        Assert.Equal(2, count);
    }

    [Fact]
    public void An_analyzer_from_the_other_folder_is_named()
    {
        var problems = GeneratorAnalyzers.Check(Items("analyzers/dotnet/cs/", "YamlDotNet.dll"), ReadyToRun, out _);

        Assert.Equal($"/home/u/.nuget/packages/kernel.contracts.generator/1.2.3/analyzers/dotnet/cs/YamlDotNet.dll is loaded, not the copy under {ReadyToRun}", Assert.Single(problems));
    }

    [Fact]
    public void A_project_that_loads_no_analyzer_of_the_package_fails()
    {
        Assert.Equal("the project loads no analyzer of Kernel.Contracts.Generator", Assert.Single(GeneratorAnalyzers.Check(Items(ReadyToRun), ReadyToRun, out _)));
    }

    [Fact]
    public async Task The_command_prints_the_count_and_folder_and_fails_on_another_copy()
    {
        using var folder = new TempFolder();
        var file = folder.Write("analyzers.json", Items("analyzers/dotnet/cs/", "Kernel.Contracts.Generator.dll"));

        var il = await Run.ToolAsync("check-analyzers", file, "--expect", "il");
        var readyToRun = await Run.ToolAsync("check-analyzers", file, "--expect", "readytorun");
        var broken = await Run.ToolAsync("check-analyzers", folder.Write("broken.json", "{"), "--expect", "il");

        Assert.Equal((0, "generator analyzers: 1 from analyzers/dotnet/cs/"), (il.Exit, il.LastLine));
        Assert.Equal(1, readyToRun.Exit);
        Assert.Contains("is loaded, not the copy under " + ReadyToRun, readyToRun.Error, StringComparison.Ordinal);
        Assert.Equal(2, broken.Exit);
        Assert.StartsWith("error: the analyzer list is not JSON", broken.Error, StringComparison.Ordinal);
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using Kernel.Contracts.Build.Packages;
using Xunit;

namespace Kernel.Contracts.Build.Tests;

public sealed class PackageCheckTests : IDisposable
{
    private static readonly RepositorySettings Settings = new(PackageFile.Version, ProjectUrl: "");
    private static readonly Dictionary<string, string> NoDocs = new();
    private readonly TempFolder packages = new();

    public void Dispose() => packages.Dispose();

    private IReadOnlyList<string> Check(PackageFile package, RepositorySettings? settings = null)
    {
        package.WriteTo(packages.Path);
        var result = new PackageCheck(settings ?? Settings, [package.Id]).Run(packages.Path, NoDocs);
        return result.Problems;
    }

    private static string Only(IReadOnlyList<string> problems) => Assert.Single(problems);

    private const string Tool = ShippedPackages.Tool;

    // The tool as Pack writes it: the pointer and the packages it lists, checked together.
    private IReadOnlyList<string> CheckTool(IEnumerable<PackageFile> tool)
    {
        foreach (var package in tool) package.WriteTo(packages.Path);
        return new PackageCheck(Settings, [Tool]).Run(packages.Path, NoDocs).Problems;
    }

    [Fact]
    public void A_release_ready_package_passes()
    {
        var package = new PackageFile("Kernel.Platform.Client");
        package.WriteTo(packages.Path);

        var result = new PackageCheck(Settings, [package.Id]).Run(packages.Path, NoDocs);

        Assert.Empty(result.Problems);
        Assert.Equal(["Kernel.Platform.Client"], result.Packages);
    }

    [Fact]
    public void A_placeholder_project_address_in_the_props_is_named()
    {
        const string placeholder = "https://github.com/your-org/kernel-contracts";
        var package = new PackageFile("Kernel.Platform.Client").With("projectUrl", placeholder);
        package.Field("repository").SetAttributeValue("url", placeholder);

        var problems = Check(package, new RepositorySettings(PackageFile.Version, placeholder));

        Assert.Equal($"Directory.Build.props: KernelContractsProjectUrl '{placeholder}' is a placeholder; leave it empty until the project has a real address", Only(problems));
    }

    [Fact]
    public void A_nuspec_address_the_props_do_not_configure_is_named_with_the_field()
    {
        var package = new PackageFile("Kernel.Platform.Client").With("projectUrl", "https://example.com/kernel");

        var problem = Only(Check(package));

        Assert.Equal("Kernel.Platform.Client.1.2.3.nupkg: <projectUrl> is 'https://example.com/kernel', not the configured KernelContractsProjectUrl ''", problem);
    }

    [Fact]
    public void A_repository_url_the_props_do_not_configure_is_named()
    {
        var package = new PackageFile("Kernel.Platform.Client");
        package.Field("repository").SetAttributeValue("url", "https://placeholder.dev/repo");

        Assert.Contains("repository url is 'https://placeholder.dev/repo'", Only(Check(package)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("description", "missing <description> (set Description in the csproj)")]
    [InlineData("authors", "missing <authors>")]
    [InlineData("tags", "missing <tags> (set PackageTags in the csproj)")]
    [InlineData("readme", "missing <readme> (set PackageReadmeFile and pack README.md)")]
    [InlineData("license", "missing <license type=\"expression\">MIT</license>")]
    [InlineData("repository", "missing <repository>")]
    public void Each_missing_field_is_named(string field, string expected)
    {
        var problem = Only(Check(new PackageFile("Kernel.Sessions.Server").With(field, null)));

        Assert.Equal("Kernel.Sessions.Server.1.2.3.nupkg: " + expected, problem);
    }

    [Fact]
    public void An_empty_field_counts_as_missing()
    {
        Assert.EndsWith("missing <description> (set Description in the csproj)", Only(Check(new PackageFile("Kernel.Sessions.Server").With("description", "  "))), StringComparison.Ordinal);
    }

    [Fact]
    public void A_license_other_than_the_MIT_expression_is_named()
    {
        var package = new PackageFile("Kernel.Sessions.Server");
        package.Field("license").SetAttributeValue("type", "file");

        Assert.EndsWith("missing <license type=\"expression\">MIT</license>", Only(Check(package)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_other_than_the_props_one_is_named_with_both()
    {
        var problem = Only(Check(new PackageFile("Kernel.Sessions.Client").With("version", "0.0.9")));

        Assert.Equal("Kernel.Sessions.Client.1.2.3.nupkg: <version> is '0.0.9', expected '1.2.3' (Directory.Build.props)", problem);
    }

    [Fact]
    public void A_package_without_a_repository_commit_or_type_is_named()
    {
        var package = new PackageFile("Kernel.Sessions.Client");
        package.Field("repository").SetAttributeValue("commit", null);
        package.Field("repository").SetAttributeValue("type", null);

        var problems = Check(package);

        Assert.Equal(
            ["Kernel.Sessions.Client.1.2.3.nupkg: missing repository type (RepositoryType)", "Kernel.Sessions.Client.1.2.3.nupkg: missing repository commit (pack from a git checkout)"],
            problems);
    }

    [Fact]
    public void A_readme_the_package_does_not_hold_is_named()
    {
        var package = new PackageFile("Kernel.Sessions.Client");
        package.Entries.Remove("README.md");

        Assert.EndsWith("<readme> names 'README.md', which is not in the package", Only(Check(package)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_readme_that_installs_another_version_is_named()
    {
        var package = new PackageFile("Kernel.Sessions.Client");
        package.Entries["README.md"] = "<PackageReference Include=\"Kernel.Sessions.Client\" Version=\"0.9.0\" />";

        Assert.EndsWith("its README installs version 0.9.0, not 1.2.3", Only(Check(package)), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_XML_docs_beside_the_assembly_are_named()
    {
        var package = new PackageFile("Kernel.Platform.Server");
        package.Entries.Remove("lib/net10.0/Kernel.Platform.Server.xml");

        Assert.EndsWith("no XML docs beside lib/net10.0/Kernel.Platform.Server.dll (set GenerateDocumentationFile)", Only(Check(package)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_without_its_own_assembly_is_named()
    {
        var package = new PackageFile("Kernel.Platform.Server");
        package.Entries.Remove("lib/net10.0/Kernel.Platform.Server.dll");
        package.Entries.Remove("lib/net10.0/Kernel.Platform.Server.xml");

        Assert.EndsWith("Kernel.Platform.Server.dll is not in the package", Only(Check(package)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_symbols_package_is_named()
    {
        Assert.EndsWith(
            "no symbols package Kernel.Platform.Server.1.2.3.snupkg beside it (IncludeSymbols, SymbolPackageFormat=snupkg)",
            Only(Check(new PackageFile("Kernel.Platform.Server") { Symbols = null })), StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbols_package_without_the_pdb_is_named()
    {
        var withoutPdb = new PackageFile("Kernel.Sessions.Server");
        withoutPdb.Symbols!.Clear();
        withoutPdb.Symbols["lib/net10.0/Other.pdb"] = "BSJB";
        Assert.EndsWith("Kernel.Sessions.Server.1.2.3.snupkg has no Kernel.Sessions.Server.pdb", Only(Check(withoutPdb)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_tool_that_misses_an_assembly_its_deps_json_names_is_named()
    {
        var linux = PackageFile.ToolPlatform(Tool, "linux-x64", "System.CommandLine", "YamlDotNet");
        linux.Entries.Remove("tools/net10.0/linux-x64/YamlDotNet.dll");

        var problem = Only(CheckTool([PackageFile.ToolPointer(Tool, "linux-x64", "any"), linux, PackageFile.ToolPlatform(Tool, "any")]));

        Assert.Equal("Kernel.Contracts.Cli.linux-x64.1.2.3.nupkg: the tool misses YamlDotNet.dll (YamlDotNet/1.0.0), which tools/net10.0/linux-x64/Kernel.Contracts.Cli.deps.json names", problem);
    }

    [Fact]
    public void A_tool_of_a_pointer_a_ReadyToRun_package_per_platform_and_a_portable_one_passes()
    {
        var tool = PackageFile.Tool(Tool, "linux-x64", "win-x64", "any").ToList();
        foreach (var package in tool) package.WriteTo(packages.Path);

        var result = new PackageCheck(Settings, [Tool]).Run(packages.Path, NoDocs);

        Assert.Empty(result.Problems);
        Assert.Equal(["Kernel.Contracts.Cli", "Kernel.Contracts.Cli.any", "Kernel.Contracts.Cli.linux-x64", "Kernel.Contracts.Cli.win-x64"], result.Packages);
        // What the packages hold: the portable one every platform's Pact core, each platform's its own only.
        Assert.Equal(7, tool[3].Entries.Keys.Count(e => e.StartsWith("tools/net10.0/any/runtimes/", StringComparison.Ordinal)));
        Assert.Equal(["tools/net10.0/win-x64/runtimes/win-x64/native/pact_ffi.dll"], tool[2].Entries.Keys.Where(e => e.Contains("/runtimes/", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_portable_package_must_carry_every_platforms_Pact_core_and_each_platform_package_exactly_its_own()
    {
        var pointer = PackageFile.ToolPointer(Tool, "linux-x64", "any");
        var linux = PackageFile.ToolPlatform(Tool, "linux-x64");
        linux.Entries["tools/net10.0/linux-x64/runtimes/osx-arm64/native/libpact_ffi.dylib"] = "native";
        linux.Entries.Remove("THIRD-PARTY-NOTICES.md");
        var portable = PackageFile.ToolPlatform(Tool, "any");
        portable.Entries.Remove("tools/net10.0/any/runtimes/linux-musl-arm64/native/libpact_ffi.so");

        var problems = CheckTool([pointer, linux, portable]);

        Assert.Equal(
            ["Kernel.Contracts.Cli.any.1.2.3.nupkg: the Pact core tools/net10.0/any/runtimes/linux-musl-arm64/native/libpact_ffi.so is not in the package",
             "Kernel.Contracts.Cli.linux-x64.1.2.3.nupkg: tools/net10.0/linux-x64/runtimes/osx-arm64/native/libpact_ffi.dylib is another platform's Pact core: a platform's package carries its own only",
             "Kernel.Contracts.Cli.linux-x64.1.2.3.nupkg: no THIRD-PARTY-NOTICES.md for the Pact core it ships"],
            problems);
    }

    [Fact]
    public void A_platform_package_without_its_own_Pact_core_is_named()
    {
        var linux = PackageFile.ToolPlatform(Tool, "linux-x64");
        linux.Entries.Remove("tools/net10.0/linux-x64/runtimes/linux-x64/native/libpact_ffi.so");

        var problem = Only(CheckTool([PackageFile.ToolPointer(Tool, "linux-x64", "any"), linux, PackageFile.ToolPlatform(Tool, "any")]));

        Assert.Equal("Kernel.Contracts.Cli.linux-x64.1.2.3.nupkg: the Pact core tools/net10.0/linux-x64/runtimes/linux-x64/native/libpact_ffi.so is not in the package", problem);
    }

    [Fact]
    public void A_platform_without_a_Pact_core_build_cannot_get_its_own_package()
    {
        var problems = CheckTool(PackageFile.Tool(Tool, "freebsd-x64", "any"));

        Assert.Equal(["Kernel.Contracts.Cli.freebsd-x64.1.2.3.nupkg: no Pact core is shipped for freebsd-x64, so the package could not run a pact"], problems);
    }

    [Fact]
    public void A_pointer_without_the_portable_package_is_named()
    {
        var problem = Only(CheckTool(PackageFile.Tool(Tool, "linux-x64")));

        Assert.Equal("Kernel.Contracts.Cli.1.2.3.nupkg: its DotnetToolSettings.xml lists no 'any' package: platforms without their own package could not install the tool", problem);
    }

    [Fact]
    public void A_package_the_pointer_lists_but_Pack_did_not_produce_is_named()
    {
        var problem = Only(CheckTool([PackageFile.ToolPointer(Tool, "linux-x64", "osx-arm64", "any"), PackageFile.ToolPlatform(Tool, "linux-x64"), PackageFile.ToolPlatform(Tool, "any")]));

        Assert.Equal("Kernel.Contracts.Cli.osx-arm64: Kernel.Contracts.Cli lists it for osx-arm64, but no package was produced", problem);
    }

    [Fact]
    public void A_tool_packed_as_one_portable_package_is_not_a_pointer()
    {
        var single = new PackageFile(Tool);

        var problem = Only(Check(single));

        Assert.Equal("Kernel.Contracts.Cli: not a pointer to platform packages (its DotnetToolSettings.xml lists no RuntimeIdentifierPackage; set ToolPackageRuntimeIdentifiers)", problem);
    }

    [Fact]
    public void Platform_packages_must_be_ReadyToRun_and_the_portable_one_IL()
    {
        var linux = PackageFile.ToolPlatform(Tool, "linux-x64");
        linux.Binaries["tools/net10.0/linux-x64/Kernel.Contracts.Cli.dll"] = PackageFile.ILAssembly;
        var portable = PackageFile.ToolPlatform(Tool, "any");
        portable.Binaries["tools/net10.0/any/Kernel.Contracts.Cli.dll"] = PackageFile.ReadyToRunAssembly;
        var windows = PackageFile.ToolPlatform(Tool, "win-x64");
        windows.Binaries.Remove("tools/net10.0/win-x64/Kernel.Contracts.Cli.dll");
        windows.Entries["tools/net10.0/win-x64/Kernel.Contracts.Cli.dll"] = "MZ";

        var problems = CheckTool([PackageFile.ToolPointer(Tool, "linux-x64", "win-x64", "any"), linux, portable, windows]);

        Assert.Equal(
            ["Kernel.Contracts.Cli.any.1.2.3.nupkg: tools/net10.0/any/Kernel.Contracts.Cli.dll is ReadyToRun, but the portable package must be IL for every platform",
             "Kernel.Contracts.Cli.linux-x64.1.2.3.nupkg: tools/net10.0/linux-x64/Kernel.Contracts.Cli.dll is not ReadyToRun (PublishReadyToRun) although the package is for linux-x64",
             "Kernel.Contracts.Cli.win-x64.1.2.3.nupkg: tools/net10.0/win-x64/Kernel.Contracts.Cli.dll is not a .NET assembly"],
            problems);
    }

    // The platform this test runs on: PackageFile.ReadyToRunAssembly (the shared framework's) is compiled for it.
    private static readonly string HostRid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;

    // The generator as Pack lays it out: IL analyzers, their XML docs and symbols, and a ReadyToRun copy per platform.
    private static PackageFile Generator(params string[] readyToRunRids)
    {
        var package = new PackageFile(ShippedPackages.Generator);
        package.Entries.Remove("lib/net10.0/Kernel.Contracts.Generator.dll");
        package.Entries.Remove("lib/net10.0/Kernel.Contracts.Generator.xml");
        package.Symbols!.Clear();
        package.Symbols["analyzers/dotnet/cs/Kernel.Contracts.Generator.pdb"] = "BSJB";
        package.Entries["analyzers/dotnet/cs/Kernel.Contracts.Generator.xml"] = "<doc />";
        foreach (var dll in new[] { "Kernel.Contracts.Generator.dll", "YamlDotNet.dll" })
        {
            package.Binaries["analyzers/dotnet/cs/" + dll] = PackageFile.ILAssembly;
            foreach (var rid in readyToRunRids) package.Binaries[$"readytorun/{rid}/{dll}"] = PackageFile.ReadyToRunAssembly;
        }

        return package;
    }

    private static RepositorySettings ReadyToRunFor(params string[] rids) => Settings with { ReadyToRunRids = rids };

    [Fact]
    public void The_generator_with_IL_analyzers_and_a_ReadyToRun_copy_for_each_listed_platform_passes()
    {
        Assert.Empty(Check(Generator(HostRid), ReadyToRunFor(HostRid)));
    }

    [Fact]
    public void Each_listed_platform_needs_a_ReadyToRun_copy_of_each_analyzer()
    {
        var package = Generator(HostRid);
        package.Binaries.Remove($"readytorun/{HostRid}/YamlDotNet.dll");
        package.Binaries[$"readytorun/{HostRid}/Kernel.Contracts.Generator.dll"] = PackageFile.ILAssembly;

        var problems = Check(package, ReadyToRunFor(HostRid));

        Assert.Equal(
            [$"Kernel.Contracts.Generator.1.2.3.nupkg: readytorun/{HostRid}/Kernel.Contracts.Generator.dll is not ReadyToRun code",
             $"Kernel.Contracts.Generator.1.2.3.nupkg: readytorun/{HostRid}/YamlDotNet.dll is missing: {HostRid} is in KernelContractsReadyToRunRids, and each analyzer needs its ReadyToRun copy"],
            problems);
    }

    [Fact]
    public void A_ReadyToRun_copy_compiled_for_another_platform_is_named_with_both_machines()
    {
        // This machine's ReadyToRun code filed under a platform it is not for.
        var other = HostRid.StartsWith("win-", StringComparison.Ordinal) ? "linux-arm64" : "win-x64";
        var package = Generator();
        package.Binaries[$"readytorun/{other}/Kernel.Contracts.Generator.dll"] = PackageFile.ReadyToRunAssembly;
        package.Binaries[$"readytorun/{other}/YamlDotNet.dll"] = PackageFile.ReadyToRunAssembly;

        var problems = Check(package, ReadyToRunFor(other));

        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Contains($"is ReadyToRun code for another platform (machine 0x{PackageCheck.Machine(HostRid):X4}, {other} is 0x{PackageCheck.Machine(other):X4})", p, StringComparison.Ordinal));
    }

    [Fact]
    public void The_analyzers_every_other_platform_runs_must_be_IL()
    {
        var package = Generator();
        package.Binaries["analyzers/dotnet/cs/YamlDotNet.dll"] = PackageFile.ReadyToRunAssembly;

        Assert.Equal(
            "Kernel.Contracts.Generator.1.2.3.nupkg: analyzers/dotnet/cs/YamlDotNet.dll must be IL: it is what every platform without its own ReadyToRun copy runs",
            Only(Check(package, ReadyToRunFor())));
    }

    [Theory]
    [InlineData("linux-x64", 0x8664 ^ 0x7B79)]
    [InlineData("linux-musl-x64", 0x8664 ^ 0x7B79)]
    [InlineData("linux-arm64", 0xAA64 ^ 0x7B79)]
    [InlineData("osx-arm64", 0xAA64 ^ 0x4644)]
    [InlineData("osx-x64", 0x8664 ^ 0x4644)]
    [InlineData("win-x64", 0x8664)]
    public void A_platform_s_ReadyToRun_machine_is_its_architecture_marked_with_its_system(string rid, int machine)
    {
        Assert.Equal(machine, PackageCheck.Machine(rid));
    }

    [Fact]
    public void A_listed_platform_ReadyToRun_cannot_target_is_named()
    {
        Assert.Equal(
            "Kernel.Contracts.Generator.1.2.3.nupkg: KernelContractsReadyToRunRids names 'browser-wasm', which is no platform ReadyToRun code is compiled for",
            Only(Check(Generator(), ReadyToRunFor("browser-wasm"))));
    }

    [Fact]
    public void The_Pact_core_of_each_platform_and_its_notice_must_travel_with_the_binding()
    {
        var binding = new PackageFile("Kernel.Contracts.Pact");
        binding.Entries.Remove("runtimes/osx-arm64/native/libpact_ffi.dylib");
        binding.Entries.Remove("THIRD-PARTY-NOTICES.md");

        Assert.Equal(
            ["Kernel.Contracts.Pact.1.2.3.nupkg: the Pact core runtimes/osx-arm64/native/libpact_ffi.dylib is not in the package",
             "Kernel.Contracts.Pact.1.2.3.nupkg: no THIRD-PARTY-NOTICES.md for the Pact core it ships"],
            Check(binding));
    }

    [Fact]
    public void A_package_without_a_nuspec_or_an_id_is_named_and_counts_as_not_produced()
    {
        File.WriteAllText(packages.File("Broken.1.0.0.nupkg"), "not a zip");
        using (var zip = ZipFile.Open(packages.File("Empty.1.0.0.nupkg"), ZipArchiveMode.Create)) zip.CreateEntry("lib/readme.txt");
        new PackageFile("Kernel.Platform.Client").With("id", null).WriteTo(packages.Path);

        var problems = new PackageCheck(Settings, ["Kernel.Platform.Client"]).Run(packages.Path, NoDocs).Problems;

        Assert.Contains(problems, p => p.StartsWith("Broken.1.0.0.nupkg: not a readable zip archive", StringComparison.Ordinal));
        Assert.Contains("Empty.1.0.0.nupkg: no .nuspec at the package root", problems);
        Assert.Contains("Kernel.Platform.Client.1.2.3.nupkg: missing <id>", problems);
        Assert.Contains("Kernel.Platform.Client: no package was produced (IsPackable?)", problems);
    }

    [Fact]
    public void A_nuspec_that_is_not_XML_is_named()
    {
        using (var zip = ZipFile.Open(packages.File("Kernel.Platform.Client.1.2.3.nupkg"), ZipArchiveMode.Create))
        using (var writer = new StreamWriter(zip.CreateEntry("Kernel.Platform.Client.nuspec").Open())) writer.Write("<package><metadata>");

        var problems = new PackageCheck(Settings, []).Run(packages.Path, NoDocs).Problems;

        Assert.Equal(["Kernel.Platform.Client.1.2.3.nupkg: Kernel.Platform.Client.nuspec is not a nuspec with <metadata>"], problems);
    }

    [Fact]
    public void A_document_that_installs_another_version_is_named()
    {
        new PackageFile("Kernel.Platform.Client").WriteTo(packages.Path);
        var docs = new Dictionary<string, string> { ["docs/ci.md"] = "dotnet tool install Kernel.Contracts.Cli --version 0.1.0 --tool-path .tools" };

        var problems = new PackageCheck(Settings, ["Kernel.Platform.Client"]).Run(packages.Path, docs).Problems;

        Assert.Equal(["docs/ci.md: installs version 0.1.0 of a package, not 1.2.3"], problems);
    }

    [Fact]
    public void A_missing_folder_cannot_be_checked()
    {
        var e = Assert.Throws<BuildStepException>(() => new PackageCheck(Settings, []).Run(packages.File("nowhere"), NoDocs));

        Assert.Contains("no package folder at", e.Message, StringComparison.Ordinal);
    }

    // The command as build.cake runs it: every shipped package, the props and the documents from files.
    private async Task<Run> CheckPackagesCommandAsync(string projectUrl)
    {
        foreach (var id in ShippedPackages.Ids.Where(id => id != Tool)) new PackageFile(id).WriteTo(packages.Path);
        foreach (var package in PackageFile.Tool(Tool, "linux-x64", "any")) package.WriteTo(packages.Path);

        using var repository = new TempFolder();
        var props = repository.Write("Directory.Build.props",
            $"<Project><PropertyGroup><Version>{PackageFile.Version}</Version><KernelContractsProjectUrl>{projectUrl}</KernelContractsProjectUrl></PropertyGroup></Project>");
        var readme = repository.Write("README.md", $"dotnet tool install Kernel.Contracts.Cli --version {PackageFile.Version}");
        return await Run.ToolAsync("check-packages", packages.Path, "--props", props, "--docs", readme);
    }

    [Fact]
    public async Task The_command_passes_a_release_ready_folder_and_prints_the_summary_line()
    {
        var run = await CheckPackagesCommandAsync(projectUrl: "");

        Assert.Equal(0, run.Exit);
        Assert.Equal("", run.Error);
        Assert.Contains($"packages: 10 checked (metadata, README, XML docs, symbols), version {PackageFile.Version}", run.Output, StringComparison.Ordinal);
        Assert.Equal($"pack: 10 packages in {packages.Path}, each with its metadata, README, XML docs and symbols package", run.LastLine);
    }

    [Fact]
    public async Task The_command_fails_on_a_placeholder_address_and_says_which()
    {
        var run = await CheckPackagesCommandAsync(projectUrl: "https://example.com/kernel-contracts");

        Assert.Equal(1, run.Exit);
        Assert.Contains("error: Directory.Build.props: KernelContractsProjectUrl 'https://example.com/kernel-contracts' is a placeholder", run.Error, StringComparison.Ordinal);
        // The packages carry no address while the props name one: each says so.
        Assert.Contains("error: Kernel.Contracts.Cli.1.2.3.nupkg: <projectUrl> is '', not the configured KernelContractsProjectUrl 'https://example.com/kernel-contracts'", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("pack:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_cannot_run_without_its_props()
    {
        var run = await Run.ToolAsync("check-packages", packages.Path, "--props", packages.File("Directory.Build.props"));

        Assert.Equal(2, run.Exit);
        Assert.StartsWith("error: " + packages.File("Directory.Build.props") + ": cannot read it", run.Error, StringComparison.Ordinal);
    }
}

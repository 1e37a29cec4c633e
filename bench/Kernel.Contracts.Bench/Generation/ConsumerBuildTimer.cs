using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace Kernel.Contracts.Bench.Generation;

/// <summary>
/// What a consumer pays on every build: <c>dotnet build --no-incremental</c> of a library project holding our client
/// (the generator runs inside that build, from the built generator's DLL as an analyzer, as the package ships it) against
/// the same project holding NSwag's System.Text.Json client, generated beforehand. The projects live in a temporary
/// folder outside the repository, so none of its build settings apply; both reference the same packages.
/// </summary>
public sealed class ConsumerBuildTimer(string nswagDll, string cliDll)
{
    /// <summary>The folder Pack wrote: our project then references the packed generator (<see cref="WriteOurProject"/>).</summary>
    public string? Packages { get; init; }

    /// <summary>
    /// <paramref name="OursPregenerated"/>: our files compiled as they are, without the generator (where the time goes);
    /// <paramref name="OursIL"/>: with a package folder, the same project loading the built generator's IL instead (what the ReadyToRun copy saves).
    /// </summary>
    public sealed record Row(string Document, long Bytes, Samples? Ours, Samples? NSwag, string? NSwagProblem, long OurBytes, long NSwagBytes, Samples? OursPregenerated = null, Samples? OursIL = null)
    {
        /// <summary>The generator's own time inside the compiler (the compiler's <c>ReportAnalyzer</c>), ours and with the IL generator.</summary>
        public (Samples Ours, Samples IL)? GeneratorTime { get; init; }
    }

    /// <summary>
    /// The generator's time in one build as the compiler reports it (<c>-p:ReportAnalyzer=true</c>, detailed verbosity): the
    /// line of Kernel.Contracts.Generator's assembly under "Total generator execution time"; null when the build names none.
    /// </summary>
    public static double? GeneratorSeconds(string buildOutput)
    {
        var match = Regex.Match(buildOutput, @"^\s*(<?)(\d+\.\d+)\s+\S+\s+Kernel\.Contracts\.Generator, Version=", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        return match.Success ? double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : null;
    }

    private static async Task<double> GeneratorTimeAsync(string project)
    {
        var run = await ProcessRun.RunAsync("dotnet", ["build", project, "--no-incremental", "--no-restore", "-c", "Release", "-nologo", "-v:d", "-p:ReportAnalyzer=true"]).ConfigureAwait(false);
        return GeneratorSeconds(run.Output) ?? throw new InvalidOperationException("The compiler reported no time for Kernel.Contracts.Generator in " + project + " (exit " + run.ExitCode + ")");
    }

    /// <summary>The generator's DLL and the three it loads (as the package lays them out under analyzers/dotnet/cs).</summary>
    public static IReadOnlyList<string> GeneratorAnalyzers()
    {
        var project = Path.Combine(BenchPaths.Root, "generator", "Kernel.Contracts.Generator");
        var generator = Path.Combine(project, "bin", "Release", "netstandard2.0", "Kernel.Contracts.Generator.dll");
        if (!File.Exists(generator))
        {
            throw new FileNotFoundException("Build the generator in Release first", generator);
        }

        // The package folders restore resolved for the generator (its nuget.g.props), so the versions are the pinned ones.
        var props = File.ReadAllText(Path.Combine(project, "obj", "Kernel.Contracts.Generator.csproj.nuget.g.props"));
        string Package(string property, string dll) =>
            Path.Combine(Regex.Match(props, "<" + property + "[^>]*>([^<]+)</" + property + ">", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups[1].Value, "lib", "netstandard2.0", dll);
        // The shared OpenAPI layer is built beside the generator (a project reference).
        var layer = Path.Combine(Path.GetDirectoryName(generator)!, "Kernel.Contracts.OpenApi.dll");
        return [generator, layer, Package("PkgMicrosoft_OpenApi", "Microsoft.OpenApi.dll"), Package("PkgYamlDotNet", "YamlDotNet.dll")];
    }

    /// <summary>
    /// Writes the library project holding our client, generated in its build from <paramref name="spec"/>: with
    /// <paramref name="packages"/> (a folder Pack wrote), through a PackageReference to the packed generator, as a
    /// consumer gets it (its build targets hand this platform's compiler the ReadyToRun generator); without, the built
    /// generator's IL as analyzers.
    /// </summary>
    public static string WriteOurProject(string dir, string spec, string? packages = null)
    {
        if (packages is not null)
        {
            Directory.CreateDirectory(dir);
            // A private packages folder: the version does not change between packs, so a shared cache would hand back an old generator.
            File.WriteAllText(Path.Combine(dir, "nuget.config"),
                $"<configuration><config><add key=\"globalPackagesFolder\" value=\"{SecurityElement.Escape(Path.Combine(dir, "packages"))}\" /></config><packageSources><add key=\"kernel-contracts\" value=\"{SecurityElement.Escape(packages)}\" /></packageSources></configuration>");
            return WriteProject(dir, $"""
                  <ItemGroup>
                    <PackageReference Include="Kernel.Contracts.Generator" Version="{GeneratorVersion(packages)}" PrivateAssets="all" />
                    <OpenApiSpec Include="{SecurityElement.Escape(spec)}" Namespace="Consumer.Api" Generate="Models;Client" />
                  </ItemGroup>
                """);
        }

        var generatorBuild = Path.Combine(BenchPaths.Root, "generator", "Kernel.Contracts.Generator", "build");
        var items = string.Join("\n", GeneratorAnalyzers().Select(a => $"    <Analyzer Include=\"{SecurityElement.Escape(a)}\" />"));
        return WriteProject(dir, $"""
              <Import Project="{SecurityElement.Escape(Path.Combine(generatorBuild, "Kernel.Contracts.Generator.props"))}" />
              <ItemGroup>
            {items}
                <OpenApiSpec Include="{SecurityElement.Escape(spec)}" Namespace="Consumer.Api" Generate="Models;Client" />
              </ItemGroup>
              <Import Project="{SecurityElement.Escape(Path.Combine(generatorBuild, "Kernel.Contracts.Generator.targets"))}" />
            """);
    }

    /// <summary>The version of the generator package in <paramref name="packages"/>.</summary>
    public static string GeneratorVersion(string packages) =>
        Directory.GetFiles(packages, "Kernel.Contracts.Generator.*.nupkg")
            .Select(f => Regex.Match(Path.GetFileName(f), @"^Kernel\.Contracts\.Generator\.(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\.nupkg$", RegexOptions.None, TimeSpan.FromSeconds(1)))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .SingleOrDefault() ?? throw new FileNotFoundException("No Kernel.Contracts.Generator package in " + packages + ": run `dotnet cake --target=Pack` first");

    /// <summary>Writes a library project compiling the given files as they are (NSwag's client, or ours generated beforehand).</summary>
    public static string WriteFilesProject(string dir, string files) => WriteProject(dir, $"""
          <ItemGroup>
            <Compile Include="{SecurityElement.Escape(files)}" />
          </ItemGroup>
        """);

    /// <summary>With <c>--pregenerated</c>: a third project, our generated files compiled without the generator.</summary>
    public bool Pregenerated { get; init; }

    /// <summary>Restores once (not timed); returns the build's exit and output.</summary>
    public static Task<ProcessRun> RestoreAsync(string project) =>
        ProcessRun.RunAsync("dotnet", ["restore", project, "-nologo", "-v:q"]);

    /// <summary>One timed <c>dotnet build --no-incremental</c>, Release, without restore.</summary>
    public static async Task<(double Seconds, ProcessRun Run)> BuildAsync(string project)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var run = await ProcessRun.RunAsync("dotnet", ["build", project, "--no-incremental", "--no-restore", "-c", "Release", "-nologo", "-v:q", "-clp:ErrorsOnly"]).ConfigureAwait(false);
        return (watch.Elapsed.TotalSeconds, run);
    }

    public async Task<IReadOnlyList<Row>> MeasureAsync(IEnumerable<string> documents, int runs, string scratch, TextWriter log)
    {
        var rows = new List<Row>();
        foreach (var spec in documents)
        {
            var name = Path.GetFileName(spec);
            var dir = Path.Combine(scratch, "consumer-" + name);
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);

            // NSwag's client, generated beforehand (not part of the build); a document NSwag cannot read has no row to compare.
            var nswagOut = Path.Combine(dir, "nswag-client");
            var nswag = await ProcessGenerator.NSwag(nswagDll).Once(spec, nswagOut).ConfigureAwait(false);
            var ours = WriteOurProject(Path.Combine(dir, "ours"), spec, Packages);
            var theirs = nswag.ExitCode == 0 ? WriteFilesProject(Path.Combine(dir, "nswag"), Path.Combine(nswagOut, "Client.cs")) : null;
            var ourFiles = Path.Combine(dir, "ours-files");
            var ourBytes = (await ProcessGenerator.Ours("ours", cliDll).Once(spec, ourFiles).ConfigureAwait(false)).Bytes;
            var pregenerated = Pregenerated ? WriteFilesProject(Path.Combine(dir, "ours-pregenerated"), Path.Combine(ourFiles, "*.g.cs")) : null;
            // Beside the packed generator, the same project with the built generator's IL, in the same run.
            var il = Packages is null ? null : WriteOurProject(Path.Combine(dir, "ours-il"), spec);

            foreach (var project in new[] { ours, pregenerated, il }.OfType<string>())
            {
                await RestoreAsync(project).ConfigureAwait(false);
            }

            string? problem = theirs is null ? "NSwag cannot read it" : null;
            if (theirs is not null)
            {
                await RestoreAsync(theirs).ConfigureAwait(false);
                var (_, first) = await BuildAsync(theirs).ConfigureAwait(false);
                if (first.ExitCode != 0)
                {
                    problem = "NSwag's client does not compile: " + FirstError(first.Output);
                    theirs = null;
                }
            }

            var ourTimes = new List<double>();
            var theirTimes = new List<double>();
            var pregeneratedTimes = new List<double>();
            var ilTimes = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var (seconds, run) = await BuildAsync(ours).ConfigureAwait(false);
                if (run.ExitCode != 0)
                {
                    throw new InvalidOperationException("Our client does not build for " + name + ":\n" + run.Output);
                }

                ourTimes.Add(seconds);
                if (theirs is not null)
                {
                    theirTimes.Add((await BuildAsync(theirs).ConfigureAwait(false)).Seconds);
                }

                if (pregenerated is not null)
                {
                    pregeneratedTimes.Add((await BuildAsync(pregenerated).ConfigureAwait(false)).Seconds);
                }

                if (il is not null)
                {
                    ilTimes.Add((await BuildAsync(il).ConfigureAwait(false)).Seconds);
                }
            }

            // The generator's own share, which the whole build's run-to-run spread hides: as the compiler times it, alternating.
            (Samples, Samples)? generatorTime = null;
            if (il is not null)
            {
                var (packed, built) = (new List<double>(), new List<double>());
                for (var i = 0; i < runs; i++)
                {
                    packed.Add(await GeneratorTimeAsync(ours).ConfigureAwait(false));
                    built.Add(await GeneratorTimeAsync(il).ConfigureAwait(false));
                }

                generatorTime = (new Samples(packed), new Samples(built));
            }

            var row = new Row(name, new FileInfo(spec).Length, new Samples(ourTimes), theirs is null ? null : new Samples(theirTimes), problem, ourBytes, nswag.Bytes,
                pregenerated is null ? null : new Samples(pregeneratedTimes), il is null ? null : new Samples(ilTimes)) { GeneratorTime = generatorTime };
            log.WriteLine($"{name}: ours {row.Ours}{(row.OursIL is { } ilSamples ? $" (IL generator {ilSamples})" : "")}, NSwag {(row.NSwag?.ToString() ?? problem)}");
            rows.Add(row);
            Directory.Delete(dir, recursive: true);
        }

        return rows;
    }

    public static string Table(IReadOnlyList<Row> rows)
    {
        var text = new StringBuilder();
        var withIL = rows.Any(r => r.OursIL is not null);
        text.AppendLine("| document | size | build, ours (generator in the build) | build, NSwag's client | ours / NSwag |"
            + (withIL ? " build, ours with the IL generator | IL / NSwag | the generator in the compiler: ours | with the IL generator |" : "") + " generated C#: ours | NSwag | ours / NSwag |");
        text.AppendLine("|---|---:|---:|---:|---:|" + (withIL ? "---:|---:|---:|---:|" : "") + "---:|---:|---:|");
        foreach (var row in rows)
        {
            string Ratio(Samples? ours) => ours is { } o && row.NSwag is { } n ? "**" + (o.Median / n.Median).ToString("0.00", CultureInfo.InvariantCulture) + "**" : "—";
            var ratio = Ratio(row.Ours);
            var ilColumns = withIL ? $" {row.OursIL?.ToString() ?? "—"} | {Ratio(row.OursIL)} | {row.GeneratorTime?.Ours.ToString() ?? "—"} | {row.GeneratorTime?.IL.ToString() ?? "—"} |" : "";
            var bytesRatio = row.NSwagBytes > 0 ? (row.OurBytes / (double)row.NSwagBytes).ToString("0.00", CultureInfo.InvariantCulture) : "—";
            var pregenerated = row.OursPregenerated is { } p ? string.Create(CultureInfo.InvariantCulture, $" (our files without the generator: {p})") : string.Empty;
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Document} | {row.Bytes / 1024.0:0} KiB | {row.Ours}{pregenerated} | {(row.NSwag?.ToString() ?? row.NSwagProblem)} | {ratio} |{ilColumns} {row.OurBytes / 1048576.0:0.00} MiB | {(row.NSwagBytes > 0 ? (row.NSwagBytes / 1048576.0).ToString("0.00", CultureInfo.InvariantCulture) + " MiB" : "—")} | {bytesRatio} |"));
        }

        return text.ToString();
    }

    private static string WriteProject(string dir, string items)
    {
        Directory.CreateDirectory(dir);
        var http = XDocument.Load(Path.Combine(BenchPaths.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(p => (string?)p.Attribute("Include") == "Microsoft.Extensions.Http").Attribute("Version")!.Value;
        var path = Path.Combine(dir, "Consumer.csproj");
        File.WriteAllText(path, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <!-- Both: what a typed client is registered with. -->
                <PackageReference Include="Microsoft.Extensions.Http" Version="{http}" />
              </ItemGroup>
            {items}
            </Project>
            """);
        return path;
    }

    private static string FirstError(string output) =>
        output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("error", StringComparison.Ordinal)) ?? "no output";
}

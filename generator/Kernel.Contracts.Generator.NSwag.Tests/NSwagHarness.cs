using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Kernel.Contracts.Generator.NSwag.Tests;

/// <summary>Runs the generators as the compiler does, on in-memory items, and NSwag's CLI on the same documents.</summary>
internal static class NSwagHarness
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray());

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SpecPath(string name) => Path.Combine(RepoRoot, "spec", name);

    public static string CorpusPath(string name) => Path.Combine(RepoRoot, "..", "shared", "openapi-corpus", name);

    /// <summary>An additional file: an <c>OpenApiSpec</c> item when <paramref name="Metadata"/> is given, else a plain one (a .nswag file).</summary>
    public sealed record Item(string Path, string Text, IReadOnlyDictionary<string, string>? Metadata);

    public static Item Spec(string path, string generate = "NSwagClient", params (string Name, string Value)[] metadata) =>
        new(path, File.ReadAllText(path), metadata.Append(("OpenApiGenerate", generate.Replace(";", ",", StringComparison.Ordinal))).Append(("OpenApiSpec", "true")).ToDictionary(m => m.Item1, m => m.Item2));

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "NSwag.Tests",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error)
                // As the .NET SDK does by default (NoWarn 1701;1702): reference unification notes, not problems.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    public static GeneratorDriver CreateDriver(IIncrementalGenerator generator, string projectDirectory, params Item[] items) =>
        CSharpGeneratorDriver.Create(
            new[] { generator.AsSourceGenerator() },
            items.Select(i => (AdditionalText)new InMemoryText(i.Path, i.Text)),
            new CSharpParseOptions(LanguageVersion.Latest),
            new OptionsProvider(items, projectDirectory),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static (GeneratorRunResult Run, Compilation Output) Run(IIncrementalGenerator generator, params Item[] items)
    {
        var driver = CreateDriver(generator, RepoRoot, items)
            .RunGeneratorsAndUpdateCompilation(CreateCompilation("public static class Placeholder { }"), out var output, out _);
        return (driver.GetRunResult().Results.Single(), output);
    }

    /// <summary>NSwag's CLI (14.7.1, from npm ci): <c>dotnet-nswag.dll</c> with the given arguments; returns what it wrote.</summary>
    public static string RunCli(string outputFile, params string[] arguments)
    {
        var cli = Path.Combine(RepoRoot, "node_modules", "nswag", "bin", "binaries", "Net100", "dotnet-nswag.dll");
        Assert(File.Exists(cli), "NSwag's CLI is missing at " + cli + ": run npm ci in the repository");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(cli);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert(process.WaitForExit(TimeSpan.FromMinutes(3)), "NSwag's CLI did not finish in 3 minutes");
        Assert(process.ExitCode == 0 && File.Exists(outputFile), $"NSwag's CLI failed (exit {process.ExitCode}): {stdout.Result}{stderr.Result}");
        return File.ReadAllText(outputFile);
    }

    /// <summary>The code without NSwag's version stamps (14.8.0 inside the compiler, the CLI's 14.7.1) and with one kind of line end.</summary>
    public static string WithoutVersions(string code) =>
        Regex.Replace(code.Replace("\r\n", "\n", StringComparison.Ordinal), @"\d+\.\d+\.\d+\.\d+ \(NJsonSchema v\d+\.\d+\.\d+\.\d+ \(Newtonsoft\.Json v\d+\.\d+\.\d+\.\d+\)\)", "<version>");

    private static void Assert(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kernel.Contracts.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Kernel.Contracts.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed class InMemoryText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Dictionary<string, Options> _byPath;

        public OptionsProvider(IEnumerable<Item> items, string projectDirectory)
        {
            _byPath = items.ToDictionary(i => i.Path, i => new Options((i.Metadata ?? new Dictionary<string, string>()).ToDictionary(m => "build_metadata.AdditionalFiles." + m.Key, m => m.Value)));
            GlobalOptions = new Options(new Dictionary<string, string> { ["build_property.MSBuildProjectDirectory"] = projectDirectory });
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            _byPath.TryGetValue(textFile.Path, out var options) ? options : new Options(new Dictionary<string, string>());
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>Runs the generator the way the compiler does, on in-memory specs, and compiles what it emits.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray());

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SpecPath(string name) => Path.Combine(RepoRoot, "spec", name);

    public static string TestSpecPath(string name) => Path.Combine(AppContext.BaseDirectory, "TestSpecs", name);

    public sealed record Spec(string Path, string Text, string? Namespace = "Test.Api", string? Generate = "Models;Client", string? ClientName = null, string? NoWarn = null);

    public sealed record Result(GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorRunResult Run)
    {
        public IEnumerable<Diagnostic> CompileErrorsAndWarnings() =>
            Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);

        public string Source(string hintName) =>
            Run.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();
    }

    public static CSharpCompilation CreateCompilation(params string[] sources) => CreateCompilation(withAspNetCore: true, sources);

    public static CSharpCompilation CreateCompilation(bool withAspNetCore, params string[] sources) =>
        CSharpCompilation.Create(
            "Generated.Tests",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))),
            withAspNetCore ? References.Value : References.Value.Where(r => !Path.GetFileName(r.Display!).StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error));

    /// <summary>
    /// A driver over <paramref name="specs"/>. The tests build as this repository does, with <c>KernelContractsNullableWarnings</c>,
    /// so every compile of generated code here also passes the nullable analysis; <see cref="RunAsShipped"/> leaves it out.
    /// </summary>
    public static GeneratorDriver CreateDriver(params Spec[] specs) => CreateDriver(nullableWarnings: true, specs);

    public static GeneratorDriver CreateDriver(bool nullableWarnings, params Spec[] specs) => CreateDriver(nullableWarnings ? "true" : string.Empty, specs);

    /// <summary>A driver with the project property <c>KernelContractsNullableWarnings</c> set to <paramref name="nullableWarnings"/>.</summary>
    public static GeneratorDriver CreateDriver(string nullableWarnings, params Spec[] specs) =>
        CSharpGeneratorDriver.Create(
            new[] { new OpenApiGenerator().AsSourceGenerator() },
            specs.Select(s => (AdditionalText)new InMemoryText(s.Path, s.Text)),
            new CSharpParseOptions(LanguageVersion.Latest),
            new OptionsProvider(specs, nullableWarnings),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static Result Run(params Spec[] specs) => Run(CreateDriver(specs), CreateCompilation("public static class Placeholder { }"));

    /// <summary>Runs the generator as a consumer's project does: without <c>KernelContractsNullableWarnings</c>.</summary>
    public static Result RunAsShipped(params Spec[] specs) => Run(CreateDriver(nullableWarnings: false, specs), CreateCompilation("public static class Placeholder { }"));

    public static Result Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new Result(driver, output, diagnostics, driver.GetRunResult().Results.Single());
    }

    public static Spec FromFile(string path, string? ns = "Test.Api", string? generate = "Models;Client", string? clientName = null) =>
        new(path, File.ReadAllText(path), ns, generate, clientName);

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

        public OptionsProvider(IEnumerable<Spec> specs, string nullableWarnings)
        {
            GlobalOptions = new Options(new Dictionary<string, string>
            {
                ["build_property.RootNamespace"] = "Generated.Tests",
                ["build_property.KernelContractsNullableWarnings"] = nullableWarnings,
            });
            _byPath = specs.ToDictionary(
                s => s.Path,
                s => new Options(new Dictionary<string, string>
                {
                    ["build_metadata.AdditionalFiles.OpenApiSpec"] = "true",
                    ["build_metadata.AdditionalFiles.Namespace"] = s.Namespace ?? string.Empty,
                    ["build_metadata.AdditionalFiles.OpenApiGenerate"] = (s.Generate ?? string.Empty).Replace(';', ','),
                    ["build_metadata.AdditionalFiles.ClientName"] = s.ClientName ?? string.Empty,
                    ["build_metadata.AdditionalFiles.OpenApiNoWarn"] = (s.NoWarn ?? string.Empty).Replace(';', ','),
                }));
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

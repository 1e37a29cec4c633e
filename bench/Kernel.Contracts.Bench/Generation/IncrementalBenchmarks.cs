using System.Linq;
using BenchmarkDotNet.Attributes;
using Kernel.Contracts.Generator.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Kernel.Contracts.Bench.Generation;

/// <summary>
/// The generator inside the compiler's driver: a first run on our Platform document (everything parsed and emitted)
/// against a re-run after an unrelated edit to a C# file of the project, which should find every step cached.
/// </summary>
[MemoryDiagnoser]
public class IncrementalBenchmarks
{
    private GeneratorDriver _fresh = null!;
    private GeneratorDriver _warm = null!;
    private Compilation _compilation = null!;
    private Compilation _edited = null!;

    [GlobalSetup]
    public void Setup()
    {
        var spec = GeneratorHarness.FromFile(BenchPaths.Spec("kernel-platform.openapi.yaml"), "Bench.Platform", "Models;Client;Server");
        _fresh = GeneratorHarness.CreateDriver(spec);
        _compilation = GeneratorHarness.CreateCompilation("public static class Placeholder { }");
        _warm = _fresh.RunGenerators(_compilation);

        // The unrelated edit: one more C# file in the project.
        _edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public static class Unrelated { public static int Answer => 42; }", new CSharpParseOptions(LanguageVersion.Latest)));
    }

    /// <summary>The first run: parse and emit everything.</summary>
    [Benchmark(Baseline = true)]
    public int FirstRun() => _fresh.RunGenerators(_compilation).GetRunResult().Results.Single().GeneratedSources.Length;

    /// <summary>The re-run after the unrelated edit, from the warm driver.</summary>
    [Benchmark]
    public int RerunAfterUnrelatedEdit() => _warm.RunGenerators(_edited).GetRunResult().Results.Single().GeneratedSources.Length;

    /// <summary>For the smoke test: the tracked steps of a re-run and how each output was produced.</summary>
    public System.Collections.Generic.IReadOnlyList<IncrementalStepRunReason> RerunReasons() =>
        _warm.RunGenerators(_edited).GetRunResult().Results.Single().TrackedOutputSteps
            .SelectMany(step => step.Value)
            .SelectMany(run => run.Outputs)
            .Select(output => output.Reason)
            .ToList();
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;
using Kernel.Contracts.Generator.Parsing;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Generator.Tests.Mutation;

/// <summary>
/// The generator never crashes: hundreds of mutated documents (ours and the public corpus) go through the
/// compiler's generator driver; every problem must come back as a KCG diagnostic, in bounded time, and when
/// the generator reports no error the code it wrote must compile. <c>KERNEL_CONTRACTS_MUTATION_SEED</c> repeats
/// a run (the seed is in the output and in every failure); <c>KERNEL_CONTRACTS_MUTANTS</c> makes it longer.
/// </summary>
public class MutationTests
{
    private const int DefaultMutants = 300;

    // One mutant in this many (the first ones without errors) is compiled: compiling costs far more than generating.
    private const int CompiledShare = 25;

    // A hang bound, not a performance goal: the largest slice generates in well under a second.
    private static readonly TimeSpan PerMutant = TimeSpan.FromSeconds(20);

    private readonly ITestOutputHelper _output;

    public MutationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task The_generator_reports_every_problem_in_mutated_documents_as_a_KCG_diagnostic()
    {
        var seed = Setting("KERNEL_CONTRACTS_MUTATION_SEED") ?? Environment.TickCount & int.MaxValue;
        var count = Setting("KERNEL_CONTRACTS_MUTANTS") ?? DefaultMutants;
        var sources = Sources();
        _output.WriteLine($"mutation seed {seed} (KERNEL_CONTRACTS_MUTATION_SEED={seed} repeats this run), {count} mutants of {sources.Count} documents");

        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var compiled = 0;
        var withErrors = 0;
        var compileTime = TimeSpan.Zero;
        var done = 0;
        for (var i = 0; i < count && failures.Count < 10; i++)
        {
            // Each mutant depends only on (seed, i), so a failure's number names it.
            var mutantSeed = unchecked((seed * 7919) + i);
            var (name, document) = sources[new Random(mutantSeed).Next(sources.Count)];
            var mutant = new DocumentMutator(mutantSeed).Mutate(document);
            var generate = i % 3 == 0 ? "Models;Client;Server" : "Models;Client";
            var spec = new GeneratorHarness.Spec("/specs/mutant" + (mutant.IsYaml ? ".yaml" : ".json"), mutant.Text, "Mutant.Api", generate);

            var run = Task.Run(() => GeneratorHarness.Run(spec));
            if (await Task.WhenAny(run, Task.Delay(PerMutant)) != run)
            {
                failures.Add(Describe(seed, i, name, mutant, "no result after " + PerMutant.TotalSeconds + " s"));
                break;
            }

            var result = await run;
            var problems = Problems(result).ToList();
            if (problems.Count == 0 && !result.GeneratorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) && compiled < count / CompiledShare)
            {
                // A subset is compiled: no generator error must mean code that compiles warning-free.
                compiled++;
                var compiling = Stopwatch.StartNew();
                problems.AddRange(result.CompileErrorsAndWarnings().Take(5).Select(d => "the generated code does not compile: " + d));
                compileTime += compiling.Elapsed;
            }

            done++;
            withErrors += result.GeneratorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? 1 : 0;
            if (problems.Count > 0)
            {
                failures.Add(Describe(seed, i, name, mutant, string.Join("\n    ", problems)));
            }
        }

        _output.WriteLine($"{done} mutants in {clock.Elapsed.TotalSeconds:F1} s: {withErrors} with KCG errors, {compiled} compiled ({compileTime.TotalSeconds:F1} s)");
        Assert.True(failures.Count == 0, $"seed {seed}: {failures.Count} mutants broke the generator\n" + string.Join("\n", failures));
    }

    /// <summary>What must never happen: an exception (in the run or as CS8785/AD0001/KCG008) or a diagnostic that is not ours.</summary>
    private static IEnumerable<string> Problems(GeneratorHarness.Result result)
    {
        if (result.Run.Exception is { } exception)
        {
            yield return "the generator threw " + exception;
        }

        foreach (var diagnostic in result.GeneratorDiagnostics.Where(d => d.Id is "CS8785" or "AD0001" or "KCG008" || !d.Id.StartsWith("KCG", StringComparison.Ordinal)))
        {
            yield return diagnostic.ToString();
        }
    }

    private static string Describe(int seed, int index, string source, Mutant mutant, string problem)
    {
        var folder = Path.Combine(Path.GetTempPath(), "kernel-contracts-mutants");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"seed{seed}-mutant{index}" + (mutant.IsYaml ? ".yaml" : ".json"));
        File.WriteAllText(file, mutant.Text);
        return $"mutant {index} of {source} ({string.Join("; ", mutant.Mutations)}), saved to {file}:\n    {problem}";
    }

    /// <summary>Our documents and the public corpus beside the repository (read in place), as JSON.</summary>
    private List<(string Name, JsonObject Document)> Sources()
    {
        var files = Directory.GetFiles(Path.Combine(GeneratorHarness.RepoRoot, "spec"), "*.openapi.yaml").ToList();
        var corpus = Path.GetFullPath(Path.Combine(GeneratorHarness.RepoRoot, "..", "shared", "openapi-corpus"));
        if (Directory.Exists(corpus))
        {
            files.AddRange(Directory.GetFiles(corpus).Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)));
        }
        else
        {
            _output.WriteLine("The public corpus is not at " + corpus + ": mutating our own documents only.");
        }

        return files
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), DocumentText.Parse(File.ReadAllText(f)) as JsonObject))
            .Where(s => s.Item2 is not null)
            .Select(s => (s.Item1, s.Item2!))
            .ToList();
    }

    private static int? Setting(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Kernel.Contracts.Generator.Emitting;
using Kernel.Contracts.Generator.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Kernel.Contracts.Bench.Generation;

/// <summary>
/// The compiler's own time on a client's code, without the build around it (process start, MSBuild, restore checks),
/// whose spread from run to run hides differences of a second: Roslyn in this process, warm, parses, binds and emits
/// each set of files into memory, the sets alternating. Ours is <c>kernel-contracts generate --generate Models;Client</c>'s
/// files as shipped, and the same files with the nullable analysis on (<c>KernelContractsNullableWarnings</c>); NSwag's is
/// its System.Text.Json client. The same references for all (this process's .NET assemblies).
/// </summary>
public static class CompileTimer
{
    public sealed record Row(string Document, Samples Ours, Samples OursAnalysed, Samples? NSwag, string? NSwagProblem, long OurBytes, long NSwagBytes);

    /// <summary>Our files as <c>KernelContractsNullableWarnings=true</c> would have written them.</summary>
    public static string[] Analysed(IEnumerable<string> texts) =>
        texts.Select(t => t.Replace(Emitter.NullableContext, Emitter.CheckedNullableContext, StringComparison.Ordinal)).ToArray();

    /// <summary>Compiles the texts once: parse, bind, emit to memory. Returns the time, or the first error.</summary>
    public static (double Seconds, string? Error) CompileOnce(IReadOnlyList<string> texts)
    {
        var watch = Stopwatch.StartNew();
        var compilation = GeneratorHarness.CreateCompilation(withAspNetCore: false, texts.ToArray());
        // As a build compiles them: warnings stay warnings (NSwag's code has some), errors fail.
        compilation = compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Default));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        var seconds = watch.Elapsed.TotalSeconds;
        var error = result.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        return (seconds, error?.ToString());
    }

    /// <summary>Each set compiled once to warm up, then <paramref name="runs"/> times, the sets alternating.</summary>
    public static IReadOnlyList<Samples> Alternate(IReadOnlyList<IReadOnlyList<string>> sets, int runs)
    {
        var times = sets.Select(_ => new List<double>()).ToArray();
        for (var i = 0; i <= runs; i++)
        {
            for (var s = 0; s < sets.Count; s++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var (seconds, error) = CompileOnce(sets[s]);
                if (error is not null)
                {
                    throw new InvalidOperationException("A set of files that compiled before does not compile: " + error);
                }

                if (i > 0)
                {
                    times[s].Add(seconds);
                }
            }
        }

        return times.Select(t => new Samples(t)).ToArray();
    }

    public static async Task<IReadOnlyList<Row>> MeasureAsync(string nswagDll, string cliDll, IEnumerable<string> documents, int runs, string scratch, TextWriter log)
    {
        var rows = new List<Row>();
        foreach (var spec in documents)
        {
            var name = Path.GetFileName(spec);
            var dir = Path.Combine(scratch, "compile-" + name);
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);

            var ourRun = await ProcessGenerator.Ours("ours", cliDll).Once(spec, Path.Combine(dir, "ours")).ConfigureAwait(false);
            var ours = ProcessGenerator.CSharpFiles(Path.Combine(dir, "ours")).Select(File.ReadAllText).ToArray();
            var ourError = ourRun.ExitCode != 0 ? FirstLine(ourRun.Output) : CompileOnce(ours).Error;
            if (ourError is not null)
            {
                throw new InvalidOperationException("Our client does not compile for " + name + ": " + ourError);
            }

            var nswagRun = await ProcessGenerator.NSwag(nswagDll).Once(spec, Path.Combine(dir, "nswag")).ConfigureAwait(false);
            var nswag = nswagRun.ExitCode == 0 ? ProcessGenerator.CSharpFiles(Path.Combine(dir, "nswag")).Select(File.ReadAllText).ToArray() : null;
            string? problem = nswag is null ? "NSwag cannot read it" : CompileOnce(nswag).Error is { } e ? "NSwag's client does not compile: " + e : null;

            var sets = new List<IReadOnlyList<string>> { ours, Analysed(ours) };
            if (problem is null)
            {
                sets.Add(nswag!);
            }

            var samples = Alternate(sets, runs);
            var row = new Row(name, samples[0], samples[1], problem is null ? samples[2] : null, problem, ourRun.Bytes, nswagRun.ExitCode == 0 ? nswagRun.Bytes : 0);
            log.WriteLine($"{name}: ours {row.Ours}, ours analysed {row.OursAnalysed}, NSwag {(row.NSwag?.ToString() ?? problem)}");
            rows.Add(row);
            Directory.Delete(dir, recursive: true);
        }

        return rows;
    }

    public static string Table(IReadOnlyList<Row> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| document | compile, ours as shipped | ours with the nullable analysis | NSwag's client | **ours / NSwag** | analysed / NSwag | C#: ours / NSwag |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            string Ratio(Samples ours) => row.NSwag is { } n ? (ours.Median / n.Median).ToString("0.00", CultureInfo.InvariantCulture) : "—";
            var bytes = row.NSwagBytes > 0 ? (row.OurBytes / (double)row.NSwagBytes).ToString("0.00", CultureInfo.InvariantCulture) : "—";
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Document} | {row.Ours} | {row.OursAnalysed} | {row.NSwag?.ToString() ?? row.NSwagProblem} | **{Ratio(row.Ours)}** | {Ratio(row.OursAnalysed)} | {bytes} |"));
        }

        return text.ToString();
    }

    private static string FirstLine(string output) => output.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "no output";
}

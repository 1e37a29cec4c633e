using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Kernel.Contracts.Generator.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Kernel.Contracts.Bench.Generation;

/// <summary>
/// The corpus table for the peers: does NSwag's and Kiota's CLI read each document, and does what they write compile?
/// Compiled in process with Roslyn against this process's assemblies (the .NET and ASP.NET Core frameworks, Kiota's
/// runtime libraries); errors count, warnings do not (neither peer aims at warning-free code). Ours is checked, stricter,
/// by the Corpus target of Test (a real build, warnings as errors).
/// </summary>
public static class CorpusCompileCheck
{
    public sealed record Outcome(string Generator, bool Generated, int Files, long Bytes, int Errors, string? FirstProblem)
    {
        public bool Compiles => Generated && Errors == 0;

        public override string ToString() => !Generated
            ? "does not generate: " + FirstProblem
            : Errors == 0
                ? string.Create(CultureInfo.InvariantCulture, $"compiles ({Files} files, {Bytes / 1024.0:0} KiB)")
                : string.Create(CultureInfo.InvariantCulture, $"**{Errors} errors** ({Files} files, {Bytes / 1024.0:0} KiB): {FirstProblem}");
    }

    public sealed record Row(string Document, long Bytes, IReadOnlyList<Outcome> Outcomes);

    /// <summary>One generator on one document: generate into <paramref name="outDir"/>, then compile every C# file written.</summary>
    public static async Task<Outcome> CheckAsync(ProcessGenerator generator, string spec, string outDir)
    {
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        var run = await generator.Once(spec, outDir).ConfigureAwait(false);
        if (run.ExitCode != 0 || run.Files == 0)
        {
            return new Outcome(generator.Name, false, run.Files, run.Bytes, 0, FirstLine(run.Output));
        }

        var errors = Compile(ProcessGenerator.CSharpFiles(outDir));
        return new Outcome(generator.Name, true, run.Files, run.Bytes, errors.Count, errors.FirstOrDefault());
    }

    /// <summary>The compiler errors of the files as one library (warnings left out); "file(line,col): CSxxxx message".</summary>
    public static IReadOnlyList<string> Compile(IReadOnlyList<string> files)
    {
        var compilation = GeneratorHarness.CreateCompilation(files.Select(File.ReadAllText).ToArray());
        var trees = compilation.SyntaxTrees.Zip(files).ToDictionary(p => p.First, p => p.Second);
        return compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && !d.IsWarningAsError)
            .Select(d => d.Location.SourceTree is { } tree && trees.TryGetValue(tree, out var file)
                ? string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)}({d.Location.GetLineSpan().StartLinePosition.Line + 1}): {d.Id} {d.GetMessage(CultureInfo.InvariantCulture)}")
                : d.Id + " " + d.GetMessage(CultureInfo.InvariantCulture))
            .ToArray();
    }

    public static async Task<IReadOnlyList<Row>> MeasureAsync(IReadOnlyList<ProcessGenerator> generators, IEnumerable<string> documents, string scratch, TextWriter log)
    {
        var rows = new List<Row>();
        foreach (var spec in documents)
        {
            var outcomes = new List<Outcome>();
            foreach (var g in generators)
            {
                var outDir = Path.Combine(scratch, g.Name + "-" + Path.GetFileName(spec));
                outcomes.Add(await CheckAsync(g, spec, outDir).ConfigureAwait(false));
                Directory.Delete(outDir, recursive: true);
                GC.Collect();
            }

            log.WriteLine(Path.GetFileName(spec) + ": " + string.Join("; ", outcomes.Select(o => o.Generator + " " + o)));
            rows.Add(new Row(Path.GetFileName(spec), new FileInfo(spec).Length, outcomes));
        }

        return rows;
    }

    public static string Table(IReadOnlyList<Row> rows)
    {
        var names = rows.FirstOrDefault()?.Outcomes.Select(o => o.Generator).ToArray() ?? [];
        var text = new StringBuilder();
        text.AppendLine("| document | size | " + string.Join(" | ", names) + " |");
        text.AppendLine("|---|---:|" + string.Concat(names.Select(_ => "---|")));
        foreach (var row in rows)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {row.Document} | {row.Bytes / 1024.0:0} KiB | ") + string.Join(" | ", row.Outcomes.Select(o => o.ToString().Replace("|", "\\|", StringComparison.Ordinal))) + " |");
        }

        text.AppendLine();
        foreach (var name in names)
        {
            var outcomes = rows.Select(r => r.Outcomes.Single(o => o.Generator == name)).ToArray();
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {outcomes.Count(o => o.Compiles)} of {outcomes.Length} documents compile, {outcomes.Count(o => !o.Generated)} cannot be read, and for {outcomes.Count(o => o.Generated && !o.Compiles)} the code written does not compile."));
            text.AppendLine();
        }

        return text.ToString();
    }

    private static string FirstLine(string output) =>
        output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("Exception", StringComparison.Ordinal) || l.Contains("error", StringComparison.OrdinalIgnoreCase) || l.Contains("crit", StringComparison.OrdinalIgnoreCase))
        ?? output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "no output";
}

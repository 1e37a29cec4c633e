using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace Kernel.Contracts.Bench.Generation;

/// <summary>One generator run as a whole process: its exit code, what it wrote (files, bytes) and what it printed.</summary>
public sealed record GenerateRun(int ExitCode, int Files, long Bytes, string Output);

/// <summary>A command-line generator: a name for the table and how to run it once on a document into a scratch folder.</summary>
public sealed record ProcessGenerator(string Name, Func<string, string, Task<GenerateRun>> Once)
{
    /// <summary><c>kernel-contracts generate</c> (Models;Client) from the CLI's dll, JIT or ReadyToRun.</summary>
    public static ProcessGenerator Ours(string name, string cliDll) => new(name, async (spec, outDir) =>
    {
        var run = await ProcessRun.RunAsync("dotnet", [cliDll, "generate", "--spec", spec, "--out", outDir, "--generate", "Models;Client"]).ConfigureAwait(false);
        return Written(run, outDir);
    });

    /// <summary>NSwag's <c>openapi2csclient</c>, System.Text.Json, one file.</summary>
    public static ProcessGenerator NSwag(string nswagDll) => new("NSwag", async (spec, outDir) =>
    {
        Directory.CreateDirectory(outDir);
        var run = await ProcessRun.RunAsync(
            "dotnet",
            [nswagDll, "openapi2csclient", "/input:" + spec, "/output:" + Path.Combine(outDir, "Client.cs"), "/namespace:Bench.NSwag", "/JsonLibrary:SystemTextJson"],
            new Dictionary<string, string> { ["DOTNET_ROLL_FORWARD"] = "Major" }).ConfigureAwait(false);
        return Written(run, outDir);
    });

    /// <summary>Kiota's <c>generate -l CSharp</c>, offline (no update check over the network), without the backward-compatible members.</summary>
    public static ProcessGenerator Kiota(string kiotaDll) => new("Kiota", async (spec, outDir) =>
    {
        var run = await ProcessRun.RunAsync(
            "dotnet",
            [kiotaDll, "generate", "--language", "CSharp", "--openapi", spec, "--output", outDir, "--class-name", "ApiClient", "--namespace-name", "Bench.Kiota",
                "--exclude-backward-compatible", "--clean-output", "--log-level", "Error"],
            KiotaEnvironment()).ConfigureAwait(false);
        return Written(run, outDir);
    });

    /// <summary>No update check, telemetry or hints: the run does what the bench measures and nothing else.</summary>
    public static Dictionary<string, string> KiotaEnvironment() => new()
    {
        ["KIOTA_OFFLINE_ENABLED"] = "true",
        ["KIOTA_CLI_TELEMETRY_OPTOUT"] = "true",
        ["KIOTA_TUTORIAL_ENABLED"] = "false",
    };

    /// <summary>Every C# file under the folder (Kiota nests its files in folders).</summary>
    public static IReadOnlyList<string> CSharpFiles(string outDir) =>
        Directory.Exists(outDir) ? Directory.GetFiles(outDir, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray() : [];

    private static GenerateRun Written(ProcessRun run, string outDir)
    {
        var files = CSharpFiles(outDir);
        return new GenerateRun(run.ExitCode, files.Count, files.Sum(f => new FileInfo(f).Length), run.Output);
    }
}

/// <summary>
/// Whole processes on the same document, one after the other: <c>kernel-contracts generate</c> (Models;Client, and its
/// ReadyToRun publish when given) against NSwag's CLI and Kiota's. All are started as <c>dotnet &lt;dll&gt;</c>, so none
/// pays for a wrapper (npm's nswag.js adds a Node.js start on top of NSwag's own time).
/// </summary>
public sealed class GenerateProcessTimer(IReadOnlyList<ProcessGenerator> generators)
{
    public sealed record Cell(string Generator, Samples? Times, string? Failure, int Files, long Bytes);

    public sealed record Row(string Document, long Bytes, IReadOnlyList<Cell> Cells)
    {
        public Cell this[string generator] => Cells.Single(c => c.Generator == generator);
    }

    public IReadOnlyList<ProcessGenerator> Generators => generators;

    public async Task<IReadOnlyList<Row>> MeasureAsync(IEnumerable<string> documents, int runs, string scratch, TextWriter log)
    {
        var rows = new List<Row>();
        foreach (var spec in documents)
        {
            var name = Path.GetFileName(spec);
            string Out(ProcessGenerator g) => Path.Combine(scratch, g.Name + "-" + name);

            // One unmeasured run of each warms the disk cache and finds who fails; then the runs alternate, so drift hits all alike.
            var first = new Dictionary<string, GenerateRun>();
            foreach (var g in generators)
            {
                Clean(Out(g));
                first[g.Name] = await g.Once(spec, Out(g)).ConfigureAwait(false);
            }

            // Each timed run writes into a folder of its own: deleting a run's thousands of files just before the next one
            // left the file system's work on them to that run (a third of Plaid's time in one measurement, none of NSwag's
            // one file). The folders go after the document's last run.
            var times = generators.ToDictionary(g => g.Name, _ => new List<double>());
            for (var i = 0; i < runs; i++)
            {
                foreach (var g in generators.Where(g => first[g.Name].ExitCode == 0))
                {
                    var outDir = Out(g) + "-" + i.ToString(CultureInfo.InvariantCulture);
                    Clean(outDir);
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    await g.Once(spec, outDir).ConfigureAwait(false);
                    times[g.Name].Add(watch.Elapsed.TotalSeconds);
                }
            }

            var cells = generators.Select(g => first[g.Name] is var f && f.ExitCode == 0
                ? new Cell(g.Name, new Samples(times[g.Name]), null, f.Files, f.Bytes)
                : new Cell(g.Name, null, "exits " + f.ExitCode + ": " + FirstError(f.Output), 0, 0)).ToArray();
            foreach (var g in generators)
            {
                Clean(Out(g));
                for (var i = 0; i < runs; i++)
                {
                    Clean(Out(g) + "-" + i.ToString(CultureInfo.InvariantCulture));
                }
            }

            var row = new Row(name, new FileInfo(spec).Length, cells);
            log.WriteLine(name + ": " + string.Join(", ", cells.Select(c => c.Generator + " " + (c.Times?.ToString() ?? c.Failure))));
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Each generator's median (min–max), then each of ours (named "ours…") over every peer.</summary>
    public string Table(IReadOnlyList<Row> rows)
    {
        // Ours (JIT, and ReadyToRun when measured) over each peer.
        var ratioColumns = generators.Where(IsOurs).SelectMany(o => generators.Where(g => !IsOurs(g)).Select(p => (Ours: o.Name, Peer: p.Name))).ToArray();
        var text = new StringBuilder();
        text.AppendLine("| document | size | " + string.Join(" | ", generators.Select(g => g.Name)) + " | " + string.Join(" | ", ratioColumns.Select(r => r.Ours + " / " + r.Peer)) + " |");
        text.AppendLine("|---|---:|" + string.Concat(generators.Select(_ => "---:|")) + string.Concat(ratioColumns.Select(_ => "---:|")));
        foreach (var row in rows)
        {
            var cells = row.Cells.Select(c => c.Times?.ToString() ?? "fails: " + c.Failure);
            var ratios = ratioColumns.Select(r => row[r.Ours].Times is { } o && row[r.Peer].Times is { } p
                ? "**" + (o.Median / p.Median).ToString("0.00", CultureInfo.InvariantCulture) + "**"
                : "—");
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {row.Document} | {row.Bytes / 1024.0:0} KiB | ") + string.Join(" | ", cells) + " | " + string.Join(" | ", ratios) + " |");
        }

        text.AppendLine();
        text.AppendLine("Generated C# (files, bytes):");
        text.AppendLine();
        text.AppendLine("| document | " + string.Join(" | ", generators.Select(g => g.Name)) + " |");
        text.AppendLine("|---|" + string.Concat(generators.Select(_ => "---:|")));
        foreach (var row in rows)
        {
            text.AppendLine("| " + row.Document + " | " + string.Join(" | ", row.Cells.Select(c => c.Times is null ? "—" : string.Create(CultureInfo.InvariantCulture, $"{c.Files} files, {c.Bytes / 1024.0 / 1024.0:0.00} MiB"))) + " |");
        }

        return text.ToString();
    }

    private static bool IsOurs(ProcessGenerator generator) => generator.Name.StartsWith("ours", StringComparison.Ordinal);

    /// <summary>Outside the timing: every run starts from no output.</summary>
    private static void Clean(string outDir)
    {
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
    }

    /// <summary>The first line that names the failure, cut to fit a table cell.</summary>
    private static string FirstError(string output)
    {
        var line = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("Exception", StringComparison.Ordinal) || l.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? "no output";
        return line.Length <= 100 ? line : line[..100] + "…";
    }
}

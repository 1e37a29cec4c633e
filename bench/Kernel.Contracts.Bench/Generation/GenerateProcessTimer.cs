using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace Kernel.Contracts.Bench.Generation;

/// <summary>
/// Whole processes on the same document, one after the other: <c>kernel-contracts generate</c> (Models;Client)
/// against NSwag's CLI (<c>openapi2csclient</c>, System.Text.Json). Both are started as <c>dotnet &lt;dll&gt;</c>, so
/// neither pays for a wrapper (npm's nswag.js adds a Node.js start on top of NSwag's own time).
/// </summary>
public sealed class GenerateProcessTimer(string cliDll, string nswagDll)
{
    public sealed record Row(string Document, long Bytes, Samples Ours, Samples? NSwag, string? NSwagFailure, int OurFiles);

    /// <summary>Ours, once: returns the exit code and how many files it wrote.</summary>
    public async Task<(int ExitCode, int Files, string Output)> OursOnceAsync(string spec, string outDir)
    {
        var run = await ProcessRun.RunAsync("dotnet", [cliDll, "generate", "--spec", spec, "--out", outDir, "--generate", "Models;Client"]).ConfigureAwait(false);
        var files = Directory.Exists(outDir) ? Directory.GetFiles(outDir, "*.g.cs").Length : 0;
        return (run.ExitCode, files, run.Output);
    }

    /// <summary>NSwag, once: returns the exit code and the size of the file it wrote (0 when none).</summary>
    public async Task<(int ExitCode, long Bytes, string Output)> NSwagOnceAsync(string spec, string outFile)
    {
        var run = await ProcessRun.RunAsync(
            "dotnet",
            [nswagDll, "openapi2csclient", "/input:" + spec, "/output:" + outFile, "/namespace:Bench.NSwag", "/JsonLibrary:SystemTextJson"],
            new Dictionary<string, string> { ["DOTNET_ROLL_FORWARD"] = "Major" }).ConfigureAwait(false);
        return (run.ExitCode, File.Exists(outFile) ? new FileInfo(outFile).Length : 0, run.Output);
    }

    public async Task<IReadOnlyList<Row>> MeasureAsync(IEnumerable<string> documents, int runs, string scratch, TextWriter log)
    {
        var rows = new List<Row>();
        foreach (var spec in documents)
        {
            var name = Path.GetFileName(spec);
            var outDir = Path.Combine(scratch, "ours-" + name);
            var outFile = Path.Combine(scratch, "nswag-" + name + ".cs");

            // One unmeasured run of each warms the disk cache; then the runs alternate, so drift hits both alike.
            Clean(outDir, outFile);
            var (ourCode, ourFiles, ourOutput) = await OursOnceAsync(spec, outDir).ConfigureAwait(false);
            var (nswagCode, _, nswagOutput) = await NSwagOnceAsync(spec, outFile).ConfigureAwait(false);
            var ours = new List<double>();
            var nswag = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                Clean(outDir, outFile);
                ours.Add((await TimeAsync(() => OursOnceAsync(spec, outDir)).ConfigureAwait(false)).TotalSeconds);
                if (nswagCode == 0)
                {
                    nswag.Add((await TimeAsync(() => NSwagOnceAsync(spec, outFile)).ConfigureAwait(false)).TotalSeconds);
                }
            }

            string? failure = null;
            if (nswagCode != 0)
            {
                failure = "NSwag exits " + nswagCode + ": " + FirstError(nswagOutput);
            }

            if (ourCode != 0)
            {
                log.WriteLine("ours failed on " + name + ": " + ourOutput);
            }

            var row = new Row(name, new FileInfo(spec).Length, new Samples(ours), nswagCode == 0 ? new Samples(nswag) : null, failure, ourFiles);
            log.WriteLine($"{name}: ours {row.Ours}, NSwag {(row.NSwag?.ToString() ?? failure)}");
            rows.Add(row);
        }

        return rows;
    }

    public static string Table(IReadOnlyList<Row> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| document | size | ours: median (min–max) | NSwag: median (min–max) | ours / NSwag |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var ratio = row.NSwag is { } n ? (row.Ours.Median / n.Median).ToString("0.00", CultureInfo.InvariantCulture) : "—";
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Document} | {row.Bytes / 1024.0:0} KiB | {row.Ours} | {(row.NSwag?.ToString() ?? row.NSwagFailure)} | {ratio} |"));
        }

        return text.ToString();
    }

    private static async Task<TimeSpan> TimeAsync<T>(Func<Task<T>> run)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await run().ConfigureAwait(false);
        return watch.Elapsed;
    }

    /// <summary>Outside the timing: both start from no output.</summary>
    private static void Clean(string outDir, string outFile)
    {
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        if (File.Exists(outFile)) File.Delete(outFile);
    }

    private static string FirstError(string output) =>
        output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("Exception", StringComparison.Ordinal)) ?? "no output";
}

using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Kernel.Contracts.Bench.Generation;
using Kernel.Contracts.Bench.Verification;

namespace Kernel.Contracts.Bench;

/// <summary>
/// <c>micro [BenchmarkDotNet args]</c>: the in-process benchmarks (parse, incremental re-run, clients, server stubs);
/// <c>generate --cli DLL --nswag DLL [--runs N]</c>: whole-process generation, ours against NSwag;
/// <c>verify [--runs N]</c>: pact verification, our binding against the pact CLI.
/// Tables go to artifacts/bench/.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        Directory.CreateDirectory(BenchPaths.Results);
        switch (args.FirstOrDefault())
        {
            case "micro":
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Skip(1).ToArray(), MicroConfig());
                return 0;
            case "generate":
            {
                var cli = Option(args, "--cli") ?? throw new ArgumentException("--cli PATH/Kernel.Contracts.Cli.dll is required");
                var nswag = Option(args, "--nswag") ?? throw new ArgumentException("--nswag PATH/dotnet-nswag.dll is required");
                var runs = int.Parse(Option(args, "--runs") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
                var scratch = Path.Combine(BenchPaths.Results, "scratch");
                var rows = await new GenerateProcessTimer(cli, nswag).MeasureAsync(BenchPaths.Documents(), runs, scratch, Console.Out).ConfigureAwait(false);
                Directory.Delete(scratch, recursive: true);
                await Write("generate-process.md", GenerateProcessTimer.Table(rows)).ConfigureAwait(false);
                return 0;
            }

            case "verify":
            {
                var runs = int.Parse(Option(args, "--runs") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
                var rows = await VerificationTimer.MeasureAsync(runs, Console.Out).ConfigureAwait(false);
                await Write("verification.md", VerificationTimer.Table(rows)).ConfigureAwait(false);
                return 0;
            }

            default:
                await Console.Error.WriteLineAsync("usage: Kernel.Contracts.Bench micro [--filter PATTERN] | generate --cli DLL --nswag DLL [--runs N] | verify [--runs N]").ConfigureAwait(false);
                return 2;
        }
    }

    /// <summary>ShortRun (3 warm-ups, 3 iterations) in this process: quick, and no project is rebuilt per benchmark.</summary>
    private static IConfig MicroConfig() =>
        ManualConfig.CreateMinimumViable()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess"))
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(Path.Combine(BenchPaths.Results, "bdn"))
            .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(40))
            .WithOptions(ConfigOptions.DisableLogFile);

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static async Task Write(string name, string table)
    {
        var path = Path.Combine(BenchPaths.Results, name);
        await File.WriteAllTextAsync(path, table).ConfigureAwait(false);
        Console.WriteLine(table);
        Console.WriteLine("written to " + path);
    }
}

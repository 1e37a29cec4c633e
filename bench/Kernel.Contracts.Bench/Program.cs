using System;
using System.Collections.Generic;
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
using Kernel.Contracts.Bench.Servers;
using Kernel.Contracts.Bench.Verification;

namespace Kernel.Contracts.Bench;

/// <summary>
/// <c>micro [BenchmarkDotNet args]</c>: the in-process benchmarks (parse, incremental re-run, clients, server stubs);
/// <c>generate --cli DLL [--cli-r2r DLL]</c>: whole-process generation, ours against NSwag's and Kiota's CLIs;
/// <c>corpus</c>: do the peers read each corpus document, and does their code compile;
/// <c>consumer-build --cli DLL [--packages DIR]</c>: a library build holding our client (with DIR, through the packed generator) against one holding NSwag's;
/// <c>bytes --cli DLL</c>: where the bytes of our generated client go;
/// <c>http</c>: both servers over real HTTP on loopback under wrk (or a built-in loop);
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
                // Ours as the CLI's dll (JIT) and, when given, its ReadyToRun publish; NSwag's and Kiota's CLIs beside them.
                var cli = Option(args, "--cli") ?? throw new ArgumentException("--cli PATH/Kernel.Contracts.Cli.dll is required");
                var generators = new List<ProcessGenerator> { ProcessGenerator.Ours("ours", cli) };
                if (Option(args, "--cli-r2r") is { } r2r)
                {
                    generators.Add(ProcessGenerator.Ours("ours R2R", r2r));
                }

                generators.Add(ProcessGenerator.NSwag(Option(args, "--nswag") ?? BenchPaths.NSwagDll));
                generators.Add(ProcessGenerator.Kiota(Option(args, "--kiota") ?? BenchPaths.KiotaDll));
                var timer = new GenerateProcessTimer(generators);
                var rows = await timer.MeasureAsync(Documents(args, BenchPaths.Documents()), Runs(args), Scratch(), Console.Out).ConfigureAwait(false);
                await Write("generate-process.md", timer.Table(rows)).ConfigureAwait(false);
                return 0;
            }

            case "corpus":
            {
                // Does each peer read every corpus document, and does its code compile?
                ProcessGenerator[] peers = [ProcessGenerator.NSwag(Option(args, "--nswag") ?? BenchPaths.NSwagDll), ProcessGenerator.Kiota(Option(args, "--kiota") ?? BenchPaths.KiotaDll)];
                var documents = BenchPaths.Documents(includeCorpus: false).Concat(BenchPaths.CorpusDocuments());
                var rows = await CorpusCompileCheck.MeasureAsync(peers, documents, Scratch(), Console.Out).ConfigureAwait(false);
                await Write("corpus-peers.md", CorpusCompileCheck.Table(rows)).ConfigureAwait(false);
                return 0;
            }

            case "consumer-build":
            {
                var cli = Option(args, "--cli") ?? throw new ArgumentException("--cli PATH/Kernel.Contracts.Cli.dll is required");
                var timer = new ConsumerBuildTimer(Option(args, "--nswag") ?? BenchPaths.NSwagDll, cli) { Pregenerated = args.Contains("--pregenerated"), Packages = Option(args, "--packages") };
                var rows = await timer.MeasureAsync(Documents(args, BenchPaths.ConsumerBuildDocuments()), Runs(args, 3), Path.Combine(Path.GetTempPath(), "kernel-contracts-consumer-build"), Console.Out).ConfigureAwait(false);
                await Write("consumer-build.md", ConsumerBuildTimer.Table(rows)).ConfigureAwait(false);
                return 0;
            }

            case "consumer-compile":
            {
                // The compiler's time on the client's code alone, in process: the part of the consumer's build the code decides.
                var cli = Option(args, "--cli") ?? throw new ArgumentException("--cli PATH/Kernel.Contracts.Cli.dll is required");
                var rows = await CompileTimer.MeasureAsync(Option(args, "--nswag") ?? BenchPaths.NSwagDll, cli, Documents(args, BenchPaths.ConsumerBuildDocuments()), Runs(args, 10), Scratch(), Console.Out).ConfigureAwait(false);
                await Write("consumer-compile.md", CompileTimer.Table(rows)).ConfigureAwait(false);
                return 0;
            }

            case "bytes":
            {
                // Where the bytes of our generated client go, beside the size of NSwag's client for the same document.
                var cli = Option(args, "--cli") ?? throw new ArgumentException("--cli PATH/Kernel.Contracts.Cli.dll is required");
                var text = new System.Text.StringBuilder();
                var summary = new List<(string, GeneratedBytes.Breakdown, long)>();
                foreach (var spec in BenchPaths.Documents().Concat(BenchPaths.ConsumerBuildDocuments()).Distinct(StringComparer.Ordinal))
                {
                    var outDir = Path.Combine(Scratch(), "bytes-" + Path.GetFileName(spec));
                    var ours = await ProcessGenerator.Ours("ours", cli).Once(spec, outDir).ConfigureAwait(false);
                    var (operations, schemas) = GeneratedBytes.Counts(ours.Output);
                    var breakdown = GeneratedBytes.Measure(ProcessGenerator.CSharpFiles(outDir));
                    var nswag = await ProcessGenerator.NSwag(Option(args, "--nswag") ?? BenchPaths.NSwagDll).Once(spec, outDir + "-nswag").ConfigureAwait(false);
                    var nswagBytes = nswag.ExitCode == 0 ? nswag.Bytes : 0;
                    summary.Add((Path.GetFileName(spec), breakdown, nswagBytes));
                    text.AppendLine(GeneratedBytes.Table(Path.GetFileName(spec), breakdown, schemas, operations, nswagBytes));
                    Directory.Delete(outDir, recursive: true);
                    Directory.Delete(outDir + "-nswag", recursive: true);
                }

                text.Insert(0, GeneratedBytes.Summary(summary) + Environment.NewLine);
                await Write("generated-bytes.md", text.ToString()).ConfigureAwait(false);
                return 0;
            }

            case "http":
            {
                // wrk when it is installed (Bench installs Debian's), else the built-in loop; --tool builtin forces the loop.
                var wrk = Option(args, "--tool") == "builtin" ? null : HttpLoad.FindWrk();
                var connections = (Option(args, "--connections") ?? "1,16,64").Split(',').Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                var duration = TimeSpan.FromSeconds(double.Parse(Option(args, "--duration") ?? "5", System.Globalization.CultureInfo.InvariantCulture));
                var runs = Runs(args, 3);
                var rootServices = args.Contains("--stubs-root-services");
                var rows = await HttpLoadTimer.MeasureAsync(wrk, connections, duration, runs, Console.Out, rootServices).ConfigureAwait(false);
                var tool = (wrk is null ? "built-in HttpClient loop (wrk not installed)" : "wrk 4.1.0, one thread") + (rootServices ? "; experiment: the stubs' requests use the root service provider" : string.Empty);
                await Write(rootServices ? "http-load-root-services.md" : "http-load.md", HttpLoadTimer.Table(rows, tool, duration, runs)).ConfigureAwait(false);
                return 0;
            }

            case "verify":
            {
                var rows = await VerificationTimer.MeasureAsync(Runs(args), Console.Out).ConfigureAwait(false);
                await Write("verification.md", VerificationTimer.Table(rows)).ConfigureAwait(false);
                return 0;
            }

            default:
                await Console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
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

    private const string Usage = "usage: Kernel.Contracts.Bench micro [--filter PATTERN] | generate --cli DLL [--cli-r2r DLL] [--nswag DLL] [--kiota DLL] [--documents a,b] [--runs N]"
        + " | corpus | consumer-build --cli DLL [--packages DIR] [--documents a,b] [--runs N] [--pregenerated] | bytes --cli DLL | http [--connections 1,16,64] [--duration S] [--runs N] [--tool builtin] [--stubs-root-services] | verify [--runs N]";

    private static int Runs(string[] args, int fallback = 5) =>
        int.Parse(Option(args, "--runs") ?? fallback.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>--documents a,b (our documents or the corpus's, by file name), else the table's own list.</summary>
    private static IEnumerable<string> Documents(string[] args, IEnumerable<string> fallback) =>
        Option(args, "--documents") is { } names
            ? names.Split(',').Select(n => BenchPaths.Documents(includeCorpus: false).Concat(BenchPaths.CorpusDocuments()).FirstOrDefault(d => Path.GetFileName(d) == n)
                ?? throw new ArgumentException("no document named " + n + " in spec/ or the corpus"))
            : fallback;

    private static string Scratch() => Path.Combine(BenchPaths.Results, "scratch");

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

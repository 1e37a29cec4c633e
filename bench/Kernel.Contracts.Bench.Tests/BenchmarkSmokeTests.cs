using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Kernel.Contracts.Bench;
using Kernel.Contracts.Bench.Clients;
using Kernel.Contracts.Bench.Generation;
using Kernel.Contracts.Bench.Servers;
using Kernel.Contracts.Bench.Verification;
using Microsoft.CodeAnalysis;
using Xunit;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Kernel.Contracts.Bench.Tests;

/// <summary>Each benchmark starts and computes the right thing; what they measure is in docs/performance.md.</summary>
public sealed class BenchmarkSmokeTests
{
    [Fact]
    public void Parse_benchmarks_parse_our_platform_document()
    {
        var bench = new ParseBenchmarks { Document = "kernel-platform.openapi.yaml" };
        bench.Setup();
        Assert.True(bench.JsonDocumentParse() >= 5, "the floor reads the document's top-level members");
        Assert.True(bench.SpecParserParse() >= 10, "the parser yields the document's schemas");
    }

    [Fact]
    public void Incremental_rerun_after_an_unrelated_edit_is_all_cached()
    {
        var bench = new IncrementalBenchmarks();
        bench.Setup();
        var files = bench.FirstRun();
        Assert.True(files > 10);
        Assert.Equal(files, bench.RerunAfterUnrelatedEdit());
        var reasons = bench.RerunReasons();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task List_datasets_clients_read_every_dataset(int count)
    {
        var bench = new ListDatasetsBenchmarks { Datasets = count };
        bench.Setup();
        Assert.Equal(count, await bench.HandWritten());
        Assert.Equal(count, await bench.Ours());
        Assert.Equal(count, await bench.Kiota());
#if NSWAG
        Assert.Equal(count, await bench.NSwag());
#endif
        bench.Cleanup();
    }

    [Fact]
    public async Task Pipeline_status_clients_read_the_signed_urls()
    {
        var bench = new PipelineStatusBenchmarks();
        bench.Setup();
        Assert.Equal(3, await bench.HandWritten());
        Assert.Equal(3, await bench.Ours());
        Assert.Equal(3, await bench.Kiota());
#if NSWAG
        Assert.Equal(3, await bench.NSwag());
#endif
        bench.Cleanup();
    }

    [Fact]
    public async Task Create_session_clients_send_the_request_and_read_the_kernel_id()
    {
        var bench = new CreateSessionBenchmarks();
        bench.Setup();
        Assert.Equal("bench-session-1", await bench.HandWritten());
        Assert.Equal("bench-session-1", await bench.Ours());
        Assert.Equal("bench-session-1", await bench.Kiota());
#if NSWAG
        Assert.Equal("bench-session-1", await bench.NSwag());
#endif
        bench.Cleanup();
    }

    [Theory]
    [InlineData("listDatasets")]
    [InlineData("getPipelineStatus")]
    public async Task Both_servers_answer_200_with_the_same_json(string operation)
    {
        var bench = new ServerBenchmarks { Operation = operation };
        bench.Setup();
        try
        {
            var hand = await bench.HandWrittenMinimalApi();
            var handBody = bench.HandWrittenServer.LastBody();
            var stubs = await bench.GeneratedStubs();
            var stubBody = bench.StubServer.LastBody();
            Assert.True(hand > 0 && stubs > 0);
            Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(handBody), System.Text.Json.Nodes.JsonNode.Parse(stubBody)), handBody + "\n" + stubBody);

            // Validation is on in both: a malformed id is a 400, a missing key a 401.
            var path = operation == "listDatasets" ? "/api/v1/study/bad%20id/datasets" : ServerBenchmarks.StatusPath.Replace("qc_nirs", "nope", StringComparison.Ordinal);
            Assert.Equal(400, (await bench.StubServer.SendAsync("GET", path)).Status);
            Assert.Equal(400, (await bench.HandWrittenServer.SendAsync("GET", path)).Status);
            Assert.Equal(401, (await bench.StubServer.SendAsync("GET", ServerBenchmarks.ListPath, apiKey: null)).Status);
            Assert.Equal(401, (await bench.HandWrittenServer.SendAsync("GET", ServerBenchmarks.ListPath, apiKey: null)).Status);
        }
        finally
        {
            await bench.Cleanup();
        }
    }

    [Fact]
    public async Task Generate_process_timer_times_ours_and_the_peers_once_on_our_document()
    {
        var cli = typeof(Kernel.Contracts.Cli.Program).Assembly.Location;
        var generators = new System.Collections.Generic.List<ProcessGenerator> { ProcessGenerator.Ours("ours", cli), ProcessGenerator.Kiota(BenchPaths.KiotaDll) };
#if NSWAG
        generators.Add(ProcessGenerator.NSwag(BenchPaths.NSwagDll));
#endif
        var timer = new GenerateProcessTimer(generators);
        var scratch = TempDir();
        try
        {
            var rows = await timer.MeasureAsync([BenchPaths.Spec("kernel-platform.openapi.yaml")], 1, scratch, TextWriter.Null);
            var row = Assert.Single(rows);
            Assert.All(row.Cells, c =>
            {
                Assert.True(c.Failure is null, c.Generator + ": " + c.Failure);
                Assert.True(c.Times!.Seconds.Single() > 0);
                Assert.True(c.Files > 0 && c.Bytes > 10_000, c.Generator + " wrote " + c.Bytes + " bytes");
            });
            Assert.True(row["ours"].Files > 10);
            Assert.Contains("ours / Kiota", timer.Table(rows), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Fact]
    public async Task Kiota_reads_our_document_and_its_client_compiles()
    {
        var scratch = TempDir();
        try
        {
            var outcome = await CorpusCompileCheck.CheckAsync(ProcessGenerator.Kiota(BenchPaths.KiotaDll), BenchPaths.Spec("kernel-sessions.openapi.yaml"), Path.Combine(scratch, "kiota"));
            Assert.True(outcome.Generated, outcome.ToString());
            Assert.True(outcome.Files > 5, outcome.ToString());
            Assert.True(outcome.Compiles, outcome.ToString());
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Fact]
    public void Corpus_compile_check_reports_each_compiler_error_with_its_file()
    {
        var scratch = TempDir();
        try
        {
            var good = Path.Combine(scratch, "Good.cs");
            var bad = Path.Combine(scratch, "Bad.cs");
            File.WriteAllText(good, "namespace N; public sealed class Good { public int X { get; set; } }");
            File.WriteAllText(bad, "namespace N; public sealed class Bad { public Missing Y { get; set; } }");
            Assert.Empty(CorpusCompileCheck.Compile([good]));
            var error = Assert.Single(CorpusCompileCheck.Compile([good, bad]));
            Assert.StartsWith("Bad.cs(1): CS0246", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Fact]
    public async Task Generated_bytes_are_split_into_parts_that_add_up()
    {
        var cli = typeof(Kernel.Contracts.Cli.Program).Assembly.Location;
        var scratch = TempDir();
        try
        {
            var run = await ProcessGenerator.Ours("ours", cli).Once(BenchPaths.Spec("kernel-platform.openapi.yaml"), scratch);
            var (operations, schemas) = GeneratedBytes.Counts(run.Output);
            Assert.True(operations > 0 && schemas > 0, run.Output);
            var breakdown = GeneratedBytes.Measure(ProcessGenerator.CSharpFiles(scratch));
            Assert.Equal(run.Bytes, breakdown.Total);
            Assert.Equal(breakdown.Total, breakdown.Parts.Values.Sum());
            foreach (var part in new[] { GeneratedBytes.Models, GeneratedBytes.Converters, GeneratedBytes.Operations, GeneratedBytes.Interface, GeneratedBytes.Support })
            {
                Assert.True(breakdown.Parts[part] > 0, part);
            }

            // A client generation (Models;Client) carries no validators: only the server stubs use them.
            Assert.Equal(0, breakdown.Parts[GeneratedBytes.Validators]);

            Assert.Contains("B per schema", GeneratedBytes.Table("platform", breakdown, schemas, operations, 0), StringComparison.Ordinal);
            Assert.Contains("| platform | ", GeneratedBytes.Summary([("platform", breakdown, 1024)]), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Fact]
    public async Task Compile_timer_compiles_our_client_as_shipped_and_analysed_and_reports_the_ratio()
    {
        var cli = typeof(Kernel.Contracts.Cli.Program).Assembly.Location;
        var scratch = TempDir();
        try
        {
            var run = await ProcessGenerator.Ours("ours", cli).Once(BenchPaths.Spec("kernel-platform.openapi.yaml"), scratch);
            Assert.True(run.ExitCode == 0, run.Output);
            var ours = ProcessGenerator.CSharpFiles(scratch).Select(File.ReadAllText).ToArray();
            var analysed = CompileTimer.Analysed(ours);
            Assert.All(ours, t => Assert.Contains("#nullable disable warnings", t, StringComparison.Ordinal));
            Assert.All(analysed, t => Assert.DoesNotContain("#nullable disable", t, StringComparison.Ordinal));

            var samples = CompileTimer.Alternate([ours, analysed], runs: 1);
            Assert.All(samples, s => Assert.True(s.Seconds.Count == 1 && s.Median > 0));
            Assert.NotNull(CompileTimer.CompileOnce(["public class Broken { int X => \"text\"; }"]).Error);
            Assert.Throws<InvalidOperationException>(() => CompileTimer.Alternate([["public class Broken {"]], runs: 1));

            var row = new CompileTimer.Row("a.yaml", new Samples([2.0]), new Samples([3.0]), new Samples([1.0]), null, 300, 200);
            Assert.Contains("| a.yaml | 2.000 s (2.000–2.000, n=1) | 3.000 s (3.000–3.000, n=1) | 1.000 s (1.000–1.000, n=1) | **2.00** | 3.00 | 1.50 |", CompileTimer.Table([row]), StringComparison.Ordinal);
#if NSWAG
            var rows = await CompileTimer.MeasureAsync(BenchPaths.NSwagDll, cli, [BenchPaths.Spec("kernel-platform.openapi.yaml")], 1, Path.Combine(scratch, "measure"), TextWriter.Null);
            Assert.NotNull(Assert.Single(rows).NSwag);
#endif
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Fact]
    public async Task Consumer_build_project_builds_our_client_with_the_generator_in_the_build()
    {
        var scratch = TempDir();
        try
        {
            var project = ConsumerBuildTimer.WriteOurProject(scratch, BenchPaths.Spec("kernel-platform.openapi.yaml"));
            var restore = await ConsumerBuildTimer.RestoreAsync(project);
            Assert.True(restore.ExitCode == 0, restore.Output);
            var (seconds, build) = await ConsumerBuildTimer.BuildAsync(project);
            Assert.True(build.ExitCode == 0, build.Output);
            Assert.True(seconds > 0);

            // The generator ran inside the build: the library holds the generated client.
            var dll = Directory.GetFiles(Path.Combine(scratch, "bin"), "Consumer.dll", SearchOption.AllDirectories).Single();
            using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(dll));
            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            Assert.Contains(metadata.TypeDefinitions, t => metadata.GetString(metadata.GetTypeDefinition(t).Name) == "KernelPlatformClient");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Fact]
    public void Consumer_build_project_references_the_packed_generator_from_the_folder_Pack_wrote()
    {
        var scratch = TempDir();
        try
        {
            var feed = Directory.CreateDirectory(Path.Combine(scratch, "packages")).FullName;
            foreach (var name in new[] { "Kernel.Contracts.Generator.1.2.3-beta.4.nupkg", "Kernel.Contracts.Generator.NSwag.1.2.3-beta.4.nupkg", "Kernel.Contracts.Generator.1.2.3-beta.4.snupkg" })
            {
                File.WriteAllText(Path.Combine(feed, name), "");
            }

            var project = ConsumerBuildTimer.WriteOurProject(Path.Combine(scratch, "ours"), BenchPaths.Spec("kernel-platform.openapi.yaml"), feed);

            // As a consumer's project: a PackageReference to that version, restored from that folder into a private cache.
            var xml = System.Xml.Linq.XDocument.Load(project);
            var reference = Assert.Single(xml.Descendants("PackageReference"), r => (string?)r.Attribute("Include") == "Kernel.Contracts.Generator");
            Assert.Equal("1.2.3-beta.4", (string?)reference.Attribute("Version"));
            Assert.Empty(xml.Descendants("Analyzer"));
            var config = System.Xml.Linq.XDocument.Load(Path.Combine(Path.GetDirectoryName(project)!, "nuget.config"));
            Assert.Contains(config.Descendants("add"), a => (string?)a.Attribute("value") == feed);
            Assert.Contains(config.Descendants("add"), a => (string?)a.Attribute("key") == "globalPackagesFolder");
            Assert.Throws<FileNotFoundException>(() => ConsumerBuildTimer.GeneratorVersion(scratch));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Fact]
    public void Consumer_build_table_sets_the_IL_generator_beside_the_packed_one_when_measured()
    {
        var withIL = new ConsumerBuildTimer.Row("a.yaml", 2048, new Samples([4.0, 5.0, 6.0]), new Samples([4.0, 4.0, 4.0]), null, 300, 200, OursIL: new Samples([6.0, 6.0, 6.0]))
        {
            GeneratorTime = (new Samples([0.25, 0.5]), new Samples([0.75, 1.0])),
        };
        var without = withIL with { OursIL = null, GeneratorTime = null };

        var table = ConsumerBuildTimer.Table([withIL]);

        Assert.Contains("| IL / NSwag |", table, StringComparison.Ordinal);
        // ours 5 s and the IL generator 6 s against NSwag's 4 s; the generator 0.375 s and 0.875 s; 300 bytes against 200.
        Assert.Contains("| **1.25** | 6.000 s", table, StringComparison.Ordinal);
        Assert.Contains("| **1.50** | 0.375 s (0.250–0.500, n=2) | 0.875 s (0.750–1.000, n=2) | 0.00 MiB | 0.00 MiB | 1.50 |", table, StringComparison.Ordinal);
        Assert.DoesNotContain("IL / NSwag", ConsumerBuildTimer.Table([without]), StringComparison.Ordinal);
    }

    [Fact]
    public void Consumer_build_reads_the_generator_s_time_from_the_compiler_s_analyzer_report()
    {
        // As csc prints it with /reportanalyzer (MSBuild's detailed verbosity indents it).
        const string output = """
                     Total generator execution time: 1.162 seconds.

                     Time (s)    %   Generator
                        0.388   33   Kernel.Contracts.Generator, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null
                        0.388   33      Kernel.Contracts.Generator.OpenApiGenerator
                        0.385   33   Microsoft.Interop.ComInterfaceGenerator, Version=10.0.14.42308, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a
            """;

        Assert.Equal(0.388, ConsumerBuildTimer.GeneratorSeconds(output));
        Assert.Null(ConsumerBuildTimer.GeneratorSeconds(output.Replace("Kernel.Contracts.Generator, ", "Other, ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Verification_timer_verifies_the_platform_pact_with_the_binding()
    {
        var (pact, provider, start) = VerificationTimer.Pacts[0];
        var timed = TimeSpan.Zero;
        var interactions = await VerificationTimer.BindingOnceAsync(Path.Combine(BenchPaths.Pacts, pact), provider, start, t => timed = t);
        Assert.True(interactions > 5);
        Assert.True(timed > TimeSpan.Zero);
    }

    [Fact]
    public async Task Both_servers_serve_2xx_under_load_over_loopback_http()
    {
        // Always the built-in loop (so the check never depends on wrk); wrk as well where it is installed.
        var data = new PlatformData(100);
        await using var hand = await KestrelServer.StartAsync(PlatformServerKind.HandWrittenMinimalApi, data);
        await using var stubs = await KestrelServer.StartAsync(PlatformServerKind.GeneratedStubs, data);
        Assert.True(System.Net.IPAddress.IsLoopback(System.Net.IPAddress.Parse(stubs.Address.Host)));
        var wrk = HttpLoad.FindWrk();
        foreach (var server in new[] { hand, stubs })
        {
            foreach (var path in HttpLoadTimer.Operations.Values)
            {
                var url = new Uri(server.Address, path);
                var results = new System.Collections.Generic.List<LoadResult> { await HttpLoad.BuiltInAsync(url, 2, TimeSpan.FromMilliseconds(300)) };
                if (wrk is not null)
                {
                    results.Add(await HttpLoad.WrkAsync(wrk, url, 2, TimeSpan.FromSeconds(1)));
                }

                Assert.All(results, r =>
                {
                    Assert.True(r.Requests > 0 && r.RequestsPerSecond > 0, r.ToString());
                    Assert.True(r.Non2xx == 0 && r.Errors == 0, r.ToString());
                    Assert.True(r.P50Ms > 0 && r.P99Ms >= r.P50Ms, r.ToString());
                });
            }
        }

        // A request without the key is a 401 through Kestrel too: the load above was answered by the real endpoints.
        using var http = new System.Net.Http.HttpClient();
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri(stubs.Address, ServerBenchmarks.ListPath))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri(hand.Address, ServerBenchmarks.ListPath))).StatusCode);
    }

    [Fact]
    public void Wrk_report_is_read_with_its_non_2xx_answers_and_latency_units()
    {
        const string report = """
            Running 1s test @ http://127.0.0.1:5000/x
              1 threads and 2 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency   310.12us  120.00us   2.10ms   90.00%
                Req/Sec     6.10k   200.00     6.40k    70.00%
              Latency Distribution
                 50%  287.00us
                 75%  330.00us
                 90%  410.00us
                 99%    1.20ms
              6123 requests in 1.00s, 1.10MB read
              Socket errors: connect 0, read 1, write 0, timeout 2
              Non-2xx or 3xx responses: 17
            Requests/sec:   6122.51
            Transfer/sec:      1.10MB
            """;
        var result = HttpLoad.ParseWrk(report, 2, 1);
        Assert.Equal(6123, result.Requests);
        Assert.Equal(17, result.Non2xx);
        Assert.Equal(3, result.Errors);
        Assert.Equal(6122.51, result.RequestsPerSecond, 2);
        Assert.Equal(0.287, result.P50Ms, 3);
        Assert.Equal(1.2, result.P99Ms, 3);
        Assert.Throws<FormatException>(() => HttpLoad.ParseWrk("wrk: connection refused", 2, 1));
    }

    private static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "kernel-contracts-bench-smoke-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Fact]
    public async Task Benchmark_program_rejects_an_unknown_mode()
    {
        Assert.Equal(2, await Program.Main(["nope"]));
    }
}

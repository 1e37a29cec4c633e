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
    public async Task Generate_process_timer_runs_our_cli_on_our_document()
    {
        var cli = typeof(Kernel.Contracts.Cli.Program).Assembly.Location;
        var timer = new GenerateProcessTimer(cli, nswagDll: "unused");
        var outDir = Path.Combine(Path.GetTempPath(), "kernel-contracts-bench-smoke-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, files, output) = await timer.OursOnceAsync(BenchPaths.Spec("kernel-platform.openapi.yaml"), outDir);
            Assert.True(code == 0, output);
            Assert.True(files > 10, output);
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        }
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
    public async Task Benchmark_program_rejects_an_unknown_mode()
    {
        Assert.Equal(2, await Program.Main(["nope"]));
    }
}

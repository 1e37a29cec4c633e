using System;
using System.Linq;
using System.Threading.Tasks;
using Kernel.Contracts.Clients.Tests.Server;
using Kernel.Contracts.Clients.Tests.Spec;
using Xunit;
using P = Kernel.Platform.Client;
using S = Kernel.Sessions.Client;

namespace Kernel.Contracts.Clients.Tests;

/// <summary>The success examples read into typed results, member by member.</summary>
[Collection(ServerCollection.Name)]
public sealed class ClientTypedResultTests(ContractServer server)
{
    [Fact]
    public async Task ListDatasets_twoDatasets()
    {
        var list = await Call<P.DatasetList>(SpecDocuments.Platform, "listDatasets", "twoDatasets");

        Assert.Equal(2, list.Datasets.Count);
        var first = list.Datasets[0];
        Assert.Equal("5d1c0f3a9b2e4c7d8e6f1a2b3c4d5e6f", first.Id);
        Assert.Equal("Resting state, eyes closed", first.Meta.Description);
        Assert.Equal("Session 1", first.Meta.Name);
        Assert.Equal("resting-state", first.Meta.Experiment);
        Assert.Equal("0a1b2c3d4e5f60718293a4b5c6d7e8f9", first.Participant.Id);
        Assert.Equal("P-001", first.Participant.ParticipantId);
        Assert.Equal(1711929600.0, first.Participant.CreatedAt);
        Assert.True(first.Participant.Active);
        Assert.False(first.Participant.Pending);
        Assert.Equal("active", first.Participant.Status);
        Assert.Equal(1712016000.25, first.CreatedDate);
        Assert.Equal(1712016010.5, first.StartedAt);
        Assert.Equal(1712017810.75, first.StoppedAt);
        var second = list.Datasets[1];
        Assert.Null(second.StoppedAt);
        Assert.Null(second.Meta.Name);
    }

    [Fact]
    public async Task RunPipeline_started()
    {
        var run = await Call<P.RunPipelineResponse>(SpecDocuments.Platform, "runPipeline", "started");
        Assert.Equal("9f8e7d6c5b4a39281706f5e4d3c2b1a0", run.JobId);
    }

    [Fact]
    public async Task GetPipelineStatus_succeeded_running_failed()
    {
        var succeeded = await Call<P.PipelineRunStatus>(SpecDocuments.Platform, "getPipelineStatus", "succeeded");
        Assert.Equal(P.PipelineRunState.Succeeded, succeeded.Status);
        Assert.True(succeeded.Status.IsKnown);
        Assert.NotNull(succeeded.SignedUrls);
        Assert.Equal(new Uri("https://kernel-pipeline-output.s3.amazonaws.com/9f8e7d6c/qc_report.html?X-Amz-Expires=3600&X-Amz-Signature=abc123"), succeeded.SignedUrls!.Urls["qc_report.html"]);
        Assert.Equal(48213.0, succeeded.SignedUrls.Sizes["qc_report.html"]);
        Assert.Equal(123.1, succeeded.SignedUrls.Sizes["qc_metrics.json"]);
        Assert.Equal(new[] { "qc_metrics.json", "qc_report.html" }, succeeded.SignedUrls.Urls.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal("3c1e5b0a-7d2f-4e9a-8b6c-1f0e2d3c4b5a", succeeded.SignedUrls.BatchJobId);
        Assert.Equal("e1d2c3b4a5968778695a4b3c2d1e0f12", succeeded.SignedUrls.ExecutionId);

        var running = await Call<P.PipelineRunStatus>(SpecDocuments.Platform, "getPipelineStatus", "running");
        Assert.Equal(P.PipelineRunState.Running, running.Status);
        Assert.Null(running.SignedUrls);

        var failed = await Call<P.PipelineRunStatus>(SpecDocuments.Platform, "getPipelineStatus", "failed");
        Assert.Equal(P.PipelineRunState.Failed, failed.Status);
    }

    [Fact]
    public async Task GetPipelineStatus_keeps_a_state_the_document_does_not_list()
    {
        var c = server.NewCase().Json(200, "{\"job_id\":\"9f8e7d6c5b4a39281706f5e4d3c2b1a0\",\"status\":\"CANCELLED\",\"signed_urls\":null}");
        var status = await ClientOperations.Clients(server, c).Platform.GetPipelineStatusAsync("s", "d", P.PipelineName.QcNirs);
        Assert.Equal("CANCELLED", status.Status.Value);
        Assert.False(status.Status.IsKnown);
    }

    [Fact]
    public async Task CreateKernel_created_and_reused()
    {
        var created = await Call<S.CreateKernelResponse>(SpecDocuments.Sessions, "createKernel", "created");
        Assert.Equal("TSSJT2Z4SnmQhxjWMnJljg", created.KernelId);
        Assert.True(created.Created);

        foreach (var status in new[] { 201, 200 })
        {
            var reused = await Call<S.CreateKernelResponse>(SpecDocuments.Sessions, "createKernelLegacy", "reused", status);
            Assert.Equal("TSSJT2Z4SnmQhxjWMnJljg", reused.KernelId);
            Assert.False(reused.Created);
        }
    }

    [Fact]
    public async Task GetKernelInfo_running()
    {
        var info = await Call<S.KernelInfo>(SpecDocuments.Sessions, "getKernelInfo", "running");
        Assert.Equal("python:3.6", info.Lang);
        Assert.Equal(3012345.678, info.Age);
        Assert.Equal(131072L, info.MemoryLimit);
        Assert.Equal(12L, info.NumQueriesExecuted);
        Assert.Equal(4210L, info.CpuCreditUsed);
    }

    [Fact]
    public async Task GetKernelInfo_keeps_members_the_document_does_not_list()
    {
        // The real server sent queryTimeout, idleTimeout, maxCpuCredit, idle and memoryUsed too; KernelInfo is open.
        var c = server.NewCase().Json(200, "{\"lang\":\"python:3.6\",\"age\":1,\"queryTimeout\":15,\"idle\":{\"since\":[1,2]},\"memoryLimit\":2,\"numQueriesExecuted\":3,\"cpuCreditUsed\":4,\"memoryUsed\":null}");
        var info = await ClientOperations.Clients(server, c).Sessions.GetKernelInfoAsync("k1");
        Assert.Equal((1.0, 2L, 3L, 4L), (info.Age, info.MemoryLimit, info.NumQueriesExecuted, info.CpuCreditUsed));
        Assert.NotNull(info.AdditionalProperties);
        Assert.Equal(new[] { "idle", "memoryUsed", "queryTimeout" }, info.AdditionalProperties!.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(15, info.AdditionalProperties["queryTimeout"].GetInt32());
        Assert.Equal("{\"since\":[1,2]}", info.AdditionalProperties["idle"].GetRawText());
    }

    [Fact]
    public async Task DestroyKernel_withStats_and_noStats()
    {
        var destroyed = await Call<S.DestroyKernelResponse>(SpecDocuments.Sessions, "destroyKernel", "withStats");
        var stats = destroyed.Stats!;
        Assert.Equal(4210L, stats.CpuUsed);
        Assert.Equal(134217728L, stats.MemMaxBytes);
        Assert.Equal(98566144L, stats.MemCurBytes);
        Assert.Equal(20480L, stats.NetRxBytes);
        Assert.Equal(10240L, stats.NetTxBytes);
        Assert.Equal(4096000L, stats.IoReadBytes);
        Assert.Equal(1024000L, stats.IoWriteBytes);
        Assert.Equal(52428800L, stats.IoMaxScratchSize);
        Assert.Equal(0L, stats.IoCurScratchSize);

        var none = await Call<S.DestroyKernelResponse>(SpecDocuments.Sessions, "destroyKernel", "noStats");
        Assert.Null(none.Stats);
    }

    private async Task<T> Call<T>(string api, string operationId, string example, int? status = null)
    {
        var response = SpecExamples.Responses(api).First(r => r.OperationId == operationId && r.ExampleName == example && (status is null || r.Status == status));
        var c = server.NewCase().Json(response.Status, JsonSemantic.Show(response.Value), response.MediaType!);
        var result = await ClientOperations.Get(api, operationId).Invoke(ClientOperations.Clients(server, c), default);
        return Assert.IsType<T>(result);
    }
}

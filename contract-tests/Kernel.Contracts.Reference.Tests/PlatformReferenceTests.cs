using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Kernel.Contracts.Reference.Platform;
using Kernel.Platform.Client;
using Xunit;

namespace Kernel.Contracts.Reference.Tests;

public sealed class PlatformReferenceTests : IAsyncLifetime
{
    private const string Study = PlatformReferenceOptions.DemoStudyId;
    private const string Dataset = PlatformReferenceOptions.DemoDatasetId;
    private static readonly Regex HexId = new("^[0-9a-f]{32}$");
    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.StartAsync(
            s => s.AddPlatformReference(o =>
            {
                o.QueueStepDuration = TimeSpan.FromSeconds(2);
                o.RunningDuration = TimeSpan.FromSeconds(10);
                o.FailingPipelines.Add("reconstruction");
            }),
            app => app.MapPlatformReference());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private KernelPlatformClient Client(string apiKey = PlatformReferenceOptions.DemoApiKey) =>
        new(new HttpClient(new ApiKeyHandler(apiKey) { InnerHandler = new HttpClientHandler() }), new KernelPlatformClientOptions { BaseAddress = _host.Url("/api/v1") });

    private HttpClient Raw(string? apiKey = PlatformReferenceOptions.DemoApiKey)
    {
        var http = new HttpClient();
        if (apiKey is not null) http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", apiKey);
        return http;
    }

    [Fact]
    public async Task The_demo_study_lists_seeded_datasets()
    {
        var list = await Client().ListDatasetsAsync(Study);
        Assert.Equal(5, list.Datasets.Count);
        Assert.Equal(Dataset, list.Datasets[0].Id);
        Assert.All(list.Datasets, d =>
        {
            Assert.Matches(HexId, d.Id);
            Assert.Matches(HexId, d.Participant.Id);
            Assert.True(d.StartedAt >= d.CreatedDate);
        });
        Assert.Null(list.Datasets[^1].StoppedAt);
        Assert.Equal(list.Datasets.Count, list.Datasets.Select(d => d.Id).Distinct().Count());
    }

    [Fact]
    public async Task The_seed_makes_the_data_deterministic()
    {
        await using var other = await TestHost.StartAsync(s => s.AddPlatformReference(), app => app.MapPlatformReference());
        var mine = await Raw().GetStringAsync(_host.Url("/api/v1/study/" + Study + "/datasets"));
        var theirs = await Raw().GetStringAsync(other.Url("/api/v1/study/" + Study + "/datasets"));
        Assert.Equal(mine, theirs);

        await using var reseeded = await TestHost.StartAsync(s => s.AddPlatformReference(o => o.Seed = 7), app => app.MapPlatformReference());
        Assert.NotEqual(mine, await Raw().GetStringAsync(reseeded.Url("/api/v1/study/" + Study + "/datasets")));
    }

    [Fact]
    public async Task The_empty_study_lists_no_datasets()
    {
        Assert.Empty((await Client().ListDatasetsAsync(PlatformReferenceOptions.EmptyStudyId)).Datasets);
    }

    [Fact]
    public async Task Unknown_studies_and_datasets_are_404()
    {
        var client = Client();
        var e = await Assert.ThrowsAsync<ApiException>(() => client.ListDatasetsAsync("000000000000000"));
        Assert.Equal(404, e.StatusCode);
        Assert.Equal("https://api.kernel.com/problems/study-not-found", e.Problem?.Type);

        e = await Assert.ThrowsAsync<ApiException>(() => client.RunPipelineAsync("000000000000000", Dataset, PipelineName.QcNirs));
        Assert.Equal("https://api.kernel.com/problems/study-not-found", e.Problem?.Type);
        e = await Assert.ThrowsAsync<ApiException>(() => client.RunPipelineAsync(Study, "00000000000000", PipelineName.QcNirs));
        Assert.Equal(404, e.StatusCode);
        Assert.Equal("https://api.kernel.com/problems/dataset-not-found", e.Problem?.Type);
        e = await Assert.ThrowsAsync<ApiException>(() => client.GetPipelineStatusAsync(Study, "00000000000000", PipelineName.QcNirs));
        Assert.Equal("https://api.kernel.com/problems/dataset-not-found", e.Problem?.Type);
        e = await Assert.ThrowsAsync<ApiException>(() => client.GetPipelineStatusAsync("nope", Dataset, PipelineName.QcNirs));
        Assert.Equal("https://api.kernel.com/problems/study-not-found", e.Problem?.Type);
    }

    [Fact]
    public async Task A_pipeline_that_never_ran_is_404_run_not_found()
    {
        var e = await Assert.ThrowsAsync<ApiException>(() => Client().GetPipelineStatusAsync(Study, Dataset, PipelineName.QcEeg));
        Assert.Equal(404, e.StatusCode);
        Assert.Equal("https://api.kernel.com/problems/run-not-found", e.Problem?.Type);
    }

    [Fact]
    public async Task A_run_moves_through_the_batch_states_on_the_clock()
    {
        var client = Client();
        var job = await client.RunPipelineAsync(Study, Dataset, PipelineName.QcNirs);
        Assert.Matches(HexId, job.JobId);

        var seen = new List<string>();
        foreach (var step in new[] { 0, 2, 2, 2, 2, 9 })
        {
            _host.Clock.Advance(TimeSpan.FromSeconds(step));
            var status = await client.GetPipelineStatusAsync(Study, Dataset, PipelineName.QcNirs);
            Assert.Equal(job.JobId, status.JobId);
            Assert.Null(status.SignedUrls);
            seen.Add(status.Status.Value);
        }

        Assert.Equal(new[] { "SUBMITTED", "PENDING", "RUNNABLE", "STARTING", "RUNNING", "RUNNING" }, seen);
        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        var done = await client.GetPipelineStatusAsync(Study, Dataset, PipelineName.QcNirs);
        Assert.Equal(PipelineRunState.Succeeded, done.Status);
        Assert.NotNull(done.SignedUrls);
        Assert.Equal(done.SignedUrls!.Urls.Keys.OrderBy(k => k), done.SignedUrls.Sizes.Keys.OrderBy(k => k));
        Assert.False(string.IsNullOrEmpty(done.SignedUrls.BatchJobId));
        Assert.False(string.IsNullOrEmpty(done.SignedUrls.ExecutionId));
    }

    [Fact]
    public async Task Status_reports_the_most_recent_run()
    {
        var client = Client();
        await client.RunPipelineAsync(Study, Dataset, PipelineName.AnalysisEeg);
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await client.RunPipelineAsync(Study, Dataset, PipelineName.AnalysisEeg);
        var status = await client.GetPipelineStatusAsync(Study, Dataset, PipelineName.AnalysisEeg);
        Assert.Equal(second.JobId, status.JobId);
        Assert.Equal(PipelineRunState.Submitted, status.Status);
    }

    [Fact]
    public async Task A_failing_pipeline_ends_failed_without_urls()
    {
        var client = Client();
        await client.RunPipelineAsync(Study, Dataset, PipelineName.Reconstruction);
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        var status = await client.GetPipelineStatusAsync(Study, Dataset, PipelineName.Reconstruction);
        Assert.Equal(PipelineRunState.Failed, status.Status);
        Assert.Null(status.SignedUrls);
    }

    [Fact]
    public async Task Signed_urls_are_served_and_expired_or_tampered_ones_rejected()
    {
        var client = Client();
        await client.RunPipelineAsync(Study, Dataset, PipelineName.QcSyncbox);
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        var urls = (await client.GetPipelineStatusAsync(Study, Dataset, PipelineName.QcSyncbox)).SignedUrls!;
        Assert.Equal(2, urls.Urls.Count);

        using var http = new HttpClient();
        foreach (var (name, url) in urls.Urls)
        {
            Assert.Equal(_host.BaseAddress.Authority, url.Authority);
            var response = await http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(urls.Sizes[name], (await response.Content.ReadAsByteArrayAsync()).Length);
        }

        var one = urls.Urls.Values.First().ToString();
        var tampered = one[..^1] + (one[^1] == '0' ? '1' : '0');
        await ProblemAssert.IsProblemAsync(await http.GetAsync(tampered), 403, "https://api.kernel.com/problems/invalid-signature");
        var longer = Regex.Replace(one, "expires=(\\d+)", m => "expires=" + (long.Parse(m.Groups[1].Value) + 3600));
        await ProblemAssert.IsProblemAsync(await http.GetAsync(longer), 403, "https://api.kernel.com/problems/invalid-signature");

        _host.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        await ProblemAssert.IsProblemAsync(await http.GetAsync(one), 403, "https://api.kernel.com/problems/url-expired");
    }

    [Fact]
    public async Task Missing_or_wrong_api_keys_are_401()
    {
        var missing = await Raw(null).GetAsync(_host.Url("/api/v1/study/" + Study + "/datasets"));
        var json = await ProblemAssert.IsProblemAsync(missing, 401, "https://api.kernel.com/problems/unauthorized");
        Assert.Contains("no Authorization", json.GetProperty("detail").GetString());

        var e = await Assert.ThrowsAsync<ApiException>(() => Client("wrong-key").RunPipelineAsync(Study, Dataset, PipelineName.QcNirs));
        Assert.Equal(401, e.StatusCode);
        Assert.Equal("https://api.kernel.com/problems/unauthorized", e.Problem?.Type);
        e = await Assert.ThrowsAsync<ApiException>(() => Client("Bearer " + PlatformReferenceOptions.DemoApiKey).GetPipelineStatusAsync(Study, Dataset, PipelineName.QcNirs));
        Assert.Equal(401, e.StatusCode);
    }

    [Fact]
    public async Task An_unknown_pipeline_is_400_naming_pipeline_name()
    {
        var response = await Raw().PostAsync(_host.Url("/api/v1/study/" + Study + "/dataset/" + Dataset + "/pipeline/name"), null);
        ProblemAssert.NamesField(await ProblemAssert.IsProblemAsync(response, 400, PlatformProblems.InvalidParametersType), "pipeline_name");
    }

    [Fact]
    public async Task A_malformed_study_id_is_400_naming_study_id()
    {
        var response = await Raw().GetAsync(_host.Url("/api/v1/study/my%20study/datasets"));
        ProblemAssert.NamesField(await ProblemAssert.IsProblemAsync(response, 400, PlatformProblems.InvalidParametersType), "study_id");
    }

    [Fact]
    public async Task Every_response_has_a_content_type()
    {
        var http = Raw();
        var responses = new[]
        {
            await http.GetAsync(_host.Url("/api/v1/study/" + Study + "/datasets")),
            await http.PostAsync(_host.Url("/api/v1/study/" + Study + "/dataset/" + Dataset + "/pipeline/qc_eeg"), null),
            await http.GetAsync(_host.Url("/api/v1/study/" + Study + "/dataset/" + Dataset + "/pipeline/qc_eeg/status")),
            await http.GetAsync(_host.Url("/api/v1/study/nope/datasets")),
            await Raw(null).GetAsync(_host.Url("/api/v1/study/nope/datasets")),
        };
        Assert.Equal(new[] { 200, 200, 200, 404, 401 }, responses.Select(r => (int)r.StatusCode));
        Assert.All(responses, r => Assert.NotNull(r.Content.Headers.ContentType));
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Platform.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Kernel.Contracts.Servers.Tests;

public sealed class PlatformStubTests : IAsyncLifetime, IKernelPlatformServer, IKernelPlatformServerSecurity
{
    private readonly List<string> _calls = new();
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IKernelPlatformServer>(this);
        builder.Services.AddSingleton<IKernelPlatformServerSecurity>(this);
        _app = builder.Build();
        _app.MapKernelPlatformApi();
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    public ValueTask<IResult?> AuthenticateAsync(HttpContext context, IReadOnlyList<string> schemes, CancellationToken cancellationToken) =>
        new(context.Request.Headers.Authorization == "key-1" ? null : Results.Problem(statusCode: 401, title: "Missing or wrong API key."));

    public Task<ListDatasetsResult> ListDatasetsAsync(string studyId, HttpContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ListDatasetsResult.Ok(new DatasetList { Datasets = Array.Empty<Dataset>() }));

    public Task<RunPipelineResult> RunPipelineAsync(string studyId, string datasetId, PipelineName pipelineName, HttpContext context, CancellationToken cancellationToken)
    {
        _calls.Add(studyId + "/" + datasetId + "/" + pipelineName);
        return Task.FromResult(RunPipelineResult.Ok(new RunPipelineResponse { JobId = new string('a', 32) }));
    }

    public Task<GetPipelineStatusResult> GetPipelineStatusAsync(string studyId, string datasetId, PipelineName pipelineName, HttpContext context, CancellationToken cancellationToken) =>
        Task.FromResult(GetPipelineStatusResult.NotFound(new Problem { Type = "https://api.kernel.com/problems/run-not-found", Title = "No run." }));

    private Task<HttpResponseMessage> Send(string method, string path, string? key = "key-1")
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", key);
        }

        return _http.SendAsync(request);
    }

    [Fact]
    public async Task A_valid_run_reaches_the_handler_with_typed_parameters_under_the_server_base_path()
    {
        var response = await Send("POST", "/api/v1/study/s1/dataset/d1/pipeline/qc_nirs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("s1/d1/qc_nirs", Assert.Single(_calls));
    }

    [Fact]
    public async Task An_unknown_pipeline_name_is_a_400_naming_the_parameter()
    {
        var response = await Send("POST", "/api/v1/study/s1/dataset/d1/pipeline/name");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("pipeline_name", error.GetProperty("name").GetString());
        Assert.StartsWith("must be one of analysis_eeg, ", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(_calls);
    }

    [Fact]
    public async Task A_missing_api_key_is_rejected_by_the_hook()
    {
        var response = await Send("GET", "/api/v1/study/s1/datasets", key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Unprefixed_paths_are_not_served_when_the_document_has_a_base_path()
    {
        var response = await Send("GET", "/study/s1/datasets");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Contracts.Clients.Tests.Server;
using Kernel.Contracts.Clients.Tests.Spec;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Kernel.Platform.Client.KernelPlatformServiceCollectionExtensions;
using static Kernel.Sessions.Client.KernelSessionsServiceCollectionExtensions;
using P = Kernel.Platform.Client;
using S = Kernel.Sessions.Client;

namespace Kernel.Contracts.Clients.Tests;

/// <summary>What the server receives from the clients, cancellation, bodies that break the schema, base addresses and DI registration.</summary>
[Collection(ServerCollection.Name)]
public sealed class ClientRequestTests(ContractServer server)
{
    private const string KernelInfoJson = "{\"lang\":\"python:3.6\",\"age\":3012345.678,\"memoryLimit\":131072,\"numQueriesExecuted\":12,\"cpuCreditUsed\":4210}";

    public static IEnumerable<object[]> CreateRequestExamples() =>
        SpecExamples.TopLevel(SpecDocuments.Sessions).Where(e => e.Schema == "CreateKernelRequest").Select(e => new object[] { e.Name });

    [Theory]
    [MemberData(nameof(CreateRequestExamples))]
    public async Task CreateKernel_posts_the_body_as_JSON_with_content_type_and_accept(string example)
    {
        var value = DtoRoundTripTests.Find(SpecDocuments.Sessions, example).Value;
        var body = Dtos.ReadAll(JsonSemantic.Show(value), S.CreateKernelRequestJsonConverter.ReadValue);
        var c = server.NewCase().Json(201, "{\"kernelId\":\"k1\",\"created\":true}");
        var client = new S.KernelSessionsClient(server.Client(c), new S.KernelSessionsClientOptions { BaseAddress = server.Root });

        var created = await client.CreateKernelAsync(body);

        Assert.Equal("k1", created.KernelId);
        Assert.True(created.Created);
        var request = c.Single();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/kernel", request.RawTarget);
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal(new[] { "application/json", "application/problem+json" }, Accept(request));
        Assert.Equal(request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Header("Content-Length"));
        JsonSemantic.Equal(value, request.BodyText, example + ": the body the server received");
    }

    [Fact]
    public async Task Operations_without_a_request_body_send_none()
    {
        var c = server.NewCase();
        c.Status = 204;
        c.ContentType = "application/json";
        var client = new S.KernelSessionsClient(server.Client(c), new S.KernelSessionsClientOptions { BaseAddress = server.Root });

        await client.RestartKernelAsync("k1");

        var request = c.Single();
        Assert.Equal("PATCH", request.Method);
        Assert.Empty(request.Body);
        Assert.Null(request.Header("Content-Type"));
        Assert.Equal(new[] { "application/problem+json" }, Accept(request));
        Assert.Null(request.Header("Authorization"));
    }

    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a?b#c", "a%3Fb%23c")]
    [InlineData("100%", "100%25")]
    [InlineData("a+b&c=d", "a%2Bb%26c%3Dd")]
    [InlineData("straße", "stra%C3%9Fe")]
    [InlineData("TSSJT2Z4SnmQhxjWMnJljg", "TSSJT2Z4SnmQhxjWMnJljg")]
    public async Task Path_parameters_are_escaped(string id, string escaped)
    {
        var c = server.NewCase().Json(200, "{\"job_id\":\"9f8e7d6c5b4a39281706f5e4d3c2b1a0\"}");
        var platform = new P.KernelPlatformClient(server.Client(c), new P.KernelPlatformClientOptions { BaseAddress = server.PlatformBase });
        await platform.RunPipelineAsync(id, id + "-d", P.PipelineName.PipelineSnirfGated);

        var request = c.Single();
        Assert.Equal("runPipeline", request.Operation);
        Assert.Equal("/api/v1/study/" + escaped + "/dataset/" + escaped + "-d/pipeline/pipeline_snirf_gated", request.RawTarget);
        if (!id.Contains('/', StringComparison.Ordinal))
        {
            // The server decodes the segment back to the id (ASP.NET Core leaves %2F encoded in paths).
            Assert.Equal(id, request.RouteValues["study_id"]);
            Assert.Equal(id + "-d", request.RouteValues["dataset_id"]);
        }

        var s = server.NewCase().Json(200, KernelInfoJson);
        var sessions = new S.KernelSessionsClient(server.Client(s), new S.KernelSessionsClientOptions { BaseAddress = server.Root });
        await sessions.GetKernelInfoAsync(id);
        Assert.Equal("/kernel/" + escaped, s.Single().RawTarget);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task A_dot_segment_id_does_not_escape_its_path(string id)
    {
        var c = server.NewCase().Json(200, KernelInfoJson);
        var sessions = new S.KernelSessionsClient(server.Client(c), new S.KernelSessionsClientOptions { BaseAddress = new Uri(server.Root, "v4/") });
        try
        {
            await sessions.GetKernelInfoAsync(id);
        }
        catch (ArgumentException)
        {
            // Refused before sending: the request never goes to another resource.
            Assert.Empty(c.Requests);
            return;
        }

        Assert.Fail("A dot segment id was sent instead of refused.");
    }

    [Fact]
    public async Task Null_path_parameters_are_rejected_before_sending()
    {
        var c = server.NewCase();
        var clients = ClientOperations.Clients(server, c);
        await Assert.ThrowsAsync<ArgumentNullException>(() => clients.Sessions.DestroyKernelAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => clients.Platform.ListDatasetsAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => clients.Sessions.CreateKernelAsync(null!));
        Assert.Empty(c.Requests);
    }

    [Theory]
    [InlineData(SpecDocuments.Platform, "getPipelineStatus")]
    [InlineData(SpecDocuments.Sessions, "getKernelInfo")]
    [InlineData(SpecDocuments.Sessions, "createKernel")]
    public async Task A_cancelled_token_cancels_a_slow_call(string api, string operationId)
    {
        var c = server.NewCase().Json(200, "{}");
        c.Delay = TimeSpan.FromSeconds(20);
        var operation = ClientOperations.Get(api, operationId);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var started = DateTime.UtcNow;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => operation.Invoke(ClientOperations.Clients(server, c), cts.Token));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "the call was not cut short");
        Assert.Single(c.Requests);
        await c.Aborted.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the server saw the request aborted
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        var c = server.NewCase().Json(200, KernelInfoJson);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ClientOperations.Clients(server, c).Sessions.GetKernelInfoAsync("k1", cts.Token));
        Assert.Empty(c.Requests);
    }

    [Theory]
    [InlineData(SpecDocuments.Sessions, "getKernelInfo", "{\"lang\":\"python:3.6\",\"age\":\"old\",\"memoryLimit\":1,\"numQueriesExecuted\":1,\"cpuCreditUsed\":1}", "KernelInfo.age")]
    [InlineData(SpecDocuments.Sessions, "getKernelInfo", "{\"lang\":\"python:3.6\",\"age\":1,\"memoryLimit\":1.5,\"numQueriesExecuted\":1,\"cpuCreditUsed\":1}", "KernelInfo.memoryLimit")]
    [InlineData(SpecDocuments.Sessions, "createKernel", "{\"kernelId\":\"k1\"}", "'created'")]
    [InlineData(SpecDocuments.Sessions, "destroyKernel", "{\"stats\":{\"cpu_used\":1}}", "'mem_max_bytes'")]
    [InlineData(SpecDocuments.Sessions, "destroyKernel", "{}", "'stats'")]
    [InlineData(SpecDocuments.Platform, "listDatasets", "{\"datasets\":[{\"id\":\"5d1c0f3a9b2e4c7d8e6f1a2b3c4d5e6f\",\"meta\":{},\"participant\":{\"id\":\"0a1b2c3d4e5f60718293a4b5c6d7e8f9\",\"participant_id\":\"P-001\",\"created_at\":1,\"active\":\"yes\",\"pending\":false,\"status\":\"active\"},\"created_date\":1,\"started_at\":1,\"stopped_at\":null}]}", "Participant.active")]
    [InlineData(SpecDocuments.Platform, "getPipelineStatus", "{\"job_id\":\"9f8e7d6c5b4a39281706f5e4d3c2b1a0\",\"status\":5,\"signed_urls\":null}", "PipelineRunStatus.status")]
    [InlineData(SpecDocuments.Platform, "runPipeline", "[\"9f8e7d6c5b4a39281706f5e4d3c2b1a0\"]", "RunPipelineResponse")]
    public async Task A_body_that_breaks_the_schema_is_an_ApiException_naming_the_member(string api, string operationId, string body, string named)
    {
        var c = server.NewCase().Json(operationId.StartsWith("create", StringComparison.Ordinal) ? 201 : 200, body);
        var error = await ApiError.Catch(() => ClientOperations.Get(api, operationId).Invoke(ClientOperations.Clients(server, c), default));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not match", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(error.Exception.InnerException);
        Assert.Equal(c.Status, error.StatusCode);
        Assert.Equal(body, error.Body);
        Assert.Null(error.ProblemType);
    }

    [Theory]
    [InlineData("text/html", "<html>oops</html>")]
    [InlineData("application/json", "")]
    [InlineData("application/json", "{\"stats\":null} trailing")]
    public async Task A_success_status_without_a_readable_body_is_an_ApiException(string contentType, string body)
    {
        var c = server.NewCase().Json(200, body, contentType);
        var error = await ApiError.Catch(() => ClientOperations.Clients(server, c).Sessions.DestroyKernelAsync("k1"));
        Assert.Equal(200, error.StatusCode);
        Assert.Equal(body.Length == 0 ? null : body, error.Body);
        Assert.IsAssignableFrom<JsonException>(error.Exception.InnerException);
    }

    [Fact]
    public async Task An_undocumented_status_with_a_non_JSON_body_keeps_the_raw_body_and_no_problem()
    {
        var c = server.NewCase().Json(502, "Bad gateway from the proxy", "text/plain");
        c.Headers["Retry-After"] = "7";
        var error = await ApiError.Catch(() => ClientOperations.Clients(server, c).Platform.ListDatasetsAsync("s1"));
        Assert.Equal(502, error.StatusCode);
        Assert.Null(error.ProblemType);
        Assert.Equal("Bad gateway from the proxy", error.Body);
        Assert.Equal(new[] { "7" }, error.Headers["Retry-After"]);
    }

    [Theory]
    [InlineData(200)]
    public async Task CreateKernel_accepts_200_as_the_later_real_server_sent_it(int status)
    {
        var c = server.NewCase().Json(status, "{\"kernelId\":\"k1\",\"created\":false}");
        var created = await ClientOperations.Clients(server, c).Sessions.CreateKernelAsync(ClientOperations.SeedRequest);
        Assert.False(created.Created);
    }

    [Theory]
    [InlineData("", "/kernel/k1", true)]
    [InlineData("", "/kernel/k1", false)]
    [InlineData("v4/", "/v4/kernel/k1", true)]
    [InlineData("v4", "/v4/kernel/k1", true)]
    [InlineData("v4/", "/v4/kernel/k1", false)]
    [InlineData("v2", "/v2/kernel/k1", false)]
    public async Task Sessions_base_address_from_options_or_HttpClient_with_or_without_trailing_slash(string relative, string target, bool viaOptions)
    {
        var c = server.NewCase().Json(200, KernelInfoJson);
        var baseAddress = new Uri(server.Root, relative);
        var http = server.Client(c, new S.BackendAiSigningHandler(ContractServer.AccessKey, ContractServer.SecretKey));
        var client = viaOptions
            ? new S.KernelSessionsClient(http, new S.KernelSessionsClientOptions { BaseAddress = baseAddress })
            : new S.KernelSessionsClient(http.WithBase(baseAddress));

        var info = await client.GetKernelInfoAsync("k1");

        Assert.Equal(12, info.NumQueriesExecuted);
        var request = c.Single();
        Assert.Equal(target, request.RawTarget);
        Assert.True(request.Signature!.IsValid, request.Signature.Reason); // the prefix is part of the signed path
    }

    [Theory]
    [InlineData("api/v1", true)]
    [InlineData("api/v1/", true)]
    [InlineData("api/v1", false)]
    [InlineData("api/v1/", false)]
    public async Task Platform_base_address_keeps_its_path_with_or_without_trailing_slash(string relative, bool viaOptions)
    {
        var c = server.NewCase().Json(200, "{\"datasets\":[]}");
        var baseAddress = new Uri(server.Root, relative);
        var http = server.Client(c);
        var client = viaOptions
            ? new P.KernelPlatformClient(http, new P.KernelPlatformClientOptions { BaseAddress = baseAddress })
            : new P.KernelPlatformClient(http.WithBase(baseAddress));

        var list = await client.ListDatasetsAsync("s1");

        Assert.Empty(list.Datasets);
        Assert.Equal("/api/v1/study/s1/datasets", c.Single().RawTarget);
    }

    [Fact]
    public async Task The_options_base_address_wins_over_the_HttpClient_one()
    {
        var c = server.NewCase().Json(200, KernelInfoJson);
        var http = server.Client(c).WithBase(new Uri(server.Root, "wrong/prefix/"));
        var client = new S.KernelSessionsClient(http, new S.KernelSessionsClientOptions { BaseAddress = new Uri(server.Root, "v3/") });

        await client.GetKernelInfoAsync("k1");

        Assert.Equal("/v3/kernel/k1", c.Single().RawTarget);
    }

    [Fact]
    public async Task Without_any_base_address_the_document_s_first_server_is_used()
    {
        var sessionsStub = new StubHandler(HttpStatusCode.OK, KernelInfoJson);
        await new S.KernelSessionsClient(new HttpClient(sessionsStub)).GetKernelInfoAsync("k1");
        Assert.Equal(new Uri("https://api.backend.ai/kernel/k1"), sessionsStub.Requests.Single().RequestUri);
        Assert.Equal(new Uri("https://api.backend.ai"), S.KernelSessionsClient.DefaultBaseAddress);

        var platformStub = new StubHandler(HttpStatusCode.OK, "{\"datasets\":[]}");
        await new P.KernelPlatformClient(new HttpClient(platformStub), null).ListDatasetsAsync("s1");
        Assert.Equal(new Uri("https://api.kernel.com/api/v1/study/s1/datasets"), platformStub.Requests.Single().RequestUri);
    }

    [Fact]
    public async Task AddKernelSessionsClient_registers_a_typed_client_through_IHttpClientFactory()
    {
        var c = server.NewCase().Json(200, "{\"stats\":null}");
        var services = new ServiceCollection();
        services.AddKernelSessionsClient(o => o.BaseAddress = new Uri(server.Root, "v4/"))
            .AddHttpMessageHandler(() => new S.BackendAiSigningHandler(new S.BackendAiSigningOptions { AccessKey = ContractServer.AccessKey, SecretKey = ContractServer.SecretKey }))
            .AddHttpMessageHandler(() => new CaseHandler(c.Id));
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetService<IHttpClientFactory>());
        var first = provider.GetRequiredService<S.IKernelSessionsClient>();
        var second = provider.GetRequiredService<S.IKernelSessionsClient>();
        Assert.IsType<S.KernelSessionsClient>(first);
        Assert.NotSame(first, second); // typed clients are transient; their handlers are pooled by the factory

        var destroyed = await first.DestroyKernelAsync("k1");
        await second.DestroyKernelAsync("k2");

        Assert.Null(destroyed.Stats);
        var requests = c.Requests.ToList();
        Assert.Equal(new[] { "/v4/kernel/k1", "/v4/kernel/k2" }, requests.Select(r => r.RawTarget));
        Assert.All(requests, r => Assert.True(r.Signature!.IsValid, r.Signature.Reason));
    }

    [Fact]
    public async Task AddKernelPlatformClient_uses_the_HttpClient_base_address_when_the_options_have_none()
    {
        var c = server.NewCase().Json(200, "{\"job_id\":\"9f8e7d6c5b4a39281706f5e4d3c2b1a0\"}");
        var services = new ServiceCollection();
        services.AddKernelPlatformClient()
            .ConfigureHttpClient(h => h.BaseAddress = server.PlatformBase)
            .AddHttpMessageHandler(() => new P.ApiKeyHandler("di-key"))
            .AddHttpMessageHandler(() => new CaseHandler(c.Id));
        using var provider = services.BuildServiceProvider();

        var run = await provider.GetRequiredService<P.IKernelPlatformClient>().RunPipelineAsync("s1", "d1", P.PipelineName.QcEeg);

        Assert.Equal("9f8e7d6c5b4a39281706f5e4d3c2b1a0", run.JobId);
        var request = c.Single();
        Assert.Equal("/api/v1/study/s1/dataset/d1/pipeline/qc_eeg", request.RawTarget);
        Assert.Equal("di-key", request.Header("Authorization"));
    }

    private static string[] Accept(RecordedRequest request) =>
        (request.Header("Accept") ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Answers every request itself, without a network, and keeps the requests.</summary>
    private sealed class StubHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json"), RequestMessage = request });
        }
    }
}

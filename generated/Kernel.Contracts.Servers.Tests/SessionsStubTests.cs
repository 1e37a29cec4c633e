using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Sessions.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Kernel.Contracts.Servers.Tests;

/// <summary>A recording fake behind the generated Sessions stubs.</summary>
internal sealed class FakeSessions : IKernelSessionsServer, IKernelSessionsServerSecurity
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public bool RejectAll { get; set; }

    public ValueTask<IResult?> AuthenticateAsync(HttpContext context, IReadOnlyList<string> schemes, CancellationToken cancellationToken) =>
        new(RejectAll ? Results.Problem(title: "Authentication failed.", type: "https://api.backend.ai/probs/auth-failed", statusCode: 401) : null);

    public Task<CreateKernelResult> CreateKernelAsync(CreateKernelRequest body, HttpContext context, CancellationToken cancellationToken)
    {
        Calls.Enqueue("create " + body.Lang + " " + body.ClientSessionToken + " " + (body.Config?.ClusterSize?.ToString() ?? "-"));
        return Task.FromResult(CreateKernelResult.Created(new CreateKernelResponse { KernelId = body.ClientSessionToken, Created = true }));
    }

    public Task<CreateKernelLegacyResult> CreateKernelLegacyAsync(CreateKernelRequest body, HttpContext context, CancellationToken cancellationToken)
    {
        Calls.Enqueue("legacy " + body.Lang);
        return Task.FromResult(CreateKernelLegacyResult.Created(new CreateKernelResponse { KernelId = body.ClientSessionToken, Created = true }));
    }

    public Task<GetKernelInfoResult> GetKernelInfoAsync(string kernelId, HttpContext context, CancellationToken cancellationToken)
    {
        Calls.Enqueue("info " + kernelId);
        if (kernelId == "boom") throw new InvalidOperationException("a bug in the implementation");
        if (kernelId == "unreadable") throw new BadHttpRequestException("Unexpected end of request content.", 400);
        return Task.FromResult(kernelId == "missing"
            ? GetKernelInfoResult.NotFound(new Problem { Type = "https://api.backend.ai/probs/kernel-not-found", Title = "No such kernel." })
            : GetKernelInfoResult.Ok(new KernelInfo { Lang = "python:3.6", Age = 1, MemoryLimit = 2, NumQueriesExecuted = 3, CpuCreditUsed = 4 }));
    }

    public Task<RestartKernelResult> RestartKernelAsync(string kernelId, HttpContext context, CancellationToken cancellationToken)
    {
        Calls.Enqueue("restart " + kernelId);
        return Task.FromResult(RestartKernelResult.NoContent());
    }

    public Task<DestroyKernelResult> DestroyKernelAsync(string kernelId, HttpContext context, CancellationToken cancellationToken)
    {
        Calls.Enqueue("destroy " + kernelId);
        return Task.FromResult(DestroyKernelResult.Ok(new DestroyKernelResponse { Stats = null }));
    }
}

public sealed class SessionsStubTests : IAsyncLifetime
{
    private readonly FakeSessions _fake = new();
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IKernelSessionsServer>(_fake);
        builder.Services.AddSingleton<IKernelSessionsServerSecurity>(_fake);
        builder.Services.AddSingleton(new KernelSessionsServerOptions { ValidationProblemType = "https://api.backend.ai/probs/invalid-api-params" });
        _app = builder.Build();
        _app.MapKernelSessionsApi();
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    private Task<HttpResponseMessage> Send(string method, string path, string? json = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        return _http.SendAsync(request);
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static string[] Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("name").GetString() + ": " + e.GetProperty("reason").GetString()).ToArray();

    [Theory]
    [InlineData("/kernel", "create")]
    [InlineData("/kernel/create", "legacy")]
    [InlineData("/v2/kernel/create", "legacy")]
    [InlineData("/v4/kernel", "create")]
    public async Task Create_is_routed_under_every_base_path_and_alias(string path, string expected)
    {
        var response = await Send("POST", path, """{"lang":"python:3.6","clientSessionToken":"tok-1","config":{"clusterSize":2}}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"kernelId":"tok-1","created":true}""", await response.Content.ReadAsStringAsync());
        Assert.StartsWith(expected + " python:3.6", Assert.Single(_fake.Calls), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_that_breaks_the_pattern_is_a_400_naming_the_field()
    {
        var problem = await Problem(await Send("POST", "/kernel", """{"lang":"python:3.6","clientSessionToken":"EXAMPLE:STRING"}"""));

        Assert.Equal("https://api.backend.ai/probs/invalid-api-params", problem.GetProperty("type").GetString());
        Assert.Contains(Errors(problem), e => e.StartsWith("clientSessionToken: must match the pattern", StringComparison.Ordinal));
        Assert.Empty(_fake.Calls);
    }

    [Theory]
    [InlineData("""{"clientSessionToken":"tok-1"}""", "lang: is required")]
    [InlineData("""{"lang":"","clientSessionToken":"tok-1"}""", "lang: must be at least 1 characters long")]
    [InlineData("""{"lang":"python","clientSessionToken":"abc"}""", "clientSessionToken: must be at least 4 characters long")]
    [InlineData("""{"lang":"python","clientSessionToken":"tok-1","colour":"red"}""", "colour: is not a member of CreateKernelRequest (unknown members are not allowed)")]
    [InlineData("""{"lang":42,"clientSessionToken":"tok-1"}""", "lang: must be a string")]
    [InlineData("""{"lang":"python","clientSessionToken":"tok-1","config":{"mounts":["a","b","c","d","e","f"]}}""", "config.mounts: must have at most 5 items")]
    [InlineData("""{"lang":"python","clientSessionToken":"tok-1","config":{"clusterSize":0}}""", "config.clusterSize: must be at least 1")]
    [InlineData("""[1,2]""", "body: must be an object")]
    public async Task Invalid_bodies_are_rejected_before_the_handler(string json, string expected)
    {
        var problem = await Problem(await Send("POST", "/kernel", json));

        Assert.Contains(expected, Errors(problem));
        Assert.Empty(_fake.Calls);
    }

    [Theory]
    [InlineData("""{"lang": "python", """, "application/json", "body: is not valid JSON")]
    [InlineData("", "application/json", "body: is required: send a JSON body")]
    [InlineData("lang=python", "application/x-www-form-urlencoded", "body: must be application/json, not application/x-www-form-urlencoded")]
    public async Task Malformed_or_missing_bodies_are_a_400_never_a_500(string body, string contentType, string expected)
    {
        var problem = await Problem(await Send("POST", "/kernel", body, contentType));

        Assert.Contains(Errors(problem), e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new byte[] { 0xff, 0xfe })] // invalid UTF-8 inside a string
    [InlineData(new byte[] { 0x5c, 0x75, 0x44, 0x38, 0x30, 0x30 })] // \uD800, an escaped lone surrogate
    public async Task A_string_that_cannot_be_read_is_a_400_never_a_500(byte[] lang)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/kernel")
        {
            Content = new ByteArrayContent([.. "{\"lang\":\""u8, .. lang, .. "\",\"clientSessionToken\":\"tok-1\"}"u8]),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var problem = await Problem(await _http.SendAsync(request));

        Assert.Contains(Errors(problem), e => e.StartsWith("body: is not valid JSON text", StringComparison.Ordinal));
        Assert.Empty(_fake.Calls);
    }

    [Fact]
    public async Task A_bad_path_parameter_is_a_400()
    {
        var problem = await Problem(await Send("GET", "/kernel/" + new string('x', 65)));

        Assert.Contains("kernelId: must be at most 64 characters long", Errors(problem));
    }

    [Fact]
    public async Task Documented_errors_from_the_handler_go_out_as_problems()
    {
        var response = await Send("GET", "/v3/kernel/missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("No such kernel.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_204_carries_a_content_type_that_does_not_claim_json()
    {
        var response = await Send("PATCH", "/kernel/tok-1");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("restart tok-1", Assert.Single(_fake.Calls));
    }

    [Fact]
    public async Task The_security_hook_runs_before_validation_and_the_handler()
    {
        _fake.RejectAll = true;

        var response = await Send("POST", "/kernel", "not json at all");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_fake.Calls);
    }

    [Fact]
    public void Mapping_without_a_security_hook_fails_at_startup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSingleton<IKernelSessionsServer>(new FakeSessions());
        var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapKernelSessionsApi());
        Assert.Contains("register an IKernelSessionsServerSecurity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_factories_allow_only_documented_statuses()
    {
        var problem = new Problem { Type = "about:blank", Title = "x" };

        Assert.Equal(503, CreateKernelResult.Status(503, problem).StatusCode);
        Assert.Throws<ArgumentOutOfRangeException>(() => CreateKernelResult.Status(404, problem));
    }
}

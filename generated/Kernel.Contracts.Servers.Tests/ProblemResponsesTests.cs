using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Kernel.Sessions.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Kernel.Contracts.Servers.Tests;

/// <summary>
/// <c>UseKernelSessionsProblemResponses()</c>: what ASP.NET Core answers by itself (no route, wrong method, exceptions)
/// becomes a problem with a Content-Type, over real HTTP, with and without an <c>IProblemDetailsService</c>.
/// </summary>
public sealed class ProblemResponsesTests
{
    private static async Task<(WebApplication App, HttpClient Http)> StartAsync(bool addProblemDetails)
    {
        var fake = new FakeSessions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IKernelSessionsServer>(fake);
        builder.Services.AddSingleton<IKernelSessionsServerSecurity>(fake);
        if (addProblemDetails) builder.Services.AddProblemDetails();
        var app = builder.Build();
        app.UseKernelSessionsProblemResponses();
        app.MapKernelSessionsApi();
        await app.StartAsync();
        return (app, new HttpClient { BaseAddress = new Uri(app.Urls.First()) });
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, "expected " + (int)status + ", got " + (int)response.StatusCode + ": " + text);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    [Theory]
    [InlineData(true, "GET", "/nope", HttpStatusCode.NotFound)]
    [InlineData(false, "GET", "/nope", HttpStatusCode.NotFound)]
    [InlineData(true, "GET", "/kernel/../../etc/passwd", HttpStatusCode.NotFound)] // /etc/passwd once normalised
    [InlineData(true, "GET", "/kernel/tok-1/extra", HttpStatusCode.NotFound)]
    [InlineData(true, "GET", "/kernel/boom", HttpStatusCode.InternalServerError)]
    [InlineData(false, "GET", "/kernel/boom", HttpStatusCode.InternalServerError)]
    [InlineData(true, "GET", "/kernel/unreadable", HttpStatusCode.BadRequest)]
    [InlineData(false, "GET", "/kernel/unreadable", HttpStatusCode.BadRequest)]
    public async Task Framework_answers_are_problems(bool addProblemDetails, string method, string path, HttpStatusCode status)
    {
        var (app, http) = await StartAsync(addProblemDetails);
        await using var _ = app;
        using var __ = http;

        var problem = await ProblemAsync(await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)), status);

        // Through the service when there is one (its default type links the RFC); otherwise the stubs' own ApiProblem.
        Assert.Equal(addProblemDetails, problem.GetProperty("type").GetString()!.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("FOO")]
    [InlineData("OPTIONS")]
    public async Task A_wrong_method_is_a_405_problem_with_allow(string method)
    {
        var (app, http) = await StartAsync(addProblemDetails: true);
        await using var _ = app;
        using var __ = http;

        var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/v3/kernel/tok-1"));

        await ProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["DELETE", "GET", "PATCH"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_client_that_refuses_json_still_gets_a_typed_problem(bool addProblemDetails)
    {
        var (app, http) = await StartAsync(addProblemDetails);
        await using var _ = app;
        using var __ = http;
        var request = new HttpRequestMessage(HttpMethod.Get, "/nope");
        request.Headers.Accept.ParseAdd("text/html");

        var problem = await ProblemAsync(await http.SendAsync(request), HttpStatusCode.NotFound);

        Assert.Equal("about:blank", problem.GetProperty("type").GetString());
        Assert.Equal("Not Found", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_documented_responses_are_left_alone()
    {
        var (app, http) = await StartAsync(addProblemDetails: true);
        await using var _ = app;
        using var __ = http;

        var missing = await http.GetAsync("/kernel/missing");
        var restarted = await http.SendAsync(new HttpRequestMessage(HttpMethod.Patch, "/kernel/tok-1"));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal("https://api.backend.ai/probs/kernel-not-found", JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.NoContent, restarted.StatusCode);
        Assert.Equal("application/octet-stream", restarted.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await restarted.Content.ReadAsByteArrayAsync());
    }
}

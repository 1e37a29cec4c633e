using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Kernel.Contracts.Clients.Tests.Server;

/// <summary>What the server answers in one test case, and what it received.</summary>
public sealed class ServerCase
{
    public string Id { get; } = Guid.NewGuid().ToString("N");

    public int Status { get; set; } = 200;

    /// <summary>The response Content-Type, sent exactly as given (null: none).</summary>
    public string? ContentType { get; set; }

    /// <summary>The response body, sent as UTF-8 (null: none).</summary>
    public string? Body { get; set; }

    /// <summary>Extra response headers.</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long to wait before answering (for cancellation tests).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When set, a request whose Backend.AI signature does not verify is answered 400/401 instead of the canned response.</summary>
    public bool EnforceSignature { get; set; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Completed when the server sees a request it was delaying aborted by the client.</summary>
    public TaskCompletionSource Aborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RecordedRequest Single()
    {
        Assert.True(Requests.Count == 1, "expected exactly one request for the case, got " + Requests.Count);
        Requests.TryPeek(out var request);
        return request!;
    }

    /// <summary>Answer with a JSON body.</summary>
    public ServerCase Json(int status, string body, string contentType = "application/json")
    {
        Status = status;
        Body = body;
        ContentType = contentType;
        return this;
    }
}

/// <summary>A request as the server received it.</summary>
/// <param name="Operation">The operationId of the route that matched.</param>
/// <param name="Method">The request method.</param>
/// <param name="RawTarget">The path and query exactly as in the request line.</param>
/// <param name="RouteValues">The decoded route values.</param>
/// <param name="Headers">The request headers (values of a repeated header joined by ", ").</param>
/// <param name="Body">The request body.</param>
/// <param name="Signature">The independent check of the Backend.AI signature (Sessions routes only).</param>
public sealed record RecordedRequest(
    string Operation,
    string Method,
    string RawTarget,
    IReadOnlyDictionary<string, string?> RouteValues,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    SignatureCheck? Signature)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// An in-process Kestrel server on 127.0.0.1 with hand-written routes for every operation of both APIs
/// (Platform under <c>/api/v1</c>; Sessions unprefixed and under <c>/v1</c>…<c>/v4</c>). Each request names its
/// test case in the <c>X-Test-Case</c> header (see <see cref="CaseHandler"/>); the route records the request and
/// answers with the case's canned response.
/// </summary>
public sealed class ContractServer : IAsyncLifetime
{
    public const string CaseHeader = "X-Test-Case";
    public const string AccessKey = "AKIAIOSFODNN7EXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    /// <summary>The operation recorded for a request that matched no route.</summary>
    public const string NoRoute = "(no route)";

    private static readonly string[] Versions = { "v1", "v2", "v3", "v4" };

    private readonly ConcurrentDictionary<string, ServerCase> _cases = new(StringComparer.Ordinal);
    private WebApplication? _app;

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Root { get; private set; } = null!;

    /// <summary>The Platform API's base address on this server: <c>{Root}api/v1</c> (no trailing slash).</summary>
    public Uri PlatformBase => new(Root, "api/v1");

    public IReadOnlyDictionary<string, string> Secrets { get; } = new Dictionary<string, string> { [AccessKey] = SecretKey };

    public ServerCase NewCase()
    {
        var c = new ServerCase();
        _cases[c.Id] = c;
        return c;
    }

    /// <summary>An HttpClient whose pipeline is <paramref name="handlers"/> (outermost first), then the case header, then the network.</summary>
    public HttpClient Client(ServerCase c, params DelegatingHandler[] handlers)
    {
        HttpMessageHandler inner = new CaseHandler(c.Id) { InnerHandler = new SocketsHttpHandler() };
        foreach (var handler in handlers.Reverse())
        {
            handler.InnerHandler = inner;
            inner = handler;
        }

        return new HttpClient(inner);
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();

        Map(app, "GET", "/api/v1/study/{study_id}/datasets", "listDatasets", signed: false);
        Map(app, "POST", "/api/v1/study/{study_id}/dataset/{dataset_id}/pipeline/{pipeline_name}", "runPipeline", signed: false);
        Map(app, "GET", "/api/v1/study/{study_id}/dataset/{dataset_id}/pipeline/{pipeline_name}/status", "getPipelineStatus", signed: false);
        foreach (var prefix in new[] { string.Empty, "/{version}" })
        {
            Map(app, "POST", prefix + "/kernel", "createKernel", signed: true);
            Map(app, "POST", prefix + "/kernel/create", "createKernelLegacy", signed: true);
            Map(app, "GET", prefix + "/kernel/{kernelId}", "getKernelInfo", signed: true);
            Map(app, "PATCH", prefix + "/kernel/{kernelId}", "restartKernel", signed: true);
            Map(app, "DELETE", prefix + "/kernel/{kernelId}", "destroyKernel", signed: true);
        }

        // Anything else is recorded too (so a test sees where a wrong request went) and answered 404.
        app.MapFallback((RequestDelegate)(context => Handle(context, NoRoute, signed: false)));

        await app.StartAsync();
        _app = app;
        var address = app.Urls.Single();
        Root = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private void Map(WebApplication app, string method, string pattern, string operation, bool signed) =>
        app.MapMethods(pattern, new[] { method }, (RequestDelegate)(context => Handle(context, operation, signed)));

    private async Task Handle(HttpContext context, string operation, bool signed)
    {
        var version = context.GetRouteValue("version") as string;
        if (version is not null && !Versions.Contains(version))
        {
            operation = NoRoute;
            signed = false;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var signature = signed && headers.ContainsKey("Authorization")
            ? IndependentBackendAiVerifier.Check(context.Request.Method, rawTarget, headers, body, Secrets, DateTimeOffset.UtcNow)
            : null;
        var routeValues = context.Request.RouteValues.ToDictionary(r => r.Key, r => r.Value?.ToString(), StringComparer.Ordinal);

        if (!headers.TryGetValue(CaseHeader, out var caseId) || !_cases.TryGetValue(caseId, out var c))
        {
            await Write(context, 599, "text/plain", "no test case named in " + CaseHeader, null);
            return;
        }

        c.Requests.Enqueue(new RecordedRequest(operation, context.Request.Method, rawTarget, routeValues, headers, body, signature));

        if (operation == NoRoute)
        {
            await Write(context, 404, "text/plain", "no route for " + context.Request.Method + " " + rawTarget, c);
            return;
        }

        if (c.EnforceSignature && signed && signature is not { IsValid: true })
        {
            var failure = signature ?? new SignatureCheck(401, "no Authorization header", null);
            var (type, title) = failure.Status == 400
                ? ("invalid-auth-params", "Missing or invalid authorization parameters.")
                : ("auth-failed", "Credential/signature mismatch.");
            var problem = "{\"type\":\"https://api.backend.ai/probs/" + type + "\",\"title\":\"" + title + "\",\"detail\":\"" + failure.Reason.Replace("\"", "'", StringComparison.Ordinal) + "\"}";
            await Write(context, failure.Status, "application/problem+json", problem, c);
            return;
        }

        if (c.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(c.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                c.Aborted.TrySetResult();
                return;
            }
        }

        await Write(context, c.Status, c.ContentType, c.Body, c);
    }

    private static async Task Write(HttpContext context, int status, string? contentType, string? body, ServerCase? c)
    {
        context.Response.StatusCode = status;
        if (c is not null)
        {
            context.Response.Headers["X-Request-Id"] = c.Id;
            foreach (var (name, value) in c.Headers)
            {
                context.Response.Headers[name] = value;
            }
        }

        if (contentType is not null)
        {
            context.Response.ContentType = contentType;
        }

        if (body is not null)
        {
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body));
        }
    }
}

/// <summary>Names the test case on every request.</summary>
public sealed class CaseHandler(string caseId) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove(ContractServer.CaseHeader);
        request.Headers.TryAddWithoutValidation(ContractServer.CaseHeader, caseId);
        return base.SendAsync(request, cancellationToken);
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ContractServer>
{
    public const string Name = "Kestrel contract server";
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Contracts.Conformance;
using Kernel.Contracts.Conformance.Probing;
using Kernel.Contracts.Reference.Platform;
using Kernel.Contracts.Reference.ProviderStates;
using Kernel.Contracts.Reference.Sessions;
using Kernel.Sessions.Client;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace Kernel.Contracts.Reference.Tests;

/// <summary>
/// Reads a response as the Backend.AI JavaScript client of 2018 does (shared/reference/backend-ai-v1.md): the
/// Content-Type first (it reads it from every response, a 204 included), then the body as JSON when the type starts
/// with <c>application/json</c> or <c>application/problem+json</c>, whatever the status, as text for <c>text/*</c>, and
/// as bytes otherwise.
/// </summary>
internal static class Js2018Client
{
    /// <summary>Why that client could not read the response, or null when it could.</summary>
    public static string? Unreadable(string? contentType, byte[] body)
    {
        if (contentType is null)
        {
            return "no Content-Type";
        }

        if (contentType.StartsWith("application/json", StringComparison.Ordinal) || contentType.StartsWith("application/problem+json", StringComparison.Ordinal))
        {
            try
            {
                using var _ = JsonDocument.Parse(body);
            }
            catch (JsonException e)
            {
                return "labelled " + contentType + " but " + (body.Length == 0 ? "empty" : "not JSON: " + e.Message) + " (invalid json response body)";
            }
        }
        else if (contentType.StartsWith("text/", StringComparison.Ordinal))
        {
            try
            {
                _ = new UTF8Encoding(false, true).GetString(body);
            }
            catch (DecoderFallbackException)
            {
                return "labelled " + contentType + " but not UTF-8 text";
            }
        }

        return null;
    }
}

/// <summary>Reads every response that passes through as <see cref="Js2018Client"/> does and remembers each it could not.</summary>
internal sealed class Js2018ReadingHandler : DelegatingHandler
{
    public Js2018ReadingHandler(HttpMessageHandler inner, ConcurrentQueue<string> failures, ConcurrentBag<int> statuses)
        : base(inner)
    {
        Failures = failures;
        Statuses = statuses;
    }

    public ConcurrentQueue<string> Failures { get; }

    public ConcurrentBag<int> Statuses { get; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        Statuses.Add((int)response.StatusCode);
        if (request.Method != HttpMethod.Head && Js2018Client.Unreadable(response.Content.Headers.ContentType?.ToString(), body) is { } why)
        {
            Failures.Enqueue(request.Method + " " + request.RequestUri?.PathAndQuery + " -> " + (int)response.StatusCode + ": " + why);
        }

        // Hand the caller a fresh copy: the original stream is spent.
        var copy = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content = copy;
        return response;
    }
}

/// <summary>
/// Every response of both reference servers that the 2018 JavaScript client can meet, read the way it reads them: each
/// committed pact interaction (every operation × documented status, through its provider state), the files behind the
/// signed URLs, a probe of valid and broken requests from the document, and requests no operation matches.
/// </summary>
public sealed class Js2018ClientTests
{
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentBag<int> _statuses = new();

    [Fact]
    public void The_reader_refuses_what_the_client_refuses()
    {
        Assert.Equal("no Content-Type", Js2018Client.Unreadable(null, []));
        Assert.Contains("invalid json response body", Js2018Client.Unreadable("application/json", []), StringComparison.Ordinal);
        Assert.Contains("invalid json response body", Js2018Client.Unreadable("application/problem+json; charset=utf-8", "{\"type\":"u8.ToArray()), StringComparison.Ordinal);
        Assert.NotNull(Js2018Client.Unreadable("text/plain", [0xff, 0xfe, 0xc0]));
        Assert.Null(Js2018Client.Unreadable("application/octet-stream", []));
        Assert.Null(Js2018Client.Unreadable("application/json; charset=utf-8", "{}"u8.ToArray()));
        Assert.Null(Js2018Client.Unreadable("text/html", "<p>hi</p>"u8.ToArray()));
    }

    [Fact]
    public async Task The_2018_client_can_read_every_response_of_the_platform_reference()
    {
        await using var host = await TestHost.StartAsync(s => s.AddPlatformReference(), app => { app.MapPlatformReference(); app.MapReferenceProviderStates(); });
        using var http = new HttpClient(new Js2018ReadingHandler(new SocketsHttpHandler { AllowAutoRedirect = false }, _failures, _statuses)) { BaseAddress = host.BaseAddress };

        await ReplayPactAsync(http, "kernel-platform-client-kernel-platform-api.json", host, sign: null);
        await ProbeAsync(host, "platform", credentials => credentials switch
        {
            ProbeCredentials.Valid => new HeaderHandler("Authorization", PlatformReferenceOptions.DemoApiKey),
            ProbeCredentials.Wrong => new HeaderHandler("Authorization", "not-" + PlatformReferenceOptions.DemoApiKey),
            _ => null,
        });
        await UndocumentedAsync(http, "/api/v1/study/" + PlatformReferenceOptions.DemoStudyId + "/datasets");

        AssertReadable(mustInclude: [200, 400, 401, 403, 404, 405]);
    }

    [Fact]
    public async Task The_2018_client_can_read_every_response_of_the_sessions_reference()
    {
        await using var host = await TestHost.StartAsync(s => s.AddSessionsReference(), app => { app.MapSessionsReference(); app.MapReferenceProviderStates(); });
        using var http = new HttpClient(new Js2018ReadingHandler(new SocketsHttpHandler { AllowAutoRedirect = false }, _failures, _statuses)) { BaseAddress = host.BaseAddress };

        await ReplayPactAsync(http, "kernel-sessions-client-kernel-sessions-api.json", host, sign: version => Signer(host, SessionsReferenceOptions.DemoSecretKey, version));
        await ProbeAsync(host, "sessions", credentials => credentials switch
        {
            ProbeCredentials.Valid => Signer(host, SessionsReferenceOptions.DemoSecretKey, BackendAiSignature.DefaultApiVersion),
            ProbeCredentials.Wrong => Signer(host, "not-" + SessionsReferenceOptions.DemoSecretKey, BackendAiSignature.DefaultApiVersion),
            _ => null,
        });
        await UndocumentedAsync(http, "/v3/kernel/TSSJT2Z4SnmQhxjWMnJljg");

        AssertReadable(mustInclude: [200, 201, 204, 400, 401, 404, 405, 406, 412]);
    }

    private static BackendAiSigningHandler Signer(TestHost host, string secretKey, string version) => new(new BackendAiSigningOptions
    {
        AccessKey = SessionsReferenceOptions.DemoAccessKey,
        SecretKey = secretKey,
        ApiVersion = version,
        TimeProvider = host.Clock,
    });

    private void AssertReadable(int[] mustInclude)
    {
        Assert.True(_failures.IsEmpty, "The 2018 JavaScript client cannot read " + _failures.Count + " of " + _statuses.Count + " responses:\n" + string.Join("\n", _failures.Distinct().Take(40)));
        Assert.All(mustInclude, status => Assert.Contains(status, _statuses));
    }

    /// <summary>Sets up each interaction's provider states and sends its request (signed for the Sessions API).</summary>
    private async Task ReplayPactAsync(HttpClient http, string file, TestHost host, Func<string, DelegatingHandler>? sign)
    {
        var pact = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(PactFolder(), file)))!;
        var interactions = pact["interactions"]!.AsArray();
        Assert.NotEmpty(interactions);
        foreach (var interaction in interactions)
        {
            foreach (var state in interaction!["providerStates"]?.AsArray() ?? [])
            {
                using var setup = await http.PostAsync(ProviderStateEndpoint.Path, new StringContent(new JsonObject { ["state"] = state!["name"]!.GetValue<string>(), ["params"] = state["params"]?.DeepClone() ?? new JsonObject(), ["action"] = "setup" }.ToJsonString(), Encoding.UTF8, "application/json"));
                Assert.True(setup.IsSuccessStatusCode, "provider state '" + state["name"] + "': " + await setup.Content.ReadAsStringAsync());
            }

            var request = interaction["request"]!;
            var query = request["query"] is JsonObject q ? "?" + string.Join("&", q.SelectMany(p => p.Value!.AsArray().Select(v => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(v!.GetValue<string>())))) : string.Empty;
            using var message = new HttpRequestMessage(new HttpMethod(request["method"]!.GetValue<string>()), request["path"]!.GetValue<string>() + query);
            string? contentType = null;
            var version = BackendAiSignature.DefaultApiVersion;
            foreach (var (name, values) in request["headers"]?.AsObject() ?? [])
            {
                var value = values is JsonArray a ? a[0]!.GetValue<string>() : values!.GetValue<string>();
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) contentType = value;
                else if (name.Equals(BackendAiSignature.VersionHeader, StringComparison.OrdinalIgnoreCase)) version = value;
                else message.Headers.TryAddWithoutValidation(name, value);
            }

            if (request["body"] is JsonObject body)
            {
                var content = body["content"];
                var text = content is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : content?.ToJsonString() ?? string.Empty;
                message.Content = new StringContent(text, Encoding.UTF8);
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? body["contentType"]?.GetValue<string>() ?? "application/json");
            }
            else if (contentType is not null)
            {
                message.Content = new ByteArrayContent([]);
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }

            using var response = sign is null ? await http.SendAsync(message) : await SignedSendAsync(message, sign(version), host);
            Assert.True((int)response.StatusCode == interaction["response"]!["status"]!.GetValue<int>(), "'" + interaction["description"] + "' answered " + (int)response.StatusCode + ": " + await response.Content.ReadAsStringAsync());
            await FetchSignedUrlsAsync(http, await response.Content.ReadAsStringAsync());
        }
    }

    private async Task<HttpResponseMessage> SignedSendAsync(HttpRequestMessage message, DelegatingHandler signer, TestHost host)
    {
        signer.InnerHandler = new Js2018ReadingHandler(new SocketsHttpHandler(), _failures, _statuses);
        using var client = new HttpClient(signer) { BaseAddress = host.BaseAddress };
        return await client.SendAsync(message);
    }

    /// <summary>Follows the signed URLs of a pipeline status: a fresh one, and one whose signature was tampered with.</summary>
    private static async Task FetchSignedUrlsAsync(HttpClient http, string body)
    {
        if (!body.Contains("signed_urls", StringComparison.Ordinal)) return;
        var urls = JsonNode.Parse(body)?["signed_urls"]?["urls"]?.AsObject();
        foreach (var (_, url) in urls ?? [])
        {
            using var file = await http.GetAsync(url!.GetValue<string>());
            using var tampered = await http.GetAsync(url.GetValue<string>() + "0");
        }
    }

    private async Task ProbeAsync(TestHost host, string api, Func<ProbeCredentials, DelegatingHandler?> credentials)
    {
        var result = await Prober.RunAsync(EmbeddedDocuments.Load(api), new ProbeOptions
        {
            BaseAddress = host.BaseAddress,
            Seed = 2018,
            MaxRequests = 250,
            TimeLimit = TimeSpan.FromMinutes(2),
            Handler = c =>
            {
                var reader = new Js2018ReadingHandler(new SocketsHttpHandler(), _failures, _statuses);
                if (credentials(c) is not { } auth) return reader;
                auth.InnerHandler = reader;
                return auth;
            },
        });
        Assert.True(result.Requests.Count > 50, "the probe sent only " + result.Requests.Count + " requests");
    }

    /// <summary>Requests no operation matches: unknown paths, traversal, wrong and unknown methods.</summary>
    private static async Task UndocumentedAsync(HttpClient http, string documentedPath)
    {
        string[] paths = ["/", "/nope", "/kernel/../../etc/passwd", documentedPath + "/extra", documentedPath.ToUpperInvariant(), "/favicon.ico"];
        foreach (var path in paths)
        {
            using var response = await http.GetAsync(path);
        }

        foreach (var method in new[] { "PUT", "OPTIONS", "TRACE", "FOO", "POST" })
        {
            using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), documentedPath));
        }
    }

    private static string PactFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "contract-tests", "pacts");
            if (Directory.Exists(candidate)) return candidate;
        }

        throw new DirectoryNotFoundException("contract-tests/pacts not found above " + AppContext.BaseDirectory);
    }

    private sealed class HeaderHandler(string name, string value) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

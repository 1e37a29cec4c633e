using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kernel.Contracts.Pact.Tests;

/// <summary>A tiny Kestrel provider on 127.0.0.1 (free port) serving sessions, with a provider-state endpoint.</summary>
internal sealed class TestProvider : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestProvider(WebApplication app, Uri baseUri)
    {
        this.app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public Uri StateUri => new(BaseUri, "provider-states");

    /// <summary>Every state call received: action, state and raw params JSON.</summary>
    public ConcurrentQueue<(string Action, string State, string Params)> StateCalls { get; } = new();

    /// <summary>Every Authorization header the sessions endpoint received.</summary>
    public ConcurrentQueue<string> AuthorizationHeaders { get; } = new();

    /// <summary>Starts the provider; <paramref name="nameField"/> is the JSON name of the session's name field (a wrong one breaks the contract).</summary>
    public static async Task<TestProvider> StartAsync(string nameField = "name")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        TestProvider? self = null;

        app.MapPost("/provider-states", async (HttpContext context) =>
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body);
            var root = document.RootElement;
            self!.StateCalls.Enqueue((
                root.TryGetProperty("action", out var a) ? a.GetString() ?? "" : "",
                root.TryGetProperty("state", out var s) ? s.GetString() ?? "" : "",
                root.TryGetProperty("params", out var p) ? p.GetRawText() : "{}"));
            return Results.Ok();
        });

        app.MapGet("/sessions/{id:int}", (int id, HttpContext context) =>
        {
            self!.AuthorizationHeaders.Enqueue(context.Request.Headers.Authorization.ToString());
            var body = new System.Collections.Generic.Dictionary<string, object>
            {
                ["id"] = id,
                [nameField] = "session-" + id,
                ["status"] = "RUNNING",
                ["createdAt"] = "2024-05-01T10:00:00",
                ["tags"] = new[] { "gpu", "cpu" },
            };
            return Results.Json(body);
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new TestProvider(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

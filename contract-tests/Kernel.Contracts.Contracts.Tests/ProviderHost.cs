using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kernel.Contracts.Contracts.Tests;

/// <summary>One provider-state change as the verifier posts it.</summary>
public sealed record StateChange(string State, IReadOnlyDictionary<string, JsonElement> Params, string Action)
{
    public string Text(string name) =>
        Params.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new ArgumentException("Provider state '" + State + "' needs the string param '" + name + "'.");

    public int Int(string name) =>
        Params.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt32()
            : throw new ArgumentException("Provider state '" + State + "' needs the number param '" + name + "'.");
}

/// <summary>
/// A reference server on Kestrel at 127.0.0.1 on a free port, with the provider-state endpoint
/// <c>POST /_pact/provider-states</c> (body <c>{"state","params","action":"setup"|"teardown"}</c>).
/// </summary>
public sealed class ProviderHost : IAsyncDisposable
{
    public const string StatePath = "/_pact/provider-states";

    private WebApplication _app = null!;

    private ProviderHost(ManualClock clock) => Clock = clock;

    public Uri BaseAddress { get; private set; } = null!;

    public Uri StateUri => new(BaseAddress, StatePath.TrimStart('/'));

    public ManualClock Clock { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Every state change received, in order.</summary>
    public ConcurrentQueue<StateChange> StateChanges { get; } = new();

    /// <summary>Starts a host: <paramref name="services"/> registers the reference, <paramref name="use"/> adds middleware before the endpoints, <paramref name="map"/> maps them.</summary>
    public static async Task<ProviderHost> StartAsync(
        Action<IServiceCollection> services,
        Action<WebApplication, ProviderHost>? use,
        Action<WebApplication> map,
        Func<ProviderHost, StateChange, Task> onStateChange)
    {
        var host = new ProviderHost(new ManualClock());
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(host.Clock);
        services(builder.Services);
        var app = builder.Build();
        host._app = app;
        app.MapPost(StatePath, async (HttpContext context) =>
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            var root = document.RootElement;
            var state = root.TryGetProperty("state", out var s) ? s.GetString() ?? string.Empty : string.Empty;
            var action = root.TryGetProperty("action", out var a) ? a.GetString() ?? "setup" : "setup";
            var parameters = root.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Object
                ? p.EnumerateObject().ToDictionary(x => x.Name, x => x.Value.Clone(), StringComparer.Ordinal)
                : new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var change = new StateChange(state, parameters, action);
            host.StateChanges.Enqueue(change);
            await onStateChange(host, change);
            return Results.Text("{}", "application/json");
        });
        use?.Invoke(app, host);
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

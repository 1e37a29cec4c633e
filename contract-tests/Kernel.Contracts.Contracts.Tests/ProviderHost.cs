using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Kernel.Contracts.Reference;
using Kernel.Contracts.Reference.ProviderStates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kernel.Contracts.Contracts.Tests;

/// <summary>
/// A reference server on Kestrel at 127.0.0.1 on a free port, with the reference's own provider-state endpoint
/// <c>POST /_pact/provider-states</c> (the one <c>kernel-contracts serve --provider-states</c> offers).
/// </summary>
public sealed class ProviderHost : IAsyncDisposable
{
    private WebApplication _app = null!;

    private ProviderHost(ManualClock clock) => Clock = clock;

    public Uri BaseAddress { get; private set; } = null!;

    public Uri StateUri => new(BaseAddress, ProviderStateEndpoint.Path.TrimStart('/'));

    /// <summary>The clock under the reference's <see cref="ReferenceClock"/> (which provider states move).</summary>
    public ManualClock Clock { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Every state change received, in order.</summary>
    public IEnumerable<ProviderStateChange> StateChanges => Services.GetRequiredService<ProviderStateEndpoint.Journal>().Changes;

    /// <summary>Starts a host: <paramref name="services"/> registers the reference, <paramref name="use"/> adds middleware before the endpoints, <paramref name="map"/> maps them.</summary>
    public static async Task<ProviderHost> StartAsync(Action<IServiceCollection> services, Action<WebApplication, ProviderHost>? use, Action<WebApplication> map)
    {
        var host = new ProviderHost(new ManualClock());
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(host.Clock);
        services(builder.Services);
        var app = builder.Build();
        host._app = app;
        app.MapReferenceProviderStates();
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

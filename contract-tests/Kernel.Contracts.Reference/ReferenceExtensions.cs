using System;
using Kernel.Contracts.Reference.Platform;
using Kernel.Contracts.Reference.ProviderStates;
using Kernel.Contracts.Reference.Sessions;
using Kernel.Platform.Server;
using Kernel.Sessions.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kernel.Contracts.Reference;

/// <summary>Two-line hosting of the reference servers: <c>services.AddXxxReference()</c>, <c>app.MapXxxReference()</c>.</summary>
public static class ReferenceExtensions
{
    /// <summary>Registers the Sessions reference, its HMAC verifier and the stub options (a <see cref="TimeProvider"/> defaults to the system clock).</summary>
    public static IServiceCollection AddSessionsReference(this IServiceCollection services, Action<SessionsReferenceOptions>? configure = null)
    {
        var options = new SessionsReferenceOptions();
        configure?.Invoke(options);
        AddClock(services);
        services.AddSingleton(options);
        services.AddSingleton(sp => new SessionsReferenceServer(options, sp.GetRequiredService<ReferenceClock>()));
        services.AddSingleton<IKernelSessionsServer>(sp => sp.GetRequiredService<SessionsReferenceServer>());
        services.AddSingleton<IKernelSessionsServerSecurity>(sp => new SessionsSecurity(options, sp.GetRequiredService<ReferenceClock>()));
        services.AddSingleton<IProviderStateHandler, SessionsProviderStates>();
        services.AddSingleton(new KernelSessionsServerOptions
        {
            ValidationProblemType = SessionsProblems.InvalidApiParamsType,
            ValidationProblemTitle = SessionsProblems.InvalidApiParamsTitle,
        });
        return services;
    }

    /// <summary>
    /// Maps the Pact provider-state endpoint <c>POST /_pact/provider-states</c> of the reference registered in the
    /// services (<see cref="PlatformProviderStates"/> or <see cref="SessionsProviderStates"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapReferenceProviderStates(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapProviderStates();
        return endpoints;
    }

    // The servers read the time from a ReferenceClock over whatever TimeProvider is registered (the system clock by default).
    private static void AddClock(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ReferenceClock(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ProviderStateEndpoint.Journal>();
    }

    /// <summary>Maps the Sessions API (unprefixed and under <c>/v1</c>..<c>/v4</c>).</summary>
    public static IEndpointRouteBuilder MapSessionsReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapKernelSessionsApi();
        return endpoints;
    }

    /// <summary>Registers the Platform reference, its API-key check and the stub options.</summary>
    public static IServiceCollection AddPlatformReference(this IServiceCollection services, Action<PlatformReferenceOptions>? configure = null)
    {
        var options = new PlatformReferenceOptions();
        configure?.Invoke(options);
        AddClock(services);
        services.AddSingleton(options);
        services.AddSingleton(sp => new PlatformReferenceServer(options, sp.GetRequiredService<ReferenceClock>()));
        services.AddSingleton<IKernelPlatformServer>(sp => sp.GetRequiredService<PlatformReferenceServer>());
        services.AddSingleton<IKernelPlatformServerSecurity, PlatformSecurity>();
        services.AddSingleton<IProviderStateHandler, PlatformProviderStates>();
        services.AddSingleton(new KernelPlatformServerOptions
        {
            ValidationProblemType = PlatformProblems.InvalidParametersType,
            ValidationProblemTitle = PlatformProblems.InvalidParametersTitle,
        });
        return services;
    }

    /// <summary>Maps the Platform API under <c>/api/v1</c> and the signed-URL file route <c>GET /files/{jobId}/{name}</c>.</summary>
    public static IEndpointRouteBuilder MapPlatformReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapKernelPlatformApi();
        endpoints.MapGet("/files/{jobId}/{name}", (string jobId, string name, string? expires, string? signature, PlatformReferenceServer server) =>
            server.ServeFile(jobId, name, expires, signature));
        return endpoints;
    }
}

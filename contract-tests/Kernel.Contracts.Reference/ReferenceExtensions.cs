using System;
using Kernel.Contracts.Reference.Platform;
using Kernel.Contracts.Reference.ProviderStates;
using Kernel.Contracts.Reference.Sessions;
using Kernel.Platform.Server;
using Kernel.Sessions.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kernel.Contracts.Reference;

/// <summary>Two-line hosting of the reference servers: <c>services.AddXxxReference()</c>, <c>app.MapXxxReference()</c>.</summary>
public static class ReferenceExtensions
{
    /// <summary>
    /// Registers the Sessions reference, its HMAC verifier and the stub options (a <see cref="TimeProvider"/> defaults to the
    /// system clock); responses ASP.NET Core writes itself (404, 405, exceptions) become problem details.
    /// </summary>
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
        AddProblemResponses(services, app => app.UseKernelSessionsProblemResponses());
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

    // Every host of a reference (the CLI, the tests, the provider verifications) answers what ASP.NET Core writes itself
    // (no route, wrong method, exceptions) with problem details: a startup filter puts the stubs' middleware first.
    private static void AddProblemResponses(IServiceCollection services, Action<IApplicationBuilder> use)
    {
        services.AddProblemDetails();
        services.AddTransient<IStartupFilter>(_ => new ProblemResponsesFilter(use));
    }

    private sealed class ProblemResponsesFilter(Action<IApplicationBuilder> use) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            use(app);
            next(app);
        };
    }

    /// <summary>Maps the Sessions API (unprefixed and under <c>/v1</c>..<c>/v4</c>).</summary>
    public static IEndpointRouteBuilder MapSessionsReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapKernelSessionsApi();
        return endpoints;
    }

    /// <summary>Registers the Platform reference, its API-key check and the stub options; responses ASP.NET Core writes itself become problem details.</summary>
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
        AddProblemResponses(services, app => app.UseKernelPlatformProblemResponses());
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

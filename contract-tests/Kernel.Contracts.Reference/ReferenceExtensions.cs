using System;
using Kernel.Contracts.Reference.Platform;
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
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<SessionsReferenceServer>();
        services.AddSingleton<IKernelSessionsServer>(sp => sp.GetRequiredService<SessionsReferenceServer>());
        services.AddSingleton<IKernelSessionsServerSecurity, SessionsSecurity>();
        services.AddSingleton(new KernelSessionsServerOptions
        {
            ValidationProblemType = SessionsProblems.InvalidApiParamsType,
            ValidationProblemTitle = SessionsProblems.InvalidApiParamsTitle,
        });
        return services;
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
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<PlatformReferenceServer>();
        services.AddSingleton<IKernelPlatformServer>(sp => sp.GetRequiredService<PlatformReferenceServer>());
        services.AddSingleton<IKernelPlatformServerSecurity, PlatformSecurity>();
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

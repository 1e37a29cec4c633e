using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Contracts.Reference;
using Kernel.Contracts.Reference.ProviderStates;
using Kernel.Contracts.Reference.Sessions;
using Kernel.Sessions.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Server = Kernel.Sessions.Server;

namespace Kernel.Contracts.Contracts.Tests;

/// <summary>
/// The Sessions reference as the pact's provider. The pacts hold no <c>Authorization</c> or date header (the
/// signature changes with every request), so the verifier's requests arrive unsigned: a middleware before the
/// generated endpoints signs each of them, as the client's <see cref="BackendAiSigningHandler"/> would, with the demo
/// key pair and the host's clock, as the signing proxy of <c>kernel-contracts verify</c> does. The reference's own HMAC
/// check then runs unchanged, and its provider states (<see cref="SessionsProviderStates"/>) make the 401 and 400
/// interactions on the server side: they revoke the keys or move the server clock.
/// </summary>
public static class SessionsProvider
{
    public const string Name = "kernel-sessions-api";

    public static Task<ProviderHost> StartAsync() =>
        ProviderHost.StartAsync(
            services => services.AddSessionsReference(),
            (app, host) => app.Use(async (HttpContext context, RequestDelegate next) =>
            {
                if (!context.Request.Path.StartsWithSegments(ProviderStateEndpoint.Path, StringComparison.Ordinal)
                    && string.IsNullOrEmpty(context.Request.Headers.Authorization))
                {
                    await SignAsync(context, host.Clock);
                }

                await next(context);
            }),
            app => app.MapSessionsReference());

    /// <summary>Adds the version, date and Authorization headers to an unsigned request, signing what arrived.</summary>
    private static async Task SignAsync(HttpContext context, TimeProvider clock)
    {
        var request = context.Request;
        string? version = request.Headers[BackendAiSignature.VersionHeader];
        if (string.IsNullOrEmpty(version))
        {
            version = BackendAiSignature.DefaultApiVersion;
            request.Headers[BackendAiSignature.VersionHeader] = version;
        }

        var now = clock.GetUtcNow();
        var date = BackendAiSignature.FormatDate(now);
        request.Headers[BackendAiSignature.DateHeader] = date;
        request.Headers.Remove("Date");

        var body = ReadOnlyMemory<byte>.Empty;
        if (BackendAiSignature.SignsBody(version))
        {
            request.EnableBuffering();
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            request.Body.Position = 0;
            body = buffer.ToArray();
        }

        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target)) target = request.PathBase + request.Path + request.QueryString;
        var parts = new BackendAiRequestParts
        {
            Method = request.Method,
            PathAndQuery = target,
            Date = date,
            Host = request.Host.Value ?? string.Empty,
            ContentType = request.ContentType,
            ApiVersion = version,
            Body = body,
        };
        request.Headers.Authorization = BackendAiSignature.FormatAuthorization(SessionsReferenceOptions.DemoAccessKey, BackendAiSignature.ComputeSignature(SessionsReferenceOptions.DemoSecretKey, parts));
    }
}

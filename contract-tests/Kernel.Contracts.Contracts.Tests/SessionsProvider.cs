using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Contracts.Reference;
using Kernel.Contracts.Reference.Sessions;
using Kernel.Sessions.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Server = Kernel.Sessions.Server;

namespace Kernel.Contracts.Contracts.Tests;

/// <summary>How the verification host signs the requests the verifier replays.</summary>
public enum SigningMode
{
    /// <summary>With the demo key pair and the host's clock: the reference accepts them.</summary>
    Demo,

    /// <summary>With an access key the reference does not know: 401 <c>auth-failed</c>.</summary>
    UnknownAccessKey,

    /// <summary>With a date an hour behind the host's clock: 400 <c>invalid-auth-params</c>.</summary>
    StaleDate,
}

/// <summary>
/// The Sessions reference as the pact's provider. The pacts hold no <c>Authorization</c> or date header (the
/// signature changes with every request), so the verifier's requests arrive unsigned: a middleware before the
/// generated endpoints signs each of them, as the client's <see cref="BackendAiSigningHandler"/> would, with the demo
/// key pair and the host's clock. The reference's own HMAC check then runs unchanged. Provider states switch the
/// signing to an unknown key or a stale date for the 401 and 400 interactions. State is reset on every teardown.
/// </summary>
public static class SessionsProvider
{
    public const string Name = "kernel-sessions-api";

    /// <summary>The session quota of the verification host (the description's example says 5).</summary>
    public const int SessionQuota = 5;

    public const string UnknownAccessKey = "AKIAUNKNOWNKEYEXAMPLE";

    public static Task<ProviderHost> StartAsync()
    {
        var mode = new ModeBox();
        return ProviderHost.StartAsync(
            services =>
            {
                services.AddSessionsReference(o => o.MaxConcurrentSessions = SessionQuota);
                services.Replace(ServiceDescriptor.Singleton<Server.IKernelSessionsServer>(sp =>
                    new ResettableSessions(sp.GetRequiredService<SessionsReferenceOptions>(), sp.GetRequiredService<TimeProvider>())));
            },
            (app, host) => app.Use(async (HttpContext context, RequestDelegate next) =>
            {
                if (!context.Request.Path.StartsWithSegments(ProviderHost.StatePath, StringComparison.Ordinal)
                    && string.IsNullOrEmpty(context.Request.Headers.Authorization))
                {
                    await SignAsync(context, mode.Value, host.Clock);
                }

                await next(context);
            }),
            app => app.MapSessionsReference(),
            async (host, change) =>
            {
                var sessions = (ResettableSessions)host.Services.GetRequiredService<Server.IKernelSessionsServer>();
                if (change.Action == "teardown")
                {
                    sessions.Reset();
                    mode.Value = SigningMode.Demo;
                    return;
                }

                switch (change.State)
                {
                    case SessionsStates.SessionExists:
                        {
                            var client = SignedClient(host);
                            var created = await client.CreateKernelAsync(new CreateKernelRequest { Lang = change.Text("lang"), ClientSessionToken = change.Text("token") });
                            if (!created.Created) throw new InvalidOperationException("The session of state '" + change.State + "' already existed.");
                        }

                        break;
                    case SessionsStates.NoSession:
                    case SessionsStates.NoImage:
                    case SessionsStates.MemoryLimit:
                        break;
                    case SessionsStates.QuotaReached:
                        if (change.Int("limit") != SessionQuota) throw new InvalidOperationException("The verification host's quota is " + SessionQuota + ".");
                        {
                            var client = SignedClient(host);
                            for (var i = 0; i < SessionQuota; i++)
                            {
                                await client.CreateKernelAsync(new CreateKernelRequest { Lang = "python:3.6", ClientSessionToken = "quota-filler-" + i });
                            }
                        }

                        break;
                    case SessionsStates.UnknownAccessKey:
                        mode.Value = SigningMode.UnknownAccessKey;
                        break;
                    case SessionsStates.StaleDate:
                        mode.Value = SigningMode.StaleDate;
                        break;
                    default:
                        throw new InvalidOperationException("Unknown provider state '" + change.State + "'.");
                }
            });
    }

    /// <summary>The generated client, signing with the demo key pair on the host's clock.</summary>
    private static KernelSessionsClient SignedClient(ProviderHost host)
    {
        var handler = new BackendAiSigningHandler(new BackendAiSigningOptions
        {
            AccessKey = SessionsReferenceOptions.DemoAccessKey,
            SecretKey = SessionsReferenceOptions.DemoSecretKey,
            TimeProvider = host.Clock,
        })
        {
            InnerHandler = new HttpClientHandler(),
        };
        return new KernelSessionsClient(new HttpClient(handler), new KernelSessionsClientOptions { BaseAddress = host.BaseAddress });
    }

    /// <summary>Adds the version, date and Authorization headers to an unsigned request, signing what arrived.</summary>
    private static async Task SignAsync(HttpContext context, SigningMode mode, TimeProvider clock)
    {
        var request = context.Request;
        string? version = request.Headers[BackendAiSignature.VersionHeader];
        if (string.IsNullOrEmpty(version))
        {
            version = BackendAiSignature.DefaultApiVersion;
            request.Headers[BackendAiSignature.VersionHeader] = version;
        }

        var now = clock.GetUtcNow();
        var date = BackendAiSignature.FormatDate(mode == SigningMode.StaleDate ? now.AddHours(-1) : now);
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
        var accessKey = mode == SigningMode.UnknownAccessKey ? UnknownAccessKey : SessionsReferenceOptions.DemoAccessKey;
        request.Headers.Authorization = BackendAiSignature.FormatAuthorization(accessKey, BackendAiSignature.ComputeSignature(SessionsReferenceOptions.DemoSecretKey, parts));
    }

    private sealed class ModeBox
    {
        private volatile int _value;

        public SigningMode Value
        {
            get => (SigningMode)_value;
            set => _value = (int)value;
        }
    }

    /// <summary>Delegates to a <see cref="SessionsReferenceServer"/> that <see cref="Reset"/> replaces.</summary>
    private sealed class ResettableSessions(SessionsReferenceOptions options, TimeProvider time) : Server.IKernelSessionsServer
    {
        private volatile SessionsReferenceServer _inner = new(options, time);

        public void Reset() => _inner = new SessionsReferenceServer(options, time);

        public Task<Server.CreateKernelResult> CreateKernelAsync(Server.CreateKernelRequest body, HttpContext context, CancellationToken cancellationToken) =>
            _inner.CreateKernelAsync(body, context, cancellationToken);

        public Task<Server.CreateKernelLegacyResult> CreateKernelLegacyAsync(Server.CreateKernelRequest body, HttpContext context, CancellationToken cancellationToken) =>
            _inner.CreateKernelLegacyAsync(body, context, cancellationToken);

        public Task<Server.GetKernelInfoResult> GetKernelInfoAsync(string kernelId, HttpContext context, CancellationToken cancellationToken) =>
            _inner.GetKernelInfoAsync(kernelId, context, cancellationToken);

        public Task<Server.RestartKernelResult> RestartKernelAsync(string kernelId, HttpContext context, CancellationToken cancellationToken) =>
            _inner.RestartKernelAsync(kernelId, context, cancellationToken);

        public Task<Server.DestroyKernelResult> DestroyKernelAsync(string kernelId, HttpContext context, CancellationToken cancellationToken) =>
            _inner.DestroyKernelAsync(kernelId, context, cancellationToken);
    }
}

/// <summary>The Sessions pact's provider states.</summary>
public static class SessionsStates
{
    public const string SessionExists = "a session exists";
    public const string NoSession = "no session with this kernel id exists";
    public const string NoImage = "there is no image for the lang";
    public const string MemoryLimit = "the server's memory limit is below the request";
    public const string QuotaReached = "the access key has reached its session quota";
    public const string UnknownAccessKey = "the access key is unknown";
    public const string StaleDate = "the request date is out of sync with the server clock";
}

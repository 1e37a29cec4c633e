using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kernel.Contracts.Cli;

/// <summary>
/// A local request filter between the Pact verifier and the provider: it forwards each replayed request to
/// the provider through an authentication handler (the Sessions API's HMAC signature changes with every
/// request, so it cannot be a fixed header in the pact).
/// </summary>
internal sealed class SigningProxy : IAsyncDisposable
{
    private static readonly string[] Dropped = { "Host", "Authorization", "Date", "X-BackendAI-Date", "X-BackendAI-Version", "Content-Length", "Transfer-Encoding", "Connection" };

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;

    private SigningProxy(WebApplication app, HttpClient upstream, Uri address)
    {
        _app = app;
        _upstream = upstream;
        Address = address;
    }

    /// <summary>Where the verifier sends its requests.</summary>
    public Uri Address { get; }

    public static async Task<SigningProxy> StartAsync(Uri provider, DelegatingHandler authentication, CancellationToken cancellationToken)
    {
        authentication.InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false };
        var upstream = new HttpClient(authentication) { BaseAddress = provider, Timeout = TimeSpan.FromSeconds(30) };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(context => ForwardAsync(context, upstream));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SigningProxy(app, upstream, new Uri(address));
    }

    private static async Task ForwardAsync(HttpContext context, HttpClient upstream)
    {
        var target = context.Request.Path.Value!.TrimStart('/') + context.Request.QueryString.Value;
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(upstream.BaseAddress!, target));
        var body = new System.IO.MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var header in context.Request.Headers.Where(h => !Dropped.Contains(h.Key, StringComparer.OrdinalIgnoreCase)))
        {
            if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
            {
                request.Content ??= new ByteArrayContent(Array.Empty<byte>());
                request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        using var response = await upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers).Where(h => !h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Headers[header.Key] = header.Value.ToArray();
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        _upstream.Dispose();
    }
}

/// <summary>Adds a fixed API key header (the Platform API's raw key in <c>Authorization</c>).</summary>
internal sealed class HeaderHandler(string name, string? value) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (value is not null)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return base.SendAsync(request, cancellationToken);
    }
}

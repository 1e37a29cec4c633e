using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Kernel.Contracts.Bench.Clients;

/// <summary>Answers every request with the same canned JSON body, without a socket: only the client's own work is timed.</summary>
public sealed class InMemoryHandler(byte[] body, HttpStatusCode status = HttpStatusCode.OK) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>The last request body received (to check what a client sent).</summary>
    public byte[]? LastRequestBody { get; private set; }

    /// <summary>Keeps the request body for inspection (the smoke test); off while timing.</summary>
    public bool CaptureRequests { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (CaptureRequests && request.Content is not null)
        {
            LastRequestBody = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (request.Content is not null)
        {
            // A real handler would send the body: make every client produce it.
            await request.Content.CopyToAsync(System.IO.Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        return new HttpResponseMessage(status) { Content = content, RequestMessage = request };
    }

    public static HttpClient Client(byte[] body, string baseAddress, HttpStatusCode status = HttpStatusCode.OK) =>
        new(new InMemoryHandler(body, status)) { BaseAddress = new Uri(baseAddress) };
}

using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Kernel.Sessions.Client;

/// <summary>Options of <see cref="BackendAiSigningHandler"/>: the key pair, the API version and the clock.</summary>
public sealed class BackendAiSigningOptions
{
    /// <summary>The access key of the key pair; sent in the <c>Authorization</c> header. Required.</summary>
    public string AccessKey { get; set; } = string.Empty;

    /// <summary>The secret key of the key pair; never sent, it keys the signature. Required.</summary>
    public string SecretKey { get; set; } = string.Empty;

    /// <summary>
    /// The <c>X-BackendAI-Version</c> to send; <see cref="BackendAiSignature.DefaultApiVersion"/> (<c>v4.20181215</c>) by default.
    /// Versions before it also sign the body's hash, so the handler then buffers the body.
    /// </summary>
    public string ApiVersion { get; set; } = BackendAiSignature.DefaultApiVersion;

    /// <summary>The clock that dates each request; <see cref="TimeProvider.System"/> by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}

/// <summary>
/// Signs every request the Backend.AI way (HMAC-SHA256 with an access key and a secret key; see <see cref="BackendAiSignature"/>).
/// Put it in the pipeline of the <see cref="HttpClient"/> of <see cref="KernelSessionsClient"/>, e.g.
/// <c>services.AddKernelSessionsClient().AddHttpMessageHandler(() =&gt; new BackendAiSigningHandler(options))</c>.
/// </summary>
/// <remarks>
/// <para>On each request it sets:</para>
/// <list type="bullet">
/// <item><description><c>X-BackendAI-Version</c>: <see cref="BackendAiSigningOptions.ApiVersion"/>;</description></item>
/// <item><description><c>X-BackendAI-Date</c>: the time of <see cref="BackendAiSigningOptions.TimeProvider"/> in ISO 8601, UTC, e.g.
/// <c>2018-12-15T09:30:00+00:00</c>; a <c>Date</c> header already on the request is removed, because a server prefers <c>Date</c> when
/// both are sent and the signature covers <c>X-BackendAI-Date</c>;</description></item>
/// <item><description><c>Host</c>: the request URI's host, with the port when it is not the default (or the <c>Host</c> already set),
/// set explicitly so that the signed host is the one sent;</description></item>
/// <item><description><c>Content-Type</c>: kept when the request has one; <c>application/json</c> when it has a body without one. A request
/// without a body gets an empty body with <c>Content-Type: application/json</c> (and <c>Content-Length: 0</c>): the content type is a
/// line of the signed string, the API description asks clients to send <c>application/json</c> on every request
/// (spec/DECISIONS.md, Sessions 32), and that is what the JavaScript client of the era sent;</description></item>
/// <item><description><c>Authorization</c>: <c>BackendAI signMethod=HMAC-SHA256, credential=ACCESS_KEY:SIGNATURE</c>, replacing any other.</description></item>
/// </list>
/// <para>The handler keeps no state between requests: one instance may sign any number of concurrent requests. Signing again
/// (e.g. on a retry of the same message) replaces every header it set.</para>
/// </remarks>
public sealed class BackendAiSigningHandler : DelegatingHandler
{
    private readonly string _accessKey;
    private readonly string _secretKey;
    private readonly string _apiVersion;
    private readonly bool _signsBody;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a handler with the default API version and the system clock.</summary>
    /// <param name="accessKey">The access key of the key pair.</param>
    /// <param name="secretKey">The secret key of the key pair.</param>
    public BackendAiSigningHandler(string accessKey, string secretKey)
        : this(new BackendAiSigningOptions { AccessKey = accessKey, SecretKey = secretKey })
    {
    }

    /// <summary>Creates a handler; the options are copied, later changes to them have no effect.</summary>
    /// <param name="options">The key pair, API version and clock.</param>
    /// <exception cref="ArgumentException">A key or the version is missing, or the access key contains <c>:</c> or <c>,</c>.</exception>
    public BackendAiSigningHandler(BackendAiSigningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.AccessKey) || options.AccessKey.Contains(':', StringComparison.Ordinal) || options.AccessKey.Contains(',', StringComparison.Ordinal))
        {
            throw new ArgumentException("The access key is required and cannot contain ':' or ','.", nameof(options));
        }

        if (string.IsNullOrEmpty(options.SecretKey))
        {
            throw new ArgumentException("The secret key is required.", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.ApiVersion))
        {
            throw new ArgumentException("The API version is required.", nameof(options));
        }

        _accessKey = options.AccessKey;
        _secretKey = options.SecretKey;
        _apiVersion = options.ApiVersion;
        _signsBody = BackendAiSignature.SignsBody(options.ApiVersion);
        _timeProvider = options.TimeProvider ?? throw new ArgumentException("The time provider is required.", nameof(options));
    }

    /// <summary>The access key this handler signs with.</summary>
    public string AccessKey => _accessKey;

    /// <summary>The API version this handler sends.</summary>
    public string ApiVersion => _apiVersion;

    /// <summary>Sets the version, date, host, content type and signature headers, then sends the request.</summary>
    /// <param name="request">The request; its URI must be absolute (it is once <see cref="HttpClient"/> has applied its base address).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response of the inner handler.</returns>
    /// <exception cref="InvalidOperationException">The request has no absolute URI.</exception>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri)
        {
            throw new InvalidOperationException("BackendAiSigningHandler needs an absolute request URI: the host and the path are signed.");
        }

        var host = string.IsNullOrEmpty(request.Headers.Host) ? HostHeader(uri) : request.Headers.Host;
        request.Headers.Host = host;

        request.Content ??= new ByteArrayContent(Array.Empty<byte>());
        request.Content.Headers.ContentType ??= new MediaTypeHeaderValue("application/json");

        var body = _signsBody
            ? await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false)
            : Array.Empty<byte>();

        var date = BackendAiSignature.FormatDate(_timeProvider.GetUtcNow());
        var parts = new BackendAiRequestParts
        {
            Method = request.Method.Method,
            PathAndQuery = uri.PathAndQuery,
            Date = date,
            Host = host,
            ContentType = request.Content.Headers.ContentType.ToString(),
            ApiVersion = _apiVersion,
            Body = body,
        };
        var signature = BackendAiSignature.ComputeSignature(_secretKey, parts);

        request.Headers.Remove("Date");
        request.Headers.Remove(BackendAiSignature.DateHeader);
        request.Headers.Remove(BackendAiSignature.VersionHeader);
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation(BackendAiSignature.VersionHeader, _apiVersion);
        request.Headers.TryAddWithoutValidation(BackendAiSignature.DateHeader, date);
        request.Headers.TryAddWithoutValidation("Authorization", BackendAiSignature.FormatAuthorization(_accessKey, signature));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The Host header <see cref="HttpClient"/> would send for <paramref name="uri"/>: host, and port unless it is the scheme's default.</summary>
    private static string HostHeader(Uri uri)
    {
        var host = uri.HostNameType == UriHostNameType.IPv6 ? "[" + uri.IdnHost + "]" : uri.IdnHost;
        return uri.IsDefaultPort ? host : host + ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

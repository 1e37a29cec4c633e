using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kernel.Sessions.Client;

/// <summary>
/// The parts of an HTTP request that a Backend.AI request signature covers, as they are (or were) on the wire.
/// </summary>
/// <remarks>
/// A client fills it in before sending (see <see cref="BackendAiSigningHandler"/>); a server fills it in from the
/// request it received and calls <see cref="BackendAiSignature.Verify"/>.
/// </remarks>
public sealed record BackendAiRequestParts
{
    /// <summary>The HTTP method, e.g. <c>POST</c>; it is signed in upper case.</summary>
    public required string Method { get; init; }

    /// <summary>
    /// The path with its query string exactly as sent in the request line, including any <c>/vN</c> prefix,
    /// e.g. <c>/v2/kernel/create</c> (for a <see cref="Uri"/>: <see cref="Uri.PathAndQuery"/>).
    /// </summary>
    public required string PathAndQuery { get; init; }

    /// <summary>
    /// The value of the date header (<c>X-BackendAI-Date</c>, or <c>Date</c> when that is sent) exactly as sent,
    /// e.g. <c>2018-12-15T09:30:00+00:00</c>. It is signed verbatim, and its calendar date keys the signature.
    /// </summary>
    public required string Date { get; init; }

    /// <summary>The value of the <c>Host</c> header, port included when it is not the scheme's default, e.g. <c>127.0.0.1:5000</c>.</summary>
    public required string Host { get; init; }

    /// <summary>
    /// The <c>Content-Type</c> header as sent, parameters allowed (they are not signed); <see langword="null"/> when none
    /// was sent, which the real server signed as <c>application/octet-stream</c>.
    /// </summary>
    public string? ContentType { get; init; }

    /// <summary>The value of the <c>X-BackendAI-Version</c> header, e.g. <c>v4.20181215</c>.</summary>
    public required string ApiVersion { get; init; }

    /// <summary>
    /// The request body. Only read for API versions before <c>v4.20181215</c> (see <see cref="BackendAiSignature.SignsBody"/>);
    /// from that version on the hash of an empty body is signed whatever the body is.
    /// </summary>
    public ReadOnlyMemory<byte> Body { get; init; }
}

/// <summary>How <see cref="BackendAiSignature.Verify"/> judged a request.</summary>
public enum BackendAiVerificationResult
{
    /// <summary>The date is fresh and the signature matches.</summary>
    Valid,

    /// <summary>The date header cannot be parsed. A server answers 400 <c>invalid-auth-params</c>.</summary>
    InvalidDate,

    /// <summary>The date is further from the server's clock than the allowed skew (±15 minutes). A server answers 400 <c>invalid-auth-params</c>.</summary>
    StaleDate,

    /// <summary>The signature does not match the one computed with the secret key. A server answers 401 <c>auth-failed</c>.</summary>
    SignatureMismatch,
}

/// <summary>
/// The Backend.AI request signature (API v1–v4, 2017–2019), in one place for clients and servers:
/// the string to sign, the signing key, the signature, the <c>Authorization</c> header and a constant-time verification.
/// </summary>
/// <remarks>
/// <para>The scheme, as the real server (lablup/backend.ai-manager) checked it:</para>
/// <list type="number">
/// <item><description>String to sign: these lines joined by <c>\n</c>, no trailing newline: the method in upper case; the path with
/// its query exactly as sent (with any <c>/vN</c> prefix); the date header value exactly as sent; <c>host:</c> and the <c>Host</c>
/// header (port included); <c>content-type:</c> and the media type without parameters; <c>x-backendai-version:</c> and the version;
/// the lowercase hex SHA-256 of the body for versions before <c>v4.20181215</c>, of an empty body from that version on.</description></item>
/// <item><description>Signing key: <c>k1 = HMAC-SHA256(secret key, date as yyyyMMdd)</c>, <c>k2 = HMAC-SHA256(k1, Host header value)</c>;
/// the same host string as in the <c>host:</c> line.</description></item>
/// <item><description>Signature: lowercase <c>hex(HMAC-SHA256(k2, string to sign))</c>, sent as
/// <c>Authorization: BackendAI signMethod=HMAC-SHA256, credential=ACCESS_KEY:SIGNATURE</c>.</description></item>
/// </list>
/// <para>Assumptions where the reference is not explicit:</para>
/// <list type="bullet">
/// <item><description>Strings are UTF-8 encoded for hashing (the real server used Python's <c>str.encode()</c>).</description></item>
/// <item><description>The <c>yyyyMMdd</c> of the key is the UTC calendar date of the date header. The real server formatted the date in the
/// offset it was sent with; the two agree for every date sent in UTC, which is what <see cref="FormatDate"/> and
/// <see cref="BackendAiSigningHandler"/> send. A date without an offset is taken as UTC.</description></item>
/// <item><description>"Before <c>v4.20181215</c>" is an ordinal string comparison of the version, as the real server did it.</description></item>
/// <item><description>The media type is trimmed and lower-cased (media types are case-insensitive; the real server's parser lower-cased it),
/// and a missing <c>Content-Type</c> is signed as <c>application/octet-stream</c>, as the real server did.</description></item>
/// <item><description>Signatures are compared as lowercase hex text, byte for byte in constant time, as the real server did: an upper-case
/// signature does not match.</description></item>
/// </list>
/// </remarks>
public static class BackendAiSignature
{
    /// <summary>The scheme name of the <c>Authorization</c> header: <c>BackendAI</c>.</summary>
    public const string AuthorizationScheme = "BackendAI";

    /// <summary>The only sign method: <c>HMAC-SHA256</c>.</summary>
    public const string SignMethod = "HMAC-SHA256";

    /// <summary>The name of the date header this library sends: <c>X-BackendAI-Date</c>.</summary>
    public const string DateHeader = "X-BackendAI-Date";

    /// <summary>The name of the version header: <c>X-BackendAI-Version</c>.</summary>
    public const string VersionHeader = "X-BackendAI-Version";

    /// <summary>The newest API version of the era, and the first that no longer signs the body: <c>v4.20181215</c>.</summary>
    public const string DefaultApiVersion = "v4.20181215";

    /// <summary>The media type signed when a request has no <c>Content-Type</c>: <c>application/octet-stream</c>.</summary>
    public const string DefaultContentType = "application/octet-stream";

    /// <summary>The lowercase hex SHA-256 of an empty body, signed from <c>v4.20181215</c> on.</summary>
    public const string EmptyBodySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>How far the date of a request may be from the server's clock: 15 minutes either way.</summary>
    public static TimeSpan MaxClockSkew { get; } = TimeSpan.FromMinutes(15);

    /// <summary>Whether requests of <paramref name="apiVersion"/> sign the hash of their body (versions before <c>v4.20181215</c>, compared as ordinal strings).</summary>
    /// <param name="apiVersion">The value of <c>X-BackendAI-Version</c>.</param>
    /// <returns><see langword="true"/> when the body is signed; <see langword="false"/> when the hash of an empty body is signed instead.</returns>
    public static bool SignsBody(string apiVersion)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        return string.CompareOrdinal(apiVersion, DefaultApiVersion) < 0;
    }

    /// <summary>The lowercase hex SHA-256 of <paramref name="body"/>.</summary>
    /// <param name="body">The bytes to hash.</param>
    /// <returns>64 lowercase hex digits.</returns>
    public static string HashBody(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>The media type of a <c>Content-Type</c> value, without parameters, trimmed and in lower case; <see cref="DefaultContentType"/> when there is none.</summary>
    /// <param name="contentType">The header value, e.g. <c>application/json; charset=utf-8</c>, or <see langword="null"/>.</param>
    /// <returns>The media type as signed, e.g. <c>application/json</c>.</returns>
    public static string MediaType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return DefaultContentType;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? contentType : contentType.Substring(0, semicolon)).Trim();
        return mediaType.Length == 0 ? DefaultContentType : mediaType.ToLowerInvariant();
    }

    /// <summary>Builds the string to sign: seven lines joined by <c>\n</c>, without a trailing newline.</summary>
    /// <param name="request">The signed parts of the request.</param>
    /// <returns>The string to sign.</returns>
    public static string BuildStringToSign(BackendAiRequestParts request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bodyHash = SignsBody(request.ApiVersion) ? HashBody(request.Body.Span) : EmptyBodySha256;
        return string.Join(
            "\n",
            request.Method.ToUpperInvariant(),
            request.PathAndQuery,
            request.Date,
            "host:" + request.Host,
            "content-type:" + MediaType(request.ContentType),
            "x-backendai-version:" + request.ApiVersion,
            bodyHash);
    }

    /// <summary>Derives the signing key: <c>HMAC-SHA256(HMAC-SHA256(secret key, yyyyMMdd), host)</c>.</summary>
    /// <param name="secretKey">The secret key of the key pair.</param>
    /// <param name="date">The request date; its UTC calendar date is used.</param>
    /// <param name="host">The <c>Host</c> header value, port included (the same string as in the <c>host:</c> line).</param>
    /// <returns>The 32-byte signing key.</returns>
    public static byte[] DeriveSigningKey(string secretKey, DateTimeOffset date, string host)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        ArgumentNullException.ThrowIfNull(host);
        var day = date.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var k1 = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(day));
        return HMACSHA256.HashData(k1, Encoding.UTF8.GetBytes(host));
    }

    /// <summary>Computes the lowercase hex signature of a request.</summary>
    /// <param name="secretKey">The secret key of the key pair.</param>
    /// <param name="request">The signed parts of the request; its <see cref="BackendAiRequestParts.Date"/> must parse (see <see cref="TryParseDate"/>).</param>
    /// <returns>64 lowercase hex digits.</returns>
    /// <exception cref="FormatException">The date cannot be parsed.</exception>
    public static string ComputeSignature(string secretKey, BackendAiRequestParts request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryParseDate(request.Date, out var date))
        {
            throw new FormatException("The date '" + request.Date + "' is neither ISO 8601 nor an HTTP date.");
        }

        var key = DeriveSigningKey(secretKey, date, request.Host);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(BuildStringToSign(request))));
    }

    /// <summary>Formats a date the way this library sends it: ISO 8601 in UTC with seconds, e.g. <c>2018-12-15T09:30:00+00:00</c>.</summary>
    /// <param name="date">The date; it is converted to UTC.</param>
    /// <returns>The header value.</returns>
    public static string FormatDate(DateTimeOffset date) =>
        date.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>Parses a date header: ISO 8601 (a value without an offset is UTC) or an HTTP date (RFC 1123).</summary>
    /// <param name="value">The header value.</param>
    /// <param name="date">The parsed date.</param>
    /// <returns>Whether the value could be parsed.</returns>
    public static bool TryParseDate(string? value, out DateTimeOffset date)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            date = default;
            return false;
        }

        return DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date)
            || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out date);
    }

    /// <summary>Formats the <c>Authorization</c> header value: <c>BackendAI signMethod=HMAC-SHA256, credential=ACCESS_KEY:SIGNATURE</c>.</summary>
    /// <param name="accessKey">The access key of the key pair.</param>
    /// <param name="signature">The hex signature.</param>
    /// <returns>The header value.</returns>
    public static string FormatAuthorization(string accessKey, string signature)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessKey);
        ArgumentException.ThrowIfNullOrEmpty(signature);
        if (accessKey.Contains(':', StringComparison.Ordinal) || accessKey.Contains(',', StringComparison.Ordinal))
        {
            throw new ArgumentException("An access key cannot contain ':' or ','.", nameof(accessKey));
        }

        return AuthorizationScheme + " signMethod=" + SignMethod + ", credential=" + accessKey + ":" + signature;
    }

    /// <summary>
    /// Parses an <c>Authorization</c> header of the <c>BackendAI</c> scheme, as the real server did: parameters in any order,
    /// separated by commas, spaces around them ignored; <c>signMethod</c> must be <c>HMAC-SHA256</c> (any case).
    /// </summary>
    /// <param name="value">The header value.</param>
    /// <param name="accessKey">The access key of <c>credential</c>.</param>
    /// <param name="signature">The signature of <c>credential</c>.</param>
    /// <returns>Whether the header is well formed; a server answers 400 <c>invalid-auth-params</c> when it is not.</returns>
    public static bool TryParseAuthorization(string? value, out string accessKey, out string signature)
    {
        accessKey = string.Empty;
        signature = string.Empty;
        if (value is null)
        {
            return false;
        }

        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !string.Equals(value.Substring(0, space), AuthorizationScheme, StringComparison.Ordinal))
        {
            return false;
        }

        string? method = null, credential = null;
        foreach (var piece in value.Substring(space + 1).Split(','))
        {
            var equals = piece.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                return false;
            }

            var name = piece.Substring(0, equals).Trim();
            var content = piece.Substring(equals + 1).Trim();
            if (name == "signMethod")
            {
                method = content;
            }
            else if (name == "credential")
            {
                credential = content;
            }
        }

        if (method is null || credential is null || !string.Equals(method, SignMethod, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var colon = credential.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == credential.Length - 1)
        {
            return false;
        }

        accessKey = credential.Substring(0, colon);
        signature = credential.Substring(colon + 1);
        return true;
    }

    /// <summary>
    /// Verifies a request as a server does: the date must parse and lie within <paramref name="maxClockSkew"/> of
    /// <paramref name="now"/>, and <paramref name="signature"/> must equal the signature computed with
    /// <paramref name="secretKey"/>, compared in constant time (<see cref="CryptographicOperations.FixedTimeEquals"/>).
    /// </summary>
    /// <param name="secretKey">The secret key of the access key named in the <c>Authorization</c> header.</param>
    /// <param name="request">The signed parts of the received request.</param>
    /// <param name="signature">The signature from the <c>Authorization</c> header.</param>
    /// <param name="now">The server's clock.</param>
    /// <param name="maxClockSkew">The allowed distance between the request date and <paramref name="now"/>; <see cref="MaxClockSkew"/> when null.</param>
    /// <returns>The verdict; only <see cref="BackendAiVerificationResult.Valid"/> authenticates the request.</returns>
    public static BackendAiVerificationResult Verify(string secretKey, BackendAiRequestParts request, string signature, DateTimeOffset now, TimeSpan? maxClockSkew = null)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signature);
        if (!TryParseDate(request.Date, out var date))
        {
            return BackendAiVerificationResult.InvalidDate;
        }

        if ((date - now).Duration() > (maxClockSkew ?? MaxClockSkew))
        {
            return BackendAiVerificationResult.StaleDate;
        }

        var expected = Encoding.UTF8.GetBytes(ComputeSignature(secretKey, request));
        var actual = Encoding.UTF8.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual)
            ? BackendAiVerificationResult.Valid
            : BackendAiVerificationResult.SignatureMismatch;
    }
}

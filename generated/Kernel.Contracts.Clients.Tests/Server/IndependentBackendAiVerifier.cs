using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Kernel.Contracts.Clients.Tests.Server;

/// <summary>The outcome of checking a request's Backend.AI signature on the server side.</summary>
/// <param name="Status">200 when valid; 400 (invalid-auth-params) or 401 (auth-failed) otherwise.</param>
/// <param name="Reason">What was wrong, or "ok".</param>
/// <param name="StringToSign">The string the server signed, when it got that far.</param>
public sealed record SignatureCheck(int Status, string Reason, string? StringToSign)
{
    public bool IsValid => Status == 200;
}

/// <summary>
/// A server-side check of the Backend.AI signature written for the tests straight from the reference notes
/// (shared/reference/backend-ai-v1.md and the security scheme of the Sessions document), deliberately without
/// BackendAiSignature, so that the client's signing is checked against an independent reading of the scheme.
/// </summary>
public static class IndependentBackendAiVerifier
{
    private static readonly Regex Authorization = new(
        @"^BackendAI\s+signMethod=HMAC-SHA256,\s*credential=(?<key>[^:,\s]+):(?<signature>[0-9a-f]{64})$",
        RegexOptions.CultureInvariant);

    /// <param name="method">The request method as received.</param>
    /// <param name="rawTarget">The path and query as in the request line.</param>
    /// <param name="headers">Request headers, case-insensitive names.</param>
    /// <param name="body">The request body as received.</param>
    /// <param name="secrets">Access key → secret key.</param>
    /// <param name="now">The server's clock.</param>
    public static SignatureCheck Check(string method, string rawTarget, IReadOnlyDictionary<string, string> headers, byte[] body, IReadOnlyDictionary<string, string> secrets, DateTimeOffset now)
    {
        if (!headers.TryGetValue("Authorization", out var authorization))
        {
            return new SignatureCheck(401, "no Authorization header", null);
        }

        var match = Authorization.Match(authorization);
        if (!match.Success)
        {
            return new SignatureCheck(400, "malformed Authorization header: " + authorization, null);
        }

        if (!headers.TryGetValue("X-BackendAI-Version", out var version) || version.Length == 0)
        {
            return new SignatureCheck(400, "no X-BackendAI-Version", null);
        }

        // `Date` wins when both are sent.
        if (!headers.TryGetValue("Date", out var rawDate) && !headers.TryGetValue("X-BackendAI-Date", out rawDate))
        {
            return new SignatureCheck(400, "no date header", null);
        }

        if (!DateTimeOffset.TryParse(rawDate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return new SignatureCheck(400, "unparsable date " + rawDate, null);
        }

        if (Math.Abs((now - date).TotalMinutes) > 15)
        {
            return new SignatureCheck(400, "stale date " + rawDate + " (server time " + now.ToString("O", CultureInfo.InvariantCulture) + ")", null);
        }

        if (!secrets.TryGetValue(match.Groups["key"].Value, out var secret))
        {
            return new SignatureCheck(401, "unknown access key", null);
        }

        var host = headers["Host"];
        var contentType = headers.TryGetValue("Content-Type", out var ct) ? ct.Split(';')[0].Trim() : "application/octet-stream";
        var hashed = string.CompareOrdinal(version, "v4.20181215") < 0 ? body : Array.Empty<byte>();
        var lines = new[]
        {
            method.ToUpperInvariant(),
            rawTarget,
            rawDate,
            "host:" + host,
            "content-type:" + contentType,
            "x-backendai-version:" + version,
            Hex(SHA256.Create().ComputeHash(hashed)),
        };
        var stringToSign = string.Join("\n", lines);

        byte[] key;
        using (var first = new HMACSHA256(Encoding.UTF8.GetBytes(secret)))
        {
            key = first.ComputeHash(Encoding.UTF8.GetBytes(date.ToUniversalTime().ToString("yyyyMMdd", CultureInfo.InvariantCulture)));
        }

        using (var second = new HMACSHA256(key))
        {
            key = second.ComputeHash(Encoding.UTF8.GetBytes(host));
        }

        string expected;
        using (var mac = new HMACSHA256(key))
        {
            expected = Hex(mac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
        }

        var same = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(match.Groups["signature"].Value));
        return same ? new SignatureCheck(200, "ok", stringToSign) : new SignatureCheck(401, "signature mismatch", stringToSign);
    }

    private static string Hex(byte[] bytes) => string.Concat(bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
}

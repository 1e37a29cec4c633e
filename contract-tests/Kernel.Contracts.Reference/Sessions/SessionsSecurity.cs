using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Sessions.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using BackendAiRequestParts = Kernel.Sessions.Client.BackendAiRequestParts;
using BackendAiSignature = Kernel.Sessions.Client.BackendAiSignature;
using BackendAiVerificationResult = Kernel.Sessions.Client.BackendAiVerificationResult;

namespace Kernel.Contracts.Reference.Sessions;

/// <summary>
/// Verifies the Backend.AI HMAC-SHA256 signature. Missing Authorization, unknown key or mismatch → 401
/// <c>auth-failed</c>; malformed header, missing version, missing/unparsable/stale date → 400 <c>invalid-auth-params</c>.
/// </summary>
public sealed class SessionsSecurity : IKernelSessionsServerSecurity
{
    private const string AccessKeyItem = "Kernel.Contracts.Reference.AccessKey";
    private readonly SessionsReferenceOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the verifier.</summary>
    public SessionsSecurity(SessionsReferenceOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    /// <summary>The access key a request was authenticated with.</summary>
    public static string AccessKeyOf(HttpContext context) =>
        context.Items.TryGetValue(AccessKeyItem, out var key) && key is string text ? text : throw new InvalidOperationException("The request was not authenticated.");

    internal static void SetAccessKey(HttpContext context, string accessKey) => context.Items[AccessKeyItem] = accessKey;

    /// <inheritdoc />
    public async ValueTask<IResult?> AuthenticateAsync(HttpContext context, IReadOnlyList<string> schemes, CancellationToken cancellationToken)
    {
        var request = context.Request;
        string? authorization = request.Headers.Authorization;
        if (string.IsNullOrEmpty(authorization))
        {
            return Reject(401, SessionsProblems.AuthFailed("The Authorization header is missing."));
        }

        if (!BackendAiSignature.TryParseAuthorization(authorization, out var accessKey, out var signature))
        {
            return Reject(400, SessionsProblems.InvalidAuthParams("Malformed Authorization header."));
        }

        string? version = request.Headers[BackendAiSignature.VersionHeader];
        if (string.IsNullOrEmpty(version))
        {
            return Reject(400, SessionsProblems.InvalidAuthParams("API version missing in request headers"));
        }

        // Date wins over X-BackendAI-Date when both are sent.
        string? dateHeader = request.Headers.Date;
        if (string.IsNullOrEmpty(dateHeader)) dateHeader = request.Headers[BackendAiSignature.DateHeader];
        if (string.IsNullOrEmpty(dateHeader) || !BackendAiSignature.TryParseDate(dateHeader, out _))
        {
            return Reject(400, SessionsProblems.InvalidAuthParams("Date/time missing or unparsable"));
        }

        if (!_options.Credentials.TryGetValue(accessKey, out var secretKey))
        {
            return Reject(401, SessionsProblems.AuthFailed("Access key not found"));
        }

        var body = ReadOnlyMemory<byte>.Empty;
        if (BackendAiSignature.SignsBody(version))
        {
            request.EnableBuffering();
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            request.Body.Position = 0;
            body = buffer.ToArray();
        }

        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target)) target = request.PathBase + request.Path + request.QueryString;
        var parts = new BackendAiRequestParts
        {
            Method = request.Method,
            PathAndQuery = target,
            Date = dateHeader,
            Host = request.Host.Value ?? string.Empty,
            ContentType = request.ContentType,
            ApiVersion = version,
            Body = body,
        };
        switch (BackendAiSignature.Verify(secretKey, parts, signature, _time.GetUtcNow(), _options.DateTolerance))
        {
            case BackendAiVerificationResult.Valid:
                break;
            case BackendAiVerificationResult.InvalidDate:
                return Reject(400, SessionsProblems.InvalidAuthParams("Date/time missing or unparsable"));
            case BackendAiVerificationResult.StaleDate:
                return Reject(400, SessionsProblems.InvalidAuthParams("Date/time sync error"));
            default:
                return Reject(401, SessionsProblems.AuthFailed("Signature mismatch"));
        }

        SetAccessKey(context, accessKey);
        return null;
    }

    private static IResult Reject(int status, Problem problem) => new ProblemResult(status, problem);

    private sealed class ProblemResult(int status, Problem problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            // The generated result type of any operation serialises a Problem the same way; use one.
            var result = status == 401 ? GetKernelInfoResult.Unauthorized(problem) : GetKernelInfoResult.BadRequest(problem);
            return result.ExecuteAsync(httpContext);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Platform.Server;
using Microsoft.AspNetCore.Http;

namespace Kernel.Contracts.Reference.Platform;

/// <summary>The raw API key in <c>Authorization</c> (no scheme); missing or unknown → 401 <c>unauthorized</c>.</summary>
public sealed class PlatformSecurity : IKernelPlatformServerSecurity
{
    private readonly PlatformReferenceOptions _options;

    /// <summary>Creates the check.</summary>
    public PlatformSecurity(PlatformReferenceOptions options) => _options = options;

    /// <inheritdoc />
    public ValueTask<IResult?> AuthenticateAsync(HttpContext context, IReadOnlyList<string> schemes, CancellationToken cancellationToken)
    {
        string? key = context.Request.Headers.Authorization;
        var instance = context.Request.PathBase + context.Request.Path;
        if (string.IsNullOrEmpty(key))
        {
            return new(ListDatasetsResult.Unauthorized(PlatformProblems.Unauthorized("The request has no Authorization header.", instance)));
        }

        var given = Encoding.UTF8.GetBytes(key);
        var known = false;
        foreach (var candidate in _options.ApiKeys)
        {
            known |= CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), given);
        }

        return known
            ? new((IResult?)null)
            : new(ListDatasetsResult.Unauthorized(PlatformProblems.Unauthorized("The API key is not known or has been revoked.", instance)));
    }
}

using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Kernel.Contracts.Cli;

/// <summary>A plain "is anything listening there" check before a long run, for a readable message instead of a stack trace.</summary>
internal static class Reachability
{
    public static async Task<bool> CheckAsync(Uri provider, TextWriter error, CancellationToken cancellationToken)
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await probe.GetAsync(provider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync("error: the provider at " + provider + " cannot be reached (" + e.Message + "). Is it running?").ConfigureAwait(false);
            return false;
        }
    }
}

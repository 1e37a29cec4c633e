using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Kernel.Contracts.Build;

/// <summary>Ports for the reference servers the build starts: a free one, and waiting until a server answers on it.</summary>
internal static class Ports
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    /// <summary>A loopback port nobody listens on now (the system's choice for port 0).</summary>
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>
    /// Sends GET <paramref name="address"/> until any HTTP response comes back (a server that answers, whatever the
    /// status); false when none did within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<bool> WaitUntilListeningAsync(Uri address, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero) return false;
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(left < RequestTimeout ? left : RequestTimeout);
            try
            {
                using var response = await http.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
                return true;
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Not listening yet (refused, reset, or no answer in time): try again shortly.
            }

            left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero) return false;
            await Task.Delay(left < Pause ? left : Pause, cancellationToken).ConfigureAwait(false);
        }
    }
}

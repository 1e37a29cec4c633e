namespace Kernel.Contracts.Support;

// The generator copies the members of this class into each generated client class (ClientEmitter.Helpers).
// An operation whose one success is a JSON value or no value at all builds its request and returns one of these: its
// method is then not async, and the compiler makes one state machine here instead of one per operation (a fifth of the
// time it spent on a client of 73 operations).
internal static partial class ClientMembers
{
    /// <summary>Sends the request (disposing it and the response); a status in <paramref name="from"/>–<paramref name="to"/> is read as JSON, any other throws <see cref="ApiException"/>.</summary>
    private static async System.Threading.Tasks.Task<T> SendAsync<T>(System.Net.Http.HttpClient httpClient, System.Net.Http.HttpRequestMessage request, int from, int to, JsonCodec.Reader<T> read, System.Threading.CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await httpClient.SendAsync(request, System.Net.Http.HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status >= from && status <= to)
            {
                return await ReadJsonAsync(response, read, cancellationToken).ConfigureAwait(false);
            }

            throw await ApiException.FromResponseAsync(response, null, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends the request (disposing it and the response); a status in <paramref name="from"/>–<paramref name="to"/> is success, any other throws <see cref="ApiException"/>.</summary>
    private static async System.Threading.Tasks.Task SendAsync(System.Net.Http.HttpClient httpClient, System.Net.Http.HttpRequestMessage request, int from, int to, System.Threading.CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await httpClient.SendAsync(request, System.Net.Http.HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status >= from && status <= to)
            {
                return;
            }

            throw await ApiException.FromResponseAsync(response, null, null, cancellationToken).ConfigureAwait(false);
        }
    }
}

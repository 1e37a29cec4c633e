namespace Kernel.Contracts.Support;

// The generator copies the members of this class into each generated client class (ClientEmitter.Helpers).
internal static partial class ClientMembers
{
    /// <summary>Reads the body into a pooled buffer and parses it from there: no copy of the body stays behind.</summary>
    private static async System.Threading.Tasks.Task<T> ReadJsonAsync<T>(System.Net.Http.HttpResponseMessage response, JsonCodec.Reader<T> read, System.Threading.CancellationToken cancellationToken)
    {
        var pool = System.Buffers.ArrayPool<byte>.Shared;
        var length = response.Content.Headers.ContentLength;
        var buffer = pool.Rent(length is > 0 and < 0x3FFFFFC7 ? (int)length.Value + 1 : 16384);
        var count = 0;
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (count == buffer.Length)
                {
                    var larger = pool.Rent(checked(buffer.Length * 2));
                    System.Buffer.BlockCopy(buffer, 0, larger, 0, count);
                    pool.Return(buffer);
                    buffer = larger;
                }

                var received = await stream.ReadAsync(new System.Memory<byte>(buffer, count, buffer.Length - count), cancellationToken).ConfigureAwait(false);
                if (received == 0) break;
                count += received;
            }

            try
            {
                return JsonCodec.Deserialize(new System.ReadOnlySpan<byte>(buffer, 0, count), read);
            }
            catch (System.Text.Json.JsonException e)
            {
                throw ApiException.FromBody(response, new System.ReadOnlySpan<byte>(buffer, 0, count).ToArray(), "the body does not match the API description: " + e.Message, e);
            }
        }
        finally
        {
            pool.Return(buffer);
        }
    }
}

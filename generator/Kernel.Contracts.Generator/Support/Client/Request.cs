namespace Kernel.Contracts.Support;

// The generator copies the members of this class into each generated client class (ClientEmitter.Helpers).
internal static partial class ClientMembers
{
    /// <summary>A request to the absolute <paramref name="uri"/>, with an <c>Accept</c> header when <paramref name="accept"/> is not null.</summary>
    private static System.Net.Http.HttpRequestMessage Request(string method, string uri, string? accept)
    {
        var request = new System.Net.Http.HttpRequestMessage(Method(method), new System.Uri(uri, System.UriKind.Absolute));
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return request;
    }

    // The shared instances for the common methods: no allocation per request.
    private static System.Net.Http.HttpMethod Method(string method) => method switch
    {
        "GET" => System.Net.Http.HttpMethod.Get,
        "POST" => System.Net.Http.HttpMethod.Post,
        "PUT" => System.Net.Http.HttpMethod.Put,
        "DELETE" => System.Net.Http.HttpMethod.Delete,
        _ => new System.Net.Http.HttpMethod(method),
    };
}

// Emitted as {Api}.Client.ApiException.g.cs (SupportEmitter.Exception), after a summary that names the API.
namespace Kernel.Contracts.Support;

[System.CodeDom.Compiler.GeneratedCode("Kernel.Contracts.Generator", "0.0.0")]
public sealed class ApiException : System.Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiException(string message, int statusCode, ApiProblem? problem, System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IReadOnlyList<string>> headers, string? body, System.Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Problem = problem;
        Headers = headers;
        Body = body;
    }

    /// <summary>The HTTP status code of the response.</summary>
    public int StatusCode { get; }

    /// <summary>The problem details, when the server sent <c>application/problem+json</c> (or a JSON body shaped like one).</summary>
    public ApiProblem? Problem { get; }

    /// <summary>The response's headers, content headers included.</summary>
    public System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IReadOnlyList<string>> Headers { get; }

    /// <summary>The raw response body, or null when there was none.</summary>
    public string? Body { get; }

    /// <summary>Builds the exception from a response; reads the body.</summary>
    public static async System.Threading.Tasks.Task<ApiException> FromResponseAsync(System.Net.Http.HttpResponseMessage response, string? reason, System.Exception? innerException, System.Threading.CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return FromBody(response, bytes, reason, innerException);
    }

    /// <summary>The exception for a response whose body has already been read.</summary>
    internal static ApiException FromBody(System.Net.Http.HttpResponseMessage response, byte[] bytes, string? reason, System.Exception? innerException)
    {
        var headers = new System.Collections.Generic.Dictionary<string, System.Collections.Generic.IReadOnlyList<string>>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = System.Linq.Enumerable.ToArray(header.Value);
        }

        foreach (var header in response.Content.Headers)
        {
            headers[header.Key] = System.Linq.Enumerable.ToArray(header.Value);
        }

        var body = bytes.Length == 0 ? null : System.Text.Encoding.UTF8.GetString(bytes);
        ApiProblem? problem = null;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (bytes.Length > 0 && JsonMediaType.Is(mediaType))
        {
            try
            {
                problem = JsonCodec.Deserialize<ApiProblem>(bytes, ApiProblemJsonConverter.ReadValue);
            }
            catch (System.Text.Json.JsonException)
            {
                // Not a problem document: the raw body still carries what the server said.
            }
        }

        var request = response.RequestMessage;
        var message = (request is null ? "The request" : request.Method + " " + request.RequestUri?.AbsolutePath)
            + " answered " + (int)response.StatusCode + " " + response.ReasonPhrase
            + (problem?.Title is { } title ? ": " + title : string.Empty)
            + (problem?.Detail is { } detail ? " (" + detail + ")" : string.Empty)
            + (problem?.Type is { } type ? " [" + type + "]" : string.Empty)
            + (reason is null ? "." : "; " + reason);
        return new ApiException(message, (int)response.StatusCode, problem, headers, body, innerException);
    }
}

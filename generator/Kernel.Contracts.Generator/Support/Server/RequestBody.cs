namespace Kernel.Contracts.Support;

// The generator copies the members of this class into each {Api}ServerEndpoints class (ServerEmitter.Endpoints).
internal static partial class EndpointMembers
{
    /// <summary>Reads the body as JSON; a missing, oversized, non-JSON or malformed body becomes a validation error.</summary>
    private static async System.Threading.Tasks.Task<System.Text.Json.JsonDocument?> ReadJsonAsync(global::Microsoft.AspNetCore.Http.HttpContext context, bool required, int maxBodyBytes, System.Collections.Generic.List<ValidationError> errors)
    {
        var request = context.Request;
        using var buffer = new System.IO.MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBodyBytes)
            {
                errors.Add(new ValidationError(string.Empty, "is larger than " + maxBodyBytes + " bytes"));
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            if (required)
            {
                errors.Add(new ValidationError(string.Empty, "is required: send a JSON body"));
            }

            return null;
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is { Length: > 0 } && !JsonMediaType.Is(mediaType))
        {
            errors.Add(new ValidationError(string.Empty, "must be application/json, not " + mediaType));
            return null;
        }

        try
        {
            return System.Text.Json.JsonDocument.Parse(buffer.ToArray());
        }
        catch (System.Text.Json.JsonException e)
        {
            errors.Add(new ValidationError(string.Empty, "is not valid JSON: " + e.Message));
            return null;
        }
    }
}

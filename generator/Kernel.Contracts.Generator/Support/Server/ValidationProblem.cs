namespace Kernel.Contracts.Support;

// The generator copies the members of this class into each {Api}ServerEndpoints class (ServerEmitter.Endpoints); each
// operation passes the members its documented 400 response's schema has (ServerEmitter.ValidationProblemMembers).
internal static partial class EndpointMembers
{
    /// <summary>The members of the document's problem schema that the 400 for a request breaking the API description fills.</summary>
    [System.Flags]
    private enum ProblemMembers
    {
        None = 0,
        Type = 1,
        Title = 2,
        Status = 4,
        Detail = 8,

        /// <summary><c>errors</c> as one object per violation, with its <c>name</c> and <c>reason</c>.</summary>
        ErrorObjects = 16,

        /// <summary><c>errors</c> as one string per violation, <c>name: reason</c>.</summary>
        ErrorStrings = 32,
    }

    /// <summary>Answers 400 with an application/problem+json body that lists each violation, in the members the schema has.</summary>
    private static async System.Threading.Tasks.Task WriteValidationProblemAsync(global::Microsoft.AspNetCore.Http.HttpContext context, string type, string title, ProblemMembers members, System.Collections.Generic.List<ValidationError> errors)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if ((members & ProblemMembers.Type) != 0) writer.WriteString("type", type);
            if ((members & ProblemMembers.Title) != 0) writer.WriteString("title", title);
            if ((members & ProblemMembers.Status) != 0) writer.WriteNumber("status", 400);
            if ((members & ProblemMembers.Detail) != 0) writer.WriteString("detail", string.Join("; ", errors));
            if ((members & (ProblemMembers.ErrorObjects | ProblemMembers.ErrorStrings)) != 0)
            {
                writer.WriteStartArray("errors");
                foreach (var error in errors)
                {
                    if ((members & ProblemMembers.ErrorObjects) == 0)
                    {
                        writer.WriteStringValue(error.ToString());
                        continue;
                    }

                    writer.WriteStartObject();
                    writer.WriteString("name", error.Name.Length == 0 ? "body" : error.Name);
                    writer.WriteString("reason", error.Reason);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        context.Response.StatusCode = 400;
        context.Response.ContentType = "application/problem+json";
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}

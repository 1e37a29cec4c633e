using System.Linq;
using Kernel.Contracts.Generator.Model;

namespace Kernel.Contracts.Generator.Emitting;

/// <summary>The support types every generated API gets in its namespace: JSON helpers, the problem type, the exception.</summary>
internal static class SupportEmitter
{
    public static string JsonCodec(ApiModel api)
    {
        var w = Emitter.Start(api.Namespace);
        w.Lines(Emitter.Template(JsonCodecText));
        return w.ToString();
    }

    public static string Resolver(ApiModel api)
    {
        var names = new TypeNames(api.Namespace);
        var w = Emitter.Start(api.Namespace);
        w.Summary("Type metadata for every DTO of " + api.Title + ", built on the generated converters: no reflection, trim- and AOT-safe.");
        w.Line("/// <example><code>var options = new JsonSerializerOptions { TypeInfoResolver = " + api.ApiName + "JsonTypeInfoResolver.Instance };</code></example>");
        w.Line(Emitter.GeneratedCodeAttribute);
        using (w.Block("public sealed class " + api.ApiName + "JsonTypeInfoResolver : global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver"))
        {
            w.Summary("The shared instance.");
            w.Line("public static " + api.ApiName + "JsonTypeInfoResolver Instance { get; } = new " + api.ApiName + "JsonTypeInfoResolver();");
            w.Line();
            w.Summary("Options that use only this resolver.");
            w.Line("public static global::System.Text.Json.JsonSerializerOptions Options { get; } = new global::System.Text.Json.JsonSerializerOptions { TypeInfoResolver = Instance };");
            w.Line();
            w.Line("/// <inheritdoc/>");
            using (w.Block("public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type, global::System.Text.Json.JsonSerializerOptions options)"))
            {
                foreach (var type in api.Types.OrderBy(t => t.Name, System.StringComparer.Ordinal))
                {
                    using (w.Block("if (type == typeof(" + names.Named(type.Name) + "))"))
                    {
                        w.Line("return global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<" + names.Named(type.Name) + ">(options, " + names.Converter(type.Name) + ".Instance);");
                    }
                }

                using (w.Block("if (type == typeof(" + names.Named("ApiProblem") + "))"))
                {
                    w.Line("return global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<" + names.Named("ApiProblem") + ">(options, " + names.Converter("ApiProblem") + ".Instance);");
                }

                w.Line("return null;");
            }
        }

        return w.ToString();
    }

    public static string Problem(ApiModel api)
    {
        var w = Emitter.Start(api.Namespace);
        w.Lines(Emitter.Template(ProblemText).Replace("$Codec$", "global::" + api.Namespace + ".JsonCodec"));
        return w.ToString();
    }

    public static string Exception(ApiModel api)
    {
        var w = Emitter.Start(api.Namespace);
        w.Lines(Emitter.Template(ExceptionText).Replace("$Api$", api.Title));
        return w.ToString();
    }

    private const string JsonCodecText = """
/// <summary>Reads and writes JSON values for the generated converters, with messages that say what and where.</summary>
$GeneratedCode$
internal static class JsonCodec
{
    public delegate T Reader<T>(ref global::System.Text.Json.Utf8JsonReader reader);

    public delegate void Writer<T>(global::System.Text.Json.Utf8JsonWriter writer, T value);

    public static void Expect(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Text.Json.JsonTokenType token, string type)
    {
        if (reader.TokenType != token)
        {
            throw new global::System.Text.Json.JsonException(type + ": expected " + Describe(token) + " but found " + Describe(reader.TokenType) + ".");
        }
    }

    public static global::System.Text.Json.JsonException Missing(string type, string property) =>
        new global::System.Text.Json.JsonException(type + ": the required property '" + property + "' is missing.");

    public static global::System.Text.Json.JsonException At(string type, string property, global::System.Text.Json.JsonException inner) =>
        new global::System.Text.Json.JsonException(type + "." + property + ": " + inner.Message, inner);

    public static string ReadString(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        Expect(ref reader, global::System.Text.Json.JsonTokenType.String, "string");
        return reader.GetString()!;
    }

    public static bool ReadBoolean(ref global::System.Text.Json.Utf8JsonReader reader) => reader.TokenType switch
    {
        global::System.Text.Json.JsonTokenType.True => true,
        global::System.Text.Json.JsonTokenType.False => false,
        _ => throw Unexpected(ref reader, "a boolean"),
    };

    public static int ReadInt32(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : throw Unexpected(ref reader, "a 32-bit integer");

    public static long ReadInt64(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : throw Unexpected(ref reader, "a 64-bit integer");

    public static double ReadDouble(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetDouble(out var value) ? value : throw Unexpected(ref reader, "a number");

    public static float ReadSingle(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetSingle(out var value) ? value : throw Unexpected(ref reader, "a number");

    public static decimal ReadDecimal(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetDecimal(out var value) ? value : throw Unexpected(ref reader, "a decimal number");

    public static global::System.DateTimeOffset ReadDateTimeOffset(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.String)
        {
            if (reader.TryGetDateTimeOffset(out var value))
            {
                return value;
            }

            if (global::System.DateTimeOffset.TryParse(reader.GetString(), global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.AssumeUniversal, out value))
            {
                return value;
            }
        }

        throw Unexpected(ref reader, "a date-time string");
    }

    public static global::System.DateOnly ReadDateOnly(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.String && global::System.DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.None, out var value)
            ? value
            : throw Unexpected(ref reader, "a date (yyyy-MM-dd)");

    public static global::System.TimeSpan ReadTimeSpan(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.String && global::System.TimeSpan.TryParse(reader.GetString(), global::System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Unexpected(ref reader, "a time span");

    public static global::System.Guid ReadGuid(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.String && reader.TryGetGuid(out var value) ? value : throw Unexpected(ref reader, "a UUID string");

    public static global::System.Uri ReadUri(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.String && global::System.Uri.TryCreate(reader.GetString(), global::System.UriKind.RelativeOrAbsolute, out var value) ? value : throw Unexpected(ref reader, "a URI string");

    public static byte[] ReadBytes(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.String && reader.TryGetBytesFromBase64(out var value) ? value : throw Unexpected(ref reader, "a base64 string");

    public static global::System.Text.Json.JsonElement ReadAny(ref global::System.Text.Json.Utf8JsonReader reader) =>
        global::System.Text.Json.JsonElement.ParseValue(ref reader);

    public static global::System.Collections.Generic.IReadOnlyList<T> ReadList<T>(ref global::System.Text.Json.Utf8JsonReader reader, Reader<T> read)
    {
        Expect(ref reader, global::System.Text.Json.JsonTokenType.StartArray, "array");
        var list = new global::System.Collections.Generic.List<T>();
        while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndArray)
        {
            try
            {
                list.Add(read(ref reader));
            }
            catch (global::System.Text.Json.JsonException e)
            {
                throw new global::System.Text.Json.JsonException("[" + list.Count + "]: " + e.Message, e);
            }
        }

        return list;
    }

    public static global::System.Collections.Generic.IReadOnlyDictionary<string, T> ReadMap<T>(ref global::System.Text.Json.Utf8JsonReader reader, Reader<T> read)
    {
        Expect(ref reader, global::System.Text.Json.JsonTokenType.StartObject, "object");
        var map = new global::System.Collections.Generic.Dictionary<string, T>();
        while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            try
            {
                map[key] = read(ref reader);
            }
            catch (global::System.Text.Json.JsonException e)
            {
                throw new global::System.Text.Json.JsonException("['" + key + "']: " + e.Message, e);
            }
        }

        return map;
    }

    /// <summary>The string value of a top-level property of the object the reader stands on, without moving it.</summary>
    public static string? PeekString(global::System.Text.Json.Utf8JsonReader reader, global::System.ReadOnlySpan<byte> property)
    {
        Expect(ref reader, global::System.Text.Json.JsonTokenType.StartObject, "object");
        while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(property);
            reader.Read();
            if (match)
            {
                return reader.TokenType == global::System.Text.Json.JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return null;
    }

    public static void WriteString(global::System.Text.Json.Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);

    public static void WriteBoolean(global::System.Text.Json.Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    public static void WriteInt32(global::System.Text.Json.Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);

    public static void WriteInt64(global::System.Text.Json.Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

    public static void WriteDouble(global::System.Text.Json.Utf8JsonWriter writer, double value) => writer.WriteNumberValue(value);

    public static void WriteSingle(global::System.Text.Json.Utf8JsonWriter writer, float value) => writer.WriteNumberValue(value);

    public static void WriteDecimal(global::System.Text.Json.Utf8JsonWriter writer, decimal value) => writer.WriteNumberValue(value);

    public static void WriteDateTimeOffset(global::System.Text.Json.Utf8JsonWriter writer, global::System.DateTimeOffset value) => writer.WriteStringValue(value);

    public static void WriteDateOnly(global::System.Text.Json.Utf8JsonWriter writer, global::System.DateOnly value) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture));

    public static void WriteTimeSpan(global::System.Text.Json.Utf8JsonWriter writer, global::System.TimeSpan value) =>
        writer.WriteStringValue(value.ToString("c", global::System.Globalization.CultureInfo.InvariantCulture));

    public static void WriteGuid(global::System.Text.Json.Utf8JsonWriter writer, global::System.Guid value) => writer.WriteStringValue(value);

    public static void WriteUri(global::System.Text.Json.Utf8JsonWriter writer, global::System.Uri value) => writer.WriteStringValue(value.OriginalString);

    public static void WriteBytes(global::System.Text.Json.Utf8JsonWriter writer, byte[] value) => writer.WriteBase64StringValue(value);

    public static void WriteAny(global::System.Text.Json.Utf8JsonWriter writer, global::System.Text.Json.JsonElement value) => value.WriteTo(writer);

    public static void WriteList<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.Collections.Generic.IReadOnlyList<T> value, Writer<T> write)
    {
        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++)
        {
            write(writer, value[i]);
        }

        writer.WriteEndArray();
    }

    public static void WriteMap<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.Collections.Generic.IReadOnlyDictionary<string, T> value, Writer<T> write)
    {
        writer.WriteStartObject();
        foreach (var pair in value)
        {
            writer.WritePropertyName(pair.Key);
            write(writer, pair.Value);
        }

        writer.WriteEndObject();
    }

    [global::System.ThreadStatic]
    private static global::System.Buffers.ArrayBufferWriter<byte>? t_buffer;

    [global::System.ThreadStatic]
    private static global::System.Text.Json.Utf8JsonWriter? t_writer;

    /// <summary>Serializes a value to UTF-8 JSON (through a buffer and writer kept per thread: only the result is allocated).</summary>
    public static byte[] Serialize<T>(T value, Writer<T> write)
    {
        var buffer = t_buffer ??= new global::System.Buffers.ArrayBufferWriter<byte>(4096);
        var writer = t_writer ??= new global::System.Text.Json.Utf8JsonWriter(buffer);
        // Taken while in use, so a writer callback that serializes again gets its own (no corruption, only an allocation).
        t_buffer = null;
        t_writer = null;
        try
        {
            buffer.Clear();
            writer.Reset(buffer);
            write(writer, value);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            writer.Reset();
            if (buffer.Capacity <= 1024 * 1024)
            {
                // Keep it for the next call on this thread (a huge one is let go rather than held forever).
                t_buffer = buffer;
                t_writer = writer;
            }
        }
    }

    /// <summary>Deserializes one JSON value from UTF-8 bytes; trailing content is an error.</summary>
    public static T Deserialize<T>(global::System.ReadOnlySpan<byte> json, Reader<T> read)
    {
        var reader = new global::System.Text.Json.Utf8JsonReader(json, new global::System.Text.Json.JsonReaderOptions { CommentHandling = global::System.Text.Json.JsonCommentHandling.Disallow });
        if (!reader.Read())
        {
            throw new global::System.Text.Json.JsonException("The body is empty; a JSON value was expected.");
        }

        var value = read(ref reader);
        if (reader.Read())
        {
            throw new global::System.Text.Json.JsonException("Unexpected content after the JSON value.");
        }

        return value;
    }

    private static global::System.Text.Json.JsonException Unexpected(ref global::System.Text.Json.Utf8JsonReader reader, string expected)
    {
        var found = reader.TokenType is global::System.Text.Json.JsonTokenType.String or global::System.Text.Json.JsonTokenType.Number
            ? Describe(reader.TokenType) + " " + global::System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? global::System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray())
            : Describe(reader.TokenType);
        return new global::System.Text.Json.JsonException("expected " + expected + " but found " + found + ".");
    }

    private static string Describe(global::System.Text.Json.JsonTokenType token) => token switch
    {
        global::System.Text.Json.JsonTokenType.StartObject => "an object",
        global::System.Text.Json.JsonTokenType.StartArray => "an array",
        global::System.Text.Json.JsonTokenType.String => "a string",
        global::System.Text.Json.JsonTokenType.Number => "a number",
        global::System.Text.Json.JsonTokenType.True or global::System.Text.Json.JsonTokenType.False => "a boolean",
        global::System.Text.Json.JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
""";

    private const string ProblemText = """
/// <summary>An RFC 9457 problem details document (<c>application/problem+json</c>), as servers send it with an error.</summary>
$GeneratedCode$
[global::System.Text.Json.Serialization.JsonConverter(typeof(ApiProblemJsonConverter))]
public sealed partial record ApiProblem
{
    /// <summary>A URI reference that identifies the problem type.</summary>
    public string? Type { get; init; }

    /// <summary>A short summary of the problem type.</summary>
    public string? Title { get; init; }

    /// <summary>The HTTP status code the server sent.</summary>
    public int? Status { get; init; }

    /// <summary>An explanation specific to this occurrence.</summary>
    public string? Detail { get; init; }

    /// <summary>A URI reference that identifies this occurrence.</summary>
    public string? Instance { get; init; }

    /// <summary>Every other member of the document (such as <c>errors</c>), as JSON.</summary>
    public global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Text.Json.JsonElement>? Extensions { get; init; }
}

/// <summary>Reads and writes <see cref="ApiProblem"/> without reflection.</summary>
$GeneratedCode$
public sealed class ApiProblemJsonConverter : global::System.Text.Json.Serialization.JsonConverter<ApiProblem>
{
    /// <summary>The shared instance.</summary>
    public static ApiProblemJsonConverter Instance { get; } = new ApiProblemJsonConverter();

    /// <inheritdoc/>
    public override ApiProblem Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) => ReadValue(ref reader);

    /// <inheritdoc/>
    public override void Write(global::System.Text.Json.Utf8JsonWriter writer, ApiProblem value, global::System.Text.Json.JsonSerializerOptions options) => WriteValue(writer, value);

    /// <summary>Reads one problem document.</summary>
    public static ApiProblem ReadValue(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        $Codec$.Expect(ref reader, global::System.Text.Json.JsonTokenType.StartObject, "ApiProblem");
        string? type = null, title = null, detail = null, instance = null;
        int? status = null;
        global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>? extensions = null;
        while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "type" when reader.TokenType == global::System.Text.Json.JsonTokenType.String:
                    type = reader.GetString();
                    break;
                case "title" when reader.TokenType == global::System.Text.Json.JsonTokenType.String:
                    title = reader.GetString();
                    break;
                case "status" when reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetInt32(out var code):
                    status = code;
                    break;
                case "detail" when reader.TokenType == global::System.Text.Json.JsonTokenType.String:
                    detail = reader.GetString();
                    break;
                case "instance" when reader.TokenType == global::System.Text.Json.JsonTokenType.String:
                    instance = reader.GetString();
                    break;
                default:
                    (extensions ??= new global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>())[name] = global::System.Text.Json.JsonElement.ParseValue(ref reader);
                    break;
            }
        }

        return new ApiProblem { Type = type, Title = title, Status = status, Detail = detail, Instance = instance, Extensions = extensions };
    }

    /// <summary>Writes one problem document.</summary>
    public static void WriteValue(global::System.Text.Json.Utf8JsonWriter writer, ApiProblem value)
    {
        writer.WriteStartObject();
        if (value.Type is not null) writer.WriteString("type"u8, value.Type);
        if (value.Title is not null) writer.WriteString("title"u8, value.Title);
        if (value.Status is not null) writer.WriteNumber("status"u8, value.Status.Value);
        if (value.Detail is not null) writer.WriteString("detail"u8, value.Detail);
        if (value.Instance is not null) writer.WriteString("instance"u8, value.Instance);
        if (value.Extensions is not null)
        {
            foreach (var pair in value.Extensions)
            {
                writer.WritePropertyName(pair.Key);
                pair.Value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }
}
""";

    private const string ExceptionText = """
/// <summary>
/// Thrown when the $Api$ answers with a status the operation does not document as a success,
/// or with a body that does not match the API description.
/// </summary>
$GeneratedCode$
public sealed class ApiException : global::System.Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiException(string message, int statusCode, ApiProblem? problem, global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>> headers, string? body, global::System.Exception? innerException = null)
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
    public global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>> Headers { get; }

    /// <summary>The raw response body, or null when there was none.</summary>
    public string? Body { get; }

    /// <summary>Builds the exception from a response; reads the body.</summary>
    public static async global::System.Threading.Tasks.Task<ApiException> FromResponseAsync(global::System.Net.Http.HttpResponseMessage response, string? reason, global::System.Exception? innerException, global::System.Threading.CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return FromBody(response, bytes, reason, innerException);
    }

    /// <summary>The exception for a response whose body has already been read.</summary>
    internal static ApiException FromBody(global::System.Net.Http.HttpResponseMessage response, byte[] bytes, string? reason, global::System.Exception? innerException)
    {
        var headers = new global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.IReadOnlyList<string>>(global::System.StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = global::System.Linq.Enumerable.ToArray(header.Value);
        }

        foreach (var header in response.Content.Headers)
        {
            headers[header.Key] = global::System.Linq.Enumerable.ToArray(header.Value);
        }

        var body = bytes.Length == 0 ? null : global::System.Text.Encoding.UTF8.GetString(bytes);
        ApiProblem? problem = null;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (bytes.Length > 0 && mediaType is not null && (mediaType.EndsWith("json", global::System.StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                problem = JsonCodec.Deserialize<ApiProblem>(bytes, ApiProblemJsonConverter.ReadValue);
            }
            catch (global::System.Text.Json.JsonException)
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
""";
}

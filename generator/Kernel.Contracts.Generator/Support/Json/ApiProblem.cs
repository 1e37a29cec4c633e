// Emitted into every API's namespace as {Api}.Support.ApiProblem.g.cs (SupportEmitter.Problem).
namespace Kernel.Contracts.Support;

/// <summary>An RFC 9457 problem details document (<c>application/problem+json</c>), as servers send it with an error.</summary>
[System.CodeDom.Compiler.GeneratedCode("Kernel.Contracts.Generator", "0.0.0")]
[System.Text.Json.Serialization.JsonConverter(typeof(ApiProblemJsonConverter))]
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
    public System.Collections.Generic.IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Extensions { get; init; }
}

/// <summary>Reads and writes <see cref="ApiProblem"/> without reflection.</summary>
[System.CodeDom.Compiler.GeneratedCode("Kernel.Contracts.Generator", "0.0.0")]
public sealed class ApiProblemJsonConverter : System.Text.Json.Serialization.JsonConverter<ApiProblem>
{
    /// <summary>The shared instance.</summary>
    public static ApiProblemJsonConverter Instance { get; } = new ApiProblemJsonConverter();

    /// <inheritdoc/>
    public override ApiProblem Read(ref System.Text.Json.Utf8JsonReader reader, System.Type typeToConvert, System.Text.Json.JsonSerializerOptions options) => ReadValue(ref reader);

    /// <inheritdoc/>
    public override void Write(System.Text.Json.Utf8JsonWriter writer, ApiProblem value, System.Text.Json.JsonSerializerOptions options) => WriteValue(writer, value);

    /// <summary>Reads one problem document.</summary>
    public static ApiProblem ReadValue(ref System.Text.Json.Utf8JsonReader reader)
    {
        global::Kernel.Contracts.Support.JsonCodec.Expect(ref reader, System.Text.Json.JsonTokenType.StartObject, "ApiProblem");
        string? type = null, title = null, detail = null, instance = null;
        int? status = null;
        System.Collections.Generic.Dictionary<string, System.Text.Json.JsonElement>? extensions = null;
        while (reader.Read() && reader.TokenType != System.Text.Json.JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "type" when reader.TokenType == System.Text.Json.JsonTokenType.String:
                    type = reader.GetString();
                    break;
                case "title" when reader.TokenType == System.Text.Json.JsonTokenType.String:
                    title = reader.GetString();
                    break;
                case "status" when reader.TokenType == System.Text.Json.JsonTokenType.Number && reader.TryGetInt32(out var code):
                    status = code;
                    break;
                case "detail" when reader.TokenType == System.Text.Json.JsonTokenType.String:
                    detail = reader.GetString();
                    break;
                case "instance" when reader.TokenType == System.Text.Json.JsonTokenType.String:
                    instance = reader.GetString();
                    break;
                default:
                    (extensions ??= new System.Collections.Generic.Dictionary<string, System.Text.Json.JsonElement>())[name] = System.Text.Json.JsonElement.ParseValue(ref reader);
                    break;
            }
        }

        return new ApiProblem { Type = type, Title = title, Status = status, Detail = detail, Instance = instance, Extensions = extensions };
    }

    /// <summary>Writes one problem document.</summary>
    public static void WriteValue(System.Text.Json.Utf8JsonWriter writer, ApiProblem value)
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

using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kernel.Contracts.OpenApi;

/// <summary>
/// Reads JSON text straight into a <see cref="JsonNode"/> tree with <see cref="Utf8JsonReader"/>. <see cref="JsonNode.Parse(string, JsonNodeOptions?, JsonDocumentOptions)"/>
/// builds a <see cref="JsonDocument"/> first and each node's members again from it when they are first read, and
/// sees a repeated member only then; this reader builds each node once and meets a repeated member as it reads it.
/// Strings, booleans and null are read as <see cref="JsonValue.Create(string?, JsonNodeOptions?)"/> and the like,
/// as <see cref="YamlToJson"/> reads them; a number keeps its text, as a <see cref="JsonElement"/>.
/// </summary>
internal static class JsonTree
{
    private static readonly JsonReaderOptions Options = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip, MaxDepth = DocumentLimits.MaxDepth };

    /// <exception cref="JsonException">The text is not JSON, or nests deeper than <see cref="DocumentLimits.MaxDepth"/>.</exception>
    /// <exception cref="RepeatedMemberException">An object holds a member twice.</exception>
    public static JsonNode? Parse(string text)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, 0, text.Length, bytes, 0);
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(bytes, 0, length), Options);
            reader.Read();
            var root = Value(ref reader, new Strings());

            // Anything after the root value is an error at its place.
            reader.Read();
            return root;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static JsonNode? Value(ref Utf8JsonReader reader, Strings strings)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new JsonObject();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = strings.Read(ref reader);
                    reader.Read();
                    var value = Value(ref reader, strings);
                    if (obj.ContainsKey(name))
                    {
                        throw new RepeatedMemberException();
                    }

                    obj.Add(name, value);
                }

                return obj;
            case JsonTokenType.StartArray:
                var array = new JsonArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    array.Add(Value(ref reader, strings));
                }

                return array;
            case JsonTokenType.String:
                return JsonValue.Create(strings.Read(ref reader));
            case JsonTokenType.Number:
                return JsonValue.Create(JsonElement.ParseValue(ref reader));
            case JsonTokenType.True:
                return JsonValue.Create(true);
            case JsonTokenType.False:
                return JsonValue.Create(false);
            default:
                return null;
        }
    }
}

/// <summary>An object of a JSON text holds a member twice; <see cref="DocumentText"/> asks the YAML reader where.</summary>
internal sealed class RepeatedMemberException : Exception
{
}

using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Kernel.Contracts.Pact.Matchers;

/// <summary>
/// A Pact matching rule with its example, written as the core's "integration JSON"
/// (<c>{"pact:matcher:type": "...", "value": example, ...}</c>). Create one with <see cref="Match"/>;
/// place it anywhere in a body object (it serializes itself), or as a path, query or header value.
/// </summary>
/// <remarks>
/// The example is serialized when the body is, with the body's <see cref="JsonSerializerOptions"/>, so
/// matchers nested inside examples (e.g. <c>Match.EachLike(new { id = Match.Integer(1) })</c>) follow the
/// same naming policy as the rest of the body.
/// </remarks>
[JsonConverter(typeof(MatcherJsonConverter))]
public sealed class Matcher
{
    private static readonly JsonSerializerOptions DefaultOptions = PactConfig.CreateDefaultJsonOptions();

    private readonly IReadOnlyList<KeyValuePair<string, object>> attributes;
    private readonly bool hasValue;

    internal Matcher(string type, object? example, bool hasValue = true, params KeyValuePair<string, object>[] attributes)
    {
        Type = type;
        Example = example;
        this.hasValue = hasValue;
        this.attributes = attributes;
    }

    /// <summary>The Pact matcher type, e.g. <c>type</c>, <c>regex</c>, <c>integer</c>.</summary>
    public string Type { get; }

    /// <summary>The example value written into the pact and served by the mock server.</summary>
    public object? Example { get; }

    /// <summary>Converts a matcher to a <see cref="JsonNode"/>, for bodies built as <see cref="JsonObject"/>.</summary>
    public static implicit operator JsonNode(Matcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        return matcher.ToJsonNode();
    }

    /// <summary>The integration JSON of this matcher, serialized with web defaults (camelCase, relaxed escaping).</summary>
    public JsonNode ToJsonNode(JsonSerializerOptions? options = null) =>
        JsonSerializer.SerializeToNode(this, options ?? DefaultOptions)!;

    /// <summary>The integration JSON of this matcher as text.</summary>
    public string ToJson(JsonSerializerOptions? options = null) =>
        JsonSerializer.Serialize(this, options ?? DefaultOptions);

    /// <inheritdoc />
    public override string ToString() => ToJson();

    internal void Write(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("pact:matcher:type", Type);
        foreach (var (name, value) in attributes)
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, value, value.GetType(), options);
        }

        if (hasValue)
        {
            writer.WritePropertyName("value");
            if (Example is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                JsonSerializer.Serialize(writer, Example, Example.GetType(), options);
            }
        }

        writer.WriteEndObject();
    }
}

/// <summary>Writes a <see cref="Matcher"/> as integration JSON; matchers are never read back.</summary>
internal sealed class MatcherJsonConverter : JsonConverter<Matcher>
{
    public override Matcher Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Pact matchers are written into pacts, not read from JSON.");

    public override void Write(Utf8JsonWriter writer, Matcher value, JsonSerializerOptions options) =>
        value.Write(writer, options);
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace Kernel.Contracts.Conformance.Probing;

/// <summary>
/// What a probe needs to know of one schema to break it on purpose: its type, its constraints, and for objects
/// their members (with <c>allOf</c> merged and <c>$ref</c>s followed).
/// </summary>
internal sealed class SchemaShape
{
    private SchemaShape()
    {
    }

    public string? Type { get; private init; }

    public bool Nullable { get; private init; }

    public string? Pattern { get; private init; }

    /// <summary>The sampler of <see cref="Pattern"/>; null when there is no pattern or it is one the sampler does not support.</summary>
    public RegexSampler? PatternSampler { get; private init; }

    /// <summary>Why <see cref="Pattern"/> has no sampler (an unsupported construct and its position).</summary>
    public string? PatternUnsupported { get; private init; }

    public string? Format { get; private init; }

    public int? MinLength { get; private init; }

    public int? MaxLength { get; private init; }

    public decimal? Minimum { get; private init; }

    public decimal? Maximum { get; private init; }

    public IReadOnlyList<JsonNode?>? Enum { get; private init; }

    public bool Closed { get; private init; }

    public IReadOnlyDictionary<string, SchemaShape> Properties { get; private init; } = new Dictionary<string, SchemaShape>();

    public IReadOnlyCollection<string> Required { get; private init; } = [];

    public static SchemaShape Of(ApiDocument document, string pointer, int depth = 0) =>
        Of(document, document.Resolve(pointer) as JsonObject ?? new JsonObject(), pointer, depth);

    private static SchemaShape Of(ApiDocument document, JsonObject node, string pointer, int depth)
    {
        (node, pointer) = document.Deref(node, pointer);
        var properties = new Dictionary<string, SchemaShape>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        var parts = new List<(JsonObject Node, string Pointer)> { (node, pointer) };
        if (node["allOf"] is JsonArray all)
        {
            for (var i = 0; i < all.Count; i++)
            {
                if (all[i] is JsonObject part) parts.Add(document.Deref(part, pointer + "/allOf/" + i));
            }
        }

        string? type = null;
        var nullable = false;
        var closed = false;
        foreach (var (part, partPointer) in parts)
        {
            switch (part["type"])
            {
                case JsonValue single:
                    type ??= single.GetValue<string>();
                    break;
                case JsonArray many:
                    var names = many.Select(t => t!.GetValue<string>()).ToList();
                    nullable |= names.Contains("null");
                    type ??= names.FirstOrDefault(t => t != "null");
                    break;
            }

            nullable |= part["nullable"] is JsonValue n && n.GetValueKind() == System.Text.Json.JsonValueKind.True;
            closed |= part["additionalProperties"] is JsonValue a && a.GetValueKind() == System.Text.Json.JsonValueKind.False;
            foreach (var name in part["required"] as JsonArray ?? []) required.Add(name!.GetValue<string>());
            if (depth < 3)
            {
                foreach (var (name, child) in part["properties"] as JsonObject ?? [])
                {
                    if (child is JsonObject childNode) properties[name] = Of(document, childNode, partPointer + "/properties/" + ApiDocument.Escape(name), depth + 1);
                }
            }
        }

        var pattern = node["pattern"]?.GetValue<string>();
        string? unsupported = null;
        return new SchemaShape
        {
            Type = type ?? (properties.Count > 0 ? "object" : null),
            Nullable = nullable,
            Pattern = pattern,
            PatternSampler = pattern is null ? null : RegexSampler.TryCreate(pattern, out unsupported),
            PatternUnsupported = unsupported,
            Format = node["format"]?.GetValue<string>(),
            MinLength = (int?)Number(node["minLength"]),
            MaxLength = (int?)Number(node["maxLength"]),
            Minimum = Number(node["minimum"]),
            Maximum = Number(node["maximum"]),
            Enum = (node["enum"] as JsonArray)?.Select(v => v?.DeepClone()).ToList(),
            Closed = closed,
            Properties = properties,
            Required = required,
        };
    }

    private static decimal? Number(JsonNode? node) =>
        node is JsonValue v && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Conformance.Evolution;

/// <summary>
/// What a schema allows, as the diff compares it: the schema behind its <c>$ref</c>s with its <c>allOf</c> parts merged
/// (properties and required members united, bounds intersected), types apart from <c>null</c>, and nullability from
/// either OpenAPI 3.0's <c>nullable</c> or 3.1's <c>"null"</c> type.
/// </summary>
internal sealed class SchemaView
{
    /// <summary>The numeric keywords the diff compares; <c>Upper</c> when a smaller value is tighter.</summary>
    public static readonly (string Keyword, bool Upper)[] Bounds =
    [
        ("maxLength", true), ("minLength", false), ("maximum", true), ("minimum", false),
        ("exclusiveMaximum", true), ("exclusiveMinimum", false), ("maxItems", true), ("minItems", false),
    ];

    private readonly List<JsonObject> _parts;

    private SchemaView(string pointer, List<(JsonObject Node, string Pointer)> parts)
    {
        Pointer = pointer;
        _parts = parts.Select(p => p.Node).ToList();
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (node, partPointer) in parts)
        {
            switch (node["type"])
            {
                case JsonValue value when value.TryGetValue<string>(out var type):
                    Add(type);
                    break;
                case JsonArray array:
                    foreach (var item in array) if (item is JsonValue v && v.TryGetValue<string>(out var t)) Add(t);
                    break;
            }

            if (node["nullable"] is JsonValue nullable && nullable.TryGetValue<bool>(out var isNullable) && isNullable) Nullable = true;
            if (node["enum"] is JsonArray values)
            {
                Enum = values.Where(v => v is not null).Select(v => v!.ToJsonString()).ToList();
                if (values.Any(v => v is null)) Nullable = true;
            }

            foreach (var (name, _) in node["properties"] as JsonObject ?? [])
            {
                Properties.TryAdd(name, partPointer + "/properties/" + Pointers.Escape(name));
            }

            foreach (var name in node["required"] as JsonArray ?? [])
            {
                if (name is JsonValue v && v.TryGetValue<string>(out var member)) Required.Add(member);
            }

            if (node["additionalProperties"] is JsonValue open && open.TryGetValue<bool>(out var allowed) && !allowed) Closed = true;
            if (node["items"] is JsonObject) Items ??= partPointer + "/items";
            Alternatives += (node["oneOf"] as JsonArray)?.Count ?? 0;
            Alternatives += (node["anyOf"] as JsonArray)?.Count ?? 0;
        }

        Types = types;
        ShownTypes = types.Count == 0 ? "any" : string.Join("|", types.Order(StringComparer.Ordinal));

        void Add(string type)
        {
            if (type == "null") Nullable = true;
            else types.Add(type);
        }
    }

    /// <summary>The pointer of the schema behind its references.</summary>
    public string Pointer { get; }

    /// <summary>Its types other than <c>null</c>; empty for any type.</summary>
    public IReadOnlySet<string> Types { get; }

    /// <summary>Its types as text, <c>any</c> when none is given.</summary>
    public string ShownTypes { get; }

    /// <summary>Whether <c>null</c> is allowed.</summary>
    public bool Nullable { get; private set; }

    /// <summary>Its enum values as JSON text (null excluded), or null without an enum.</summary>
    public IReadOnlyList<string>? Enum { get; }

    /// <summary>Member name → the pointer of its schema.</summary>
    public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);

    /// <summary>The required members.</summary>
    public HashSet<string> Required { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether members it does not name are refused (<c>additionalProperties: false</c>).</summary>
    public bool Closed { get; }

    /// <summary>The pointer of its array items' schema.</summary>
    public string? Items { get; }

    /// <summary>How many <c>oneOf</c>/<c>anyOf</c> alternatives it has.</summary>
    public int Alternatives { get; }

    /// <summary>Reads the schema at <paramref name="pointer"/> of <paramref name="document"/>; a broken reference reads as an empty schema.</summary>
    public static SchemaView Read(ApiDocument document, string pointer)
    {
        try
        {
            var parts = document.AllOfParts(document.Resolve(pointer) as JsonObject ?? [], pointer);
            return new SchemaView(parts[0].Pointer, parts.ToList());
        }
        catch (SpecException)
        {
            return new SchemaView(pointer, [([], pointer)]);
        }
    }

    /// <summary>A numeric keyword across the parts: the tightest value, or null when none sets it (3.0's boolean exclusive bounds read as absent).</summary>
    public decimal? Number(string keyword)
    {
        var upper = Array.Find(Bounds, b => b.Keyword == keyword).Upper;
        decimal? result = null;
        foreach (var part in _parts)
        {
            // Read from the JSON text: a value may hold a long, a double or a JsonElement, depending on who made it.
            if (part[keyword] is not JsonValue value || value.GetValueKind() != System.Text.Json.JsonValueKind.Number
                || !decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) continue;
            result = result is null ? number : upper ? Math.Min(result.Value, number) : Math.Max(result.Value, number);
        }

        return result;
    }

    /// <summary>A text keyword (<c>pattern</c>, <c>format</c>): the first part that sets it.</summary>
    public string? Text(string keyword) =>
        _parts.Select(p => p[keyword] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null).FirstOrDefault(t => t is not null);
}

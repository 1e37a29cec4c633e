using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kernel.Contracts.OpenApi;

/// <summary>A numeric bound: its value and whether the value itself is excluded.</summary>
public readonly record struct Bound(decimal Value, bool Exclusive);

/// <summary>
/// The value constraints of a schema with its <c>allOf</c> parts merged: every part must hold, so the tightest bound
/// of each kind wins and the first pattern, format and enum found (the schema's own, then its parts') apply.
/// <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> are read in both forms: 3.0's flag beside <c>minimum</c> and
/// 3.1's number.
/// </summary>
public sealed record SchemaConstraints(
    string? Type,
    bool Nullable,
    string? Pattern,
    string? Format,
    int? MinLength,
    int? MaxLength,
    Bound? Minimum,
    Bound? Maximum,
    IReadOnlyList<JsonNode?>? Enum,
    bool Closed)
{
    /// <summary>The merged constraints of the schema at <paramref name="pointer"/> (references followed).</summary>
    public static SchemaConstraints Of(ApiDocument document, JsonObject schema, string pointer)
    {
        string? type = null, pattern = null, format = null;
        var nullable = false;
        var closed = false;
        int? minLength = null, maxLength = null;
        Bound? minimum = null, maximum = null;
        IReadOnlyList<JsonNode?>? values = null;
        foreach (var (part, _) in document.AllOfParts(schema, pointer))
        {
            switch (part["type"])
            {
                case JsonValue single:
                    type ??= single.GetValue<string>();
                    break;
                case JsonArray many:
                    var names = many.Select(t => t?.ToString()).ToList();
                    nullable |= names.Contains("null");
                    type ??= names.FirstOrDefault(t => t != "null");
                    break;
            }

            nullable |= part["nullable"] is JsonValue n && n.GetValueKind() == JsonValueKind.True;
            closed |= part["additionalProperties"] is JsonValue a && a.GetValueKind() == JsonValueKind.False;
            pattern ??= part["pattern"]?.ToString();
            format ??= part["format"]?.ToString();
            values ??= (part["enum"] as JsonArray)?.Select(v => v?.DeepClone()).ToList();
            minLength = Tighter(minLength, (int?)Number(part["minLength"]), Math.Max);
            maxLength = Tighter(maxLength, (int?)Number(part["maxLength"]), Math.Min);
            minimum = Tighter(minimum, BoundOf(part, "minimum", "exclusiveMinimum"), lower: true);
            maximum = Tighter(maximum, BoundOf(part, "maximum", "exclusiveMaximum"), lower: false);
        }

        return new SchemaConstraints(type, nullable, pattern, format, minLength, maxLength, minimum, maximum, values, closed);
    }

    /// <summary>The tighter of two bounds: the larger lower bound or the smaller upper one; exclusive wins a tie.</summary>
    public static Bound? Tighter(Bound? a, Bound? b, bool lower)
    {
        if (a is not { } x) return b;
        if (b is not { } y) return a;
        if (x.Value == y.Value) return new Bound(x.Value, x.Exclusive || y.Exclusive);
        return (x.Value > y.Value) == lower ? x : y;
    }

    private static int? Tighter(int? a, int? b, Func<int, int, int> pick) => a is null ? b : b is null ? a : pick(a.Value, b.Value);

    private static Bound? BoundOf(JsonObject schema, string inclusive, string exclusive)
    {
        var exclusiveNode = schema[exclusive];
        if (exclusiveNode is JsonValue flag && flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            // 3.0: a flag that makes "minimum" exclusive.
            return Number(schema[inclusive]) is { } value ? new Bound(value, flag.GetValueKind() == JsonValueKind.True) : null;
        }

        // 3.1: a number of its own; with both, the tighter.
        var own = Number(schema[inclusive]) is { } v ? new Bound(v, false) : (Bound?)null;
        var excl = Number(exclusiveNode) is { } e ? new Bound(e, true) : (Bound?)null;
        return Tighter(own, excl, lower: inclusive == "minimum");
    }

    private static decimal? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}

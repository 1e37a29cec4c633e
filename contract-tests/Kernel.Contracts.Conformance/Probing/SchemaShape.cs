using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Kernel.Contracts.OpenApi;

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

    public Bound? Minimum { get; private init; }

    public Bound? Maximum { get; private init; }

    public IReadOnlyList<JsonNode?>? Enum { get; private init; }

    public bool Closed { get; private init; }

    public IReadOnlyDictionary<string, SchemaShape> Properties { get; private init; } = new Dictionary<string, SchemaShape>();

    public IReadOnlyCollection<string> Required { get; private init; } = [];

    public static SchemaShape Of(ApiDocument document, string pointer, int depth = 0) =>
        Of(document, document.Resolve(pointer) as JsonObject ?? new JsonObject(), pointer, depth);

    private static SchemaShape Of(ApiDocument document, JsonObject node, string pointer, int depth)
    {
        // The constraints come from the one reading of allOf (the tightest bound wins); members from every part.
        var constraints = SchemaConstraints.Of(document, node, pointer);
        var properties = new Dictionary<string, SchemaShape>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (part, partPointer) in document.AllOfParts(node, pointer))
        {
            foreach (var name in part["required"] as JsonArray ?? []) required.Add(name!.GetValue<string>());
            if (depth >= 3) continue;
            foreach (var (name, child) in part["properties"] as JsonObject ?? [])
            {
                if (child is JsonObject childNode) properties[name] = Of(document, childNode, partPointer + "/properties/" + Pointers.Escape(name), depth + 1);
            }
        }

        var pattern = constraints.Pattern;
        string? unsupported = null;
        return new SchemaShape
        {
            Type = constraints.Type ?? (properties.Count > 0 ? "object" : null),
            Nullable = constraints.Nullable,
            Pattern = pattern,
            PatternSampler = pattern is null ? null : RegexSampler.TryCreate(pattern, out unsupported),
            PatternUnsupported = unsupported,
            Format = constraints.Format,
            MinLength = constraints.MinLength,
            MaxLength = constraints.MaxLength,
            Minimum = constraints.Minimum,
            Maximum = constraints.Maximum,
            Enum = constraints.Enum,
            Closed = constraints.Closed,
            Properties = properties,
            Required = required,
        };
    }
}

/// <summary>The shapes of a document's schemas, each read once per probe.</summary>
internal sealed class SchemaShapes(ApiDocument document)
{
    private readonly Dictionary<string, SchemaShape> _shapes = new(StringComparer.Ordinal);

    /// <summary>The shape of the schema at <paramref name="pointer"/>.</summary>
    public SchemaShape Of(string pointer)
    {
        if (!_shapes.TryGetValue(pointer, out var shape))
        {
            _shapes[pointer] = shape = SchemaShape.Of(document, pointer);
        }

        return shape;
    }
}

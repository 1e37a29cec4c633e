using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Generator.Parsing;

/// <summary>
/// The rules for a member's value that every version shares (a flag is true or false, a count a whole number, a map's
/// entry an object, a mapping names a schema, a security requirement lists scopes), and the walk that applies them to
/// a Swagger 2.0 document before Microsoft.OpenApi reads it (OpenAPI 3.x documents: <see cref="OpenApiGrammar"/>).
/// Microsoft.OpenApi's reader converts such members without checking (it calls <c>int.Parse</c>,
/// <c>bool.Parse</c> and <c>decimal.Parse</c> on them, and keeps a map entry that is not an object as null),
/// before it reads the document: each one of the wrong kind is reported at its place and removed, so a broken
/// member is a diagnostic and not an exception that stops the whole document.
/// </summary>
internal static class DocumentShape
{
    private static readonly HashSet<string> Booleans = new(StringComparer.Ordinal)
    {
        "required", "deprecated", "nullable", "readOnly", "writeOnly", "uniqueItems", "allowEmptyValue", "explode",
        "allowReserved", "attribute", "wrapped", "additionalProperties", "unevaluatedProperties",
    };

    private static readonly HashSet<string> Counts = new(StringComparer.Ordinal)
    {
        "maxLength", "minLength", "maxItems", "minItems", "maxProperties", "minProperties", "maxContains", "minContains",
    };

    /// <summary>Members whose value is a map of named objects (read as such by Microsoft.OpenApi).</summary>
    private static readonly HashSet<string> ObjectMaps = new(StringComparer.Ordinal)
    {
        "paths", "webhooks", "pathItems", "schemas", "responses", "requestBodies", "headers", "securitySchemes", "links",
        "callbacks", "examples", "content", "encoding", "variables", "properties", "patternProperties", "$defs",
        "dependentSchemas", "definitions",
    };

    /// <summary>JSON Schema's maps of schemas by name: an <c>x-</c> name there is a name like any other, not an extension.</summary>
    private static readonly HashSet<string> SchemaMaps = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "$defs", "dependentSchemas",
    };

    /// <summary>Members that hold plain values (examples, defaults, enums) or names, not OpenAPI objects.</summary>
    private static readonly HashSet<string> Values = new(StringComparer.Ordinal)
    {
        "example", "default", "enum", "const", "value", "scopes",
    };

    public const string NamelessReason = "it ends without a name; a reference names a part of a document, such as '#/components/schemas/Name'";

    /// <summary>Whether a reference ends without the name Microsoft.OpenApi takes as its id (<c>#</c>, <c>#/components/schemas/</c>).</summary>
    public static bool IsNameless(string reference) => reference.Length == 0 || reference == "#" || reference.EndsWith("/", StringComparison.Ordinal);

    /// <summary>Removes every member of the wrong kind from <paramref name="root"/>, a Swagger 2.0 document, reporting each (pointer, message).</summary>
    public static void Check(JsonObject root, Action<string, string> report) => VisitObject(root, Trail.Root, report);

    private static void VisitObject(JsonObject obj, Trail trail, Action<string, string> report)
    {
        List<string>? removed = null;
        foreach (var pair in obj)
        {
            var (key, value) = (pair.Key, pair.Value);
            // Schemas' "examples" (3.1) are a list of plain values; elsewhere a map of Example objects.
            if (key.StartsWith("x-", StringComparison.Ordinal) || Values.Contains(key) || (key == "examples" && value is not JsonObject))
            {
                continue;
            }

            // Swagger 2.0 spells exclusiveMaximum and exclusiveMinimum as booleans, as OpenAPI 3.0 does.
            if (value is JsonValue scalar && ValueProblem(key, scalar, booleanExclusive: true) is { } problem)
            {
                report(trail.At(key), problem);
                (removed ??= new List<string>()).Add(key);
                continue;
            }

            if (key == "mapping" && value is JsonObject mapping)
            {
                CheckMapping(mapping, trail.Child(key), report);
                continue;
            }

            if (key == "security" && value is JsonArray requirements)
            {
                CheckSecurity(requirements, trail.Child(key), report);
                continue;
            }

            // In components (and Swagger 2.0's root), parameters are a map; in operations and path items a list.
            var isMap = ObjectMaps.Contains(key) || (key == "parameters" && (trail.Depth == 0 || (trail.Depth == 1 && trail.Segment == "components")));
            switch (value)
            {
                case JsonObject map when isMap:
                    VisitMap(map, trail.Child(key), key, report);
                    break;
                case JsonObject child:
                    VisitObject(child, trail.Child(key), report);
                    break;
                case JsonArray array:
                    var items = trail.Child(key);
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (array[i] is JsonObject item)
                        {
                            VisitObject(item, items.Child(i), report);
                        }
                    }

                    break;
            }
        }

        foreach (var key in removed ?? Enumerable.Empty<string>())
        {
            obj.Remove(key);
        }
    }

    private static void VisitMap(JsonObject map, Trail trail, string kind, Action<string, string> report)
    {
        List<string>? removed = null;
        foreach (var pair in map)
        {
            var (name, value) = (pair.Key, pair.Value);
            if (value is not JsonObject entry)
            {
                // Microsoft.OpenApi keeps such an entry of a schema map as a null schema and throws on it later.
                if (EntryProblem(kind, name, value) is { } problem)
                {
                    report(trail.At(name), problem);
                    (removed ??= new List<string>()).Add(name);
                }

                continue;
            }

            switch (kind)
            {
                case "callbacks":
                    // A callback is itself a map: expression → path item.
                    VisitMap(entry, trail.Child(name), "callback", report);
                    break;
                case "callback" or "examples" or "links":
                    // Path items (callbacks) are objects; examples and links hold plain values.
                    if (kind == "callback")
                    {
                        VisitObject(entry, trail.Child(name), report);
                    }

                    break;
                default:
                    VisitObject(entry, trail.Child(name), report);
                    break;
            }
        }

        foreach (var name in removed ?? Enumerable.Empty<string>())
        {
            map.Remove(name);
        }
    }

    /// <summary>
    /// The problem of an entry of a map of objects (<paramref name="kind"/>: <c>properties</c>, <c>responses</c>…) that
    /// is not an object, or null when that is allowed: an extension's value (<c>x-…</c>) outside JSON Schema's maps of names.
    /// </summary>
    internal static string? EntryProblem(string kind, string name, JsonNode? value) =>
        value is JsonObject || (name.StartsWith("x-", StringComparison.Ordinal) && !SchemaMaps.Contains(kind))
            ? null
            : "each entry of '" + kind + "' must be an object, and '" + Shorten(name) + "' is " + Shorten(value?.ToJsonString() ?? "null");

    /// <summary>The problem of a member's value (<c>minLength: -1</c>, <c>readOnly: 1</c>), or null when it has none.</summary>
    internal static string? ValueProblem(string key, JsonValue value, bool booleanExclusive) =>
        Expected(key, value, booleanExclusive) is { } expected ? "'" + key + "' must be " + expected + ", not " + Shorten(value.ToJsonString()) : null;

    /// <summary>A discriminator's mapping: each value names a schema (Microsoft.OpenApi makes each a reference).</summary>
    internal static void CheckMapping(JsonObject mapping, Trail trail, Action<string, string> report)
    {
        var removed = new List<string>();
        foreach (var pair in mapping)
        {
            if (pair.Value is not JsonValue value || !value.TryGetValue<string>(out var target) || IsNameless(target))
            {
                report(trail.At(pair.Key), "each value of 'mapping' must name a schema, such as '#/components/schemas/Name', and '" + Shorten(pair.Key) + "' has " + Shorten(pair.Value?.ToJsonString() ?? "null"));
                removed.Add(pair.Key);
            }
        }

        removed.ForEach(key => mapping.Remove(key));
    }

    /// <summary>
    /// Each security requirement maps a scheme's name to its scopes. Microsoft.OpenApi throws on a blank name (it makes a
    /// reference of it), so a blank name, or scopes that are not a list, are reported and removed.
    /// </summary>
    internal static void CheckSecurity(JsonArray requirements, Trail trail, Action<string, string> report)
    {
        for (var i = 0; i < requirements.Count; i++)
        {
            if (requirements[i] is not JsonObject requirement)
            {
                continue;
            }

            var removed = new List<string>();
            foreach (var pair in requirement)
            {
                var at = trail.Child(i).At(pair.Key);
                if (string.IsNullOrWhiteSpace(pair.Key))
                {
                    report(at, "a security requirement names security schemes, and '" + pair.Key + "' is blank");
                    removed.Add(pair.Key);
                }
                else if (pair.Value is not JsonArray)
                {
                    report(at, "the scopes of '" + Shorten(pair.Key) + "' in a security requirement must be a list, not " + Shorten(pair.Value?.ToJsonString() ?? "null"));
                    removed.Add(pair.Key);
                }
            }

            removed.ForEach(key => requirement.Remove(key));
        }
    }

    /// <summary>What the member must be, when <paramref name="value"/> is not that; otherwise null.</summary>
    private static string? Expected(string key, JsonValue value, bool booleanExclusive)
    {
        var text = value.TryGetValue<string>(out var s) ? s : value.ToJsonString();
        if (Booleans.Contains(key) || (booleanExclusive && key is "exclusiveMaximum" or "exclusiveMinimum"))
        {
            return bool.TryParse(text, out _) ? null : "true or false";
        }

        if (Counts.Contains(key))
        {
            return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= int.MaxValue ? null : "a whole number from 0 to " + int.MaxValue;
        }

        if (key == "multipleOf")
        {
            return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? null : "a number";
        }

        // A bound that is no number would be ignored (and Microsoft.OpenApi writes it back as JSON that is not JSON).
        if (key is "minimum" or "maximum" || (!booleanExclusive && key is "exclusiveMaximum" or "exclusiveMinimum"))
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? null : "a number";
        }

        return null;
    }

    private static string Shorten(string text) => text.Length > 60 ? text.Substring(0, 60) + "…" : text;
}

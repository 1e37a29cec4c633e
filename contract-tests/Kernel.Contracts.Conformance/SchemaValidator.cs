using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Runtime.CompilerServices;
using Kernel.Contracts.OpenApi;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Kernel.Contracts.Conformance;

/// <summary>The validators of a document's schemas, made once per schema.</summary>
public static class SchemaValidators
{
    private static readonly ConditionalWeakTable<ApiDocument, Dictionary<string, SchemaValidator>> Cache = new();

    /// <summary>A validator for the schema at <paramref name="pointer"/> (cached with the document).</summary>
    public static SchemaValidator Validator(this ApiDocument document, string pointer)
    {
        var validators = Cache.GetValue(document, _ => new Dictionary<string, SchemaValidator>(StringComparer.Ordinal));
        lock (validators)
        {
            if (!validators.TryGetValue(pointer, out var validator))
            {
                validators[pointer] = validator = new SchemaValidator(document, pointer);
            }

            return validator;
        }
    }
}

/// <summary>
/// Validates JSON against one schema of a document, with NJsonSchema (independent of our generator): the schema is
/// the root of a JSON Schema document whose definitions are the document's component schemas. OpenAPI 3.0's
/// <c>nullable</c> becomes a <c>null</c> type first.
/// </summary>
public sealed class SchemaValidator
{
    private readonly JsonSchema _schema;

    internal SchemaValidator(ApiDocument document, string pointer)
    {
        Pointer = pointer;
        var node = document.Resolve(pointer) ?? throw new SpecException(document.Name + ": no schema at '" + pointer + "'.");
        Type = (node as JsonObject)?["type"]?.GetValue<string>();
        var root = new JsonObject
        {
            ["allOf"] = new JsonArray(node.DeepClone()),
            ["definitions"] = document.Root["components"]?["schemas"]?.DeepClone() ?? new JsonObject(),
        };
        if (document.Root["openapi"]?.GetValue<string>().StartsWith("3.0", StringComparison.Ordinal) == true)
        {
            NullableToType(root);
        }

        var text = root.ToJsonString().Replace("\"#/components/schemas/", "\"#/definitions/", StringComparison.Ordinal);
        _schema = JsonSchema.FromJsonAsync(text).GetAwaiter().GetResult();
    }

    /// <summary>Where the schema is in the document.</summary>
    public string Pointer { get; }

    /// <summary>The schema's <c>type</c>, when it names one.</summary>
    public string? Type { get; }

    /// <summary>Every way <paramref name="value"/> breaks the schema, as "kind at path" lines; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate(JsonNode? value) =>
        _schema.Validate(value is null ? "null" : value.ToJsonString()).SelectMany(e => Describe(e, string.Empty)).ToList();

    /// <summary>Validates a parameter's text: numbers and booleans are read as such when the schema wants them.</summary>
    public IReadOnlyList<string> ValidateText(string text)
    {
        JsonNode value = Type switch
        {
            "integer" when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => JsonValue.Create(i),
            "number" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            "boolean" when text is "true" or "false" => JsonValue.Create(text == "true"),
            _ => JsonValue.Create(text),
        };
        return Validate(value);
    }

    private static IEnumerable<string> Describe(ValidationError error, string indent)
    {
        var where = string.IsNullOrEmpty(error.Path) ? "#" : error.Path;
        var line = error.Kind + " at " + where + (error.Property is null ? string.Empty : " (" + error.Property + ")");
        if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
        {
            // allOf/oneOf: the inner errors say what is wrong.
            var inner = child.Errors.SelectMany(e => e.Value).SelectMany(e => Describe(e, indent)).Distinct().ToList();
            if (inner.Count > 0 && error.Kind is ValidationErrorKind.NotAllOf)
            {
                return inner;
            }

            return [line + ": " + string.Join("; ", inner)];
        }

        return [line];
    }

    private static void NullableToType(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["nullable"] is JsonValue n && n.GetValueKind() == System.Text.Json.JsonValueKind.True && o["type"] is JsonValue t)
                {
                    o["type"] = new JsonArray(t.GetValue<string>(), "null");
                }

                foreach (var (_, child) in o.ToList()) NullableToType(child);
                break;
            case JsonArray a:
                foreach (var child in a) NullableToType(child);
                break;
        }
    }
}

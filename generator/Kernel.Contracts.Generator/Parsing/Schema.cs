using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Kernel.Contracts.Generator.Parsing;

/// <summary>The JSON types a schema allows (<c>type</c>, a list of them in 3.1, <c>nullable</c> in 3.0).</summary>
[Flags]
internal enum SchemaTypes
{
    None = 0,
    Boolean = 1,
    Integer = 2,
    Number = 4,
    String = 8,
    Object = 16,
    Array = 32,
    Null = 64,
}

/// <summary>
/// What the model builder reads of one schema, read once from its JSON object by <see cref="Schemas"/>. A reference
/// (<c>$ref</c>) keeps its target; in OpenAPI 3.1 its own <c>description</c> and <c>deprecated</c> stand over the
/// target's, in 3.0 its other members are ignored, as the specifications say.
/// </summary>
internal sealed class Schema
{
    private Schema? _target;
    private bool _resolved;
    private readonly Schemas? _reader;

    private Schema(Schemas? reader) => _reader = reader;

    /// <summary>The schema that allows anything (<c>{}</c>, or <c>true</c> in 3.1).</summary>
    public static readonly Schema Empty = new(null);

    /// <summary>The reference (<c>#/components/schemas/Name</c>) when this schema is one.</summary>
    public string? Ref { get; private set; }

    /// <summary>The component a reference names (<c>Name</c> in <c>#/components/schemas/Name</c>), or null.</summary>
    public string? RefId { get; private set; }

    public bool IsReference => Ref is not null;

    /// <summary>What a reference points at, resolved on first use; null when it cannot be resolved or is not a reference.</summary>
    public Schema? Target
    {
        get
        {
            if (!_resolved)
            {
                _resolved = true;
                _target = Ref is null ? null : _reader!.Resolve(Ref);
            }

            return _target;
        }
    }

    /// <summary>The allowed types; null when the schema says nothing (which differs from an empty list of types).</summary>
    public SchemaTypes? Type { get; private set; }

    public string? Format { get; private set; }

    public string? Pattern { get; private set; }

    public bool Deprecated => _deprecated ?? (IsReference && Target?.Deprecated == true);

    private bool? _deprecated;
    private string? _description;

    public string? Description => IsReference ? _description ?? Target?.Description : _description;

    public IReadOnlyList<JsonNode?>? Enum { get; private set; }

    public IReadOnlyList<Schema>? AllOf { get; private set; }

    public IReadOnlyList<Schema>? OneOf { get; private set; }

    public IReadOnlyList<Schema>? AnyOf { get; private set; }

    public Schema? Not { get; private set; }

    public Schema? Items { get; private set; }

    public Schema? AdditionalProperties { get; private set; }

    /// <summary>False when the schema says <c>additionalProperties: false</c>.</summary>
    public bool AdditionalPropertiesAllowed { get; private set; } = true;

    public IReadOnlyList<KeyValuePair<string, Schema>>? Properties { get; private set; }

    public IReadOnlyList<string>? Required { get; private set; }

    public int? MinLength { get; private set; }

    public int? MaxLength { get; private set; }

    public int? MinItems { get; private set; }

    public int? MaxItems { get; private set; }

    /// <summary>The inclusive lower bound (null when the bound is exclusive).</summary>
    public string? Minimum => _lower.Inclusive;

    public string? Maximum => _upper.Inclusive;

    /// <summary>The exclusive lower bound: 3.1's number, or 3.0's <c>minimum</c> with <c>exclusiveMinimum: true</c>.</summary>
    public string? ExclusiveMinimum => _lower.Exclusive;

    public string? ExclusiveMaximum => _upper.Exclusive;

    private Bound _lower;
    private Bound _upper;

    /// <summary>The discriminator's property name; null without a discriminator (<see cref="HasDiscriminator"/>).</summary>
    public string? DiscriminatorProperty { get; private set; }

    public bool HasDiscriminator { get; private set; }

    /// <summary>The discriminator's mapping: each value, and the component its schema reference names.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Mapping { get; private set; }

    // 3.0 folds "anyOf: [{type: string}, {type: integer}]" into one list of types when each case says nothing else.
    private bool _onlyType;

    /// <summary>Reads <paramref name="node"/>: an object, or in 3.1 a boolean schema; anything else allows anything.</summary>
    internal static Schema Read(JsonNode? node, Schemas reader)
    {
        if (node is JsonValue value && reader.Is31 && value.TryGetValue<bool>(out var flag))
        {
            // JSON Schema's boolean schemas: true allows anything, false nothing ("not: {}").
            return flag ? Empty : new Schema(reader) { Not = Empty };
        }

        if (node is not JsonObject obj)
        {
            return Empty;
        }

        var schema = new Schema(reader);
        if (obj.TryGetPropertyValue("$ref", out var refNode) && refNode is JsonValue refValue && refValue.TryGetValue<string>(out var reference))
        {
            schema.Ref = reference;
            schema.RefId = ComponentId(reference);
            schema._description = reader.OwnDescription(obj);
            if (reader.Is31 && obj["deprecated"] is JsonValue deprecated)
            {
                // 3.1: a reference's own deprecated stands over its target's, as its description does.
                schema._deprecated = Flag(deprecated);
            }

            return schema;
        }

        schema.ReadMembers(obj, reader);
        return schema;
    }

    /// <summary>
    /// The component a schema reference names (<c>Name</c> for <c>#/components/schemas/Name</c>; a discriminator's mapping may
    /// also give the bare name), or null when it points anywhere else.
    /// </summary>
    internal static string? ComponentId(string reference)
    {
        const string Prefix = "#/components/schemas/";
        if (reference.IndexOf('#') < 0)
        {
            return reference;
        }

        if (!reference.StartsWith(Prefix, StringComparison.Ordinal) || reference.IndexOf('/', Prefix.Length) >= 0)
        {
            return null;
        }

        if (reference.IndexOf('%') >= 0)
        {
            // A %-escape may hide a '/': the pointer's segments say.
            var segments = Kernel.Contracts.OpenApi.Pointers.Split(reference);
            return segments.Count == 3 ? segments[2] : null;
        }

        return reference.Length > Prefix.Length ? Kernel.Contracts.OpenApi.Pointers.Unescape(reference.Substring(Prefix.Length)) : null;
    }

    private void ReadMembers(JsonObject obj, Schemas reader)
    {
        var nullable = false;
        foreach (var pair in obj)
        {
            var value = pair.Value;
            switch (pair.Key)
            {
                case "type":
                    Type = ReadType(value, reader);
                    break;
                case "nullable" when !reader.Is31:
                    nullable = value is JsonValue n && Flag(n) == true;
                    break;
                case "format":
                    Format = Scalar(value);
                    break;
                case "description":
                    _description = Scalar(value);
                    break;
                case "pattern":
                    Pattern = Scalar(value);
                    break;
                case "deprecated":
                    _deprecated = value is JsonValue d ? Flag(d) : null;
                    break;
                case "enum":
                    Enum = value is JsonArray values ? new List<JsonNode?>(values) : null;
                    break;
                case "allOf":
                    AllOf = List(value, reader);
                    break;
                case "oneOf":
                    OneOf = List(value, reader);
                    break;
                case "anyOf":
                    AnyOf = List(value, reader);
                    break;
                case "not":
                    Not = reader.Read(value);
                    break;
                case "items":
                    Items = reader.Read(value);
                    break;
                case "additionalProperties":
                    if (value is JsonValue allowed)
                    {
                        AdditionalPropertiesAllowed = Flag(allowed) ?? true;
                    }
                    else
                    {
                        AdditionalProperties = reader.Read(value);
                    }

                    break;
                case "properties":
                    if (value is JsonObject properties)
                    {
                        var list = new List<KeyValuePair<string, Schema>>(properties.Count);
                        foreach (var property in properties)
                        {
                            list.Add(new KeyValuePair<string, Schema>(property.Key, reader.Read(property.Value)));
                        }

                        Properties = list;
                    }
                    break;
                case "required":
                    if (value is JsonArray names)
                    {
                        var list = new List<string>(names.Count);
                        foreach (var name in names)
                        {
                            if (Scalar(name) is { } text)
                            {
                                list.Add(text);
                            }
                        }

                        Required = list;
                    }
                    break;
                case "minLength":
                    MinLength = Count(value);
                    break;
                case "maxLength":
                    MaxLength = Count(value);
                    break;
                case "minItems":
                    MinItems = Count(value);
                    break;
                case "maxItems":
                    MaxItems = Count(value);
                    break;
                case "minimum":
                    _lower.ReadLimit(value);
                    break;
                case "maximum":
                    _upper.ReadLimit(value);
                    break;
                case "exclusiveMinimum":
                    _lower.ReadExclusive(value, reader.Is31);
                    break;
                case "exclusiveMaximum":
                    _upper.ReadExclusive(value, reader.Is31);
                    break;
                case "discriminator":
                    if (value is JsonObject discriminator)
                    {
                        HasDiscriminator = true;
                        DiscriminatorProperty = Scalar(discriminator["propertyName"]);
                        if (discriminator["mapping"] is JsonObject mapping)
                        {
                            var list = new List<KeyValuePair<string, string>>(mapping.Count);
                            foreach (var entry in mapping)
                            {
                                if (Scalar(entry.Value) is { } target)
                                {
                                    if (ComponentId(target) is { } id)
                                    {
                                        list.Add(new KeyValuePair<string, string>(entry.Key, id));
                                    }
                                }
                            }

                            Mapping = list;
                        }
                    }
                    break;
            }
        }

        if (reader.Is31)
        {
            return;
        }

        // OpenAPI 3.0's rules: nullable adds null to a type it has; enum: [null] alone is the null type; a oneOf/anyOf
        // whose cases are each a type and nothing else is that list of types.
        if (nullable && Type is { } type && type != SchemaTypes.None)
        {
            Type = type | SchemaTypes.Null;
        }

        if (Type is null && Enum is { Count: 1 } && Enum[0] is null)
        {
            Enum = null;
            Type = SchemaTypes.Null;
        }

        if (Type is null)
        {
            if (AnyOf is not null && OnlyTypes(AnyOf) is { } anyTypes)
            {
                AnyOf = null;
                Type = anyTypes;
            }
            else if (OneOf is not null && OnlyTypes(OneOf) is { } oneTypes)
            {
                OneOf = null;
                Type = oneTypes;
            }
        }

        _onlyType = Enum is null && SaysOnlyItsType(obj);
    }

    /// <summary>
    /// Whether a 3.0 schema says nothing but its type (and an example, or what changes nothing: <c>nullable: false</c>,
    /// <c>deprecated: false</c>, <c>additionalProperties: true</c>, a keyword 3.0 does not define), so that a oneOf of
    /// such schemas reads as their list of types.
    /// </summary>
    private static bool SaysOnlyItsType(JsonObject obj)
    {
        foreach (var pair in obj)
        {
            var changesNothing = pair.Key switch
            {
                "type" or "example" or "enum" => true,
                "nullable" or "deprecated" => pair.Value is not JsonValue flag || Flag(flag) != true,
                "additionalProperties" => pair.Value is JsonValue allowed && Flag(allowed) != false,
                _ => !pair.Key.StartsWith("x-", StringComparison.OrdinalIgnoreCase) && !OpenApiGrammar.IsSchemaKeyword(pair.Key, is31: false),
            };
            if (!changesNothing)
            {
                return false;
            }
        }

        return true;
    }

    private static SchemaTypes? OnlyTypes(IReadOnlyList<Schema> cases)
    {
        var all = SchemaTypes.None;
        foreach (var item in cases)
        {
            if (item.IsReference || !item._onlyType || item.Type is not { } type || type == SchemaTypes.None || (type & (type - 1)) != 0)
            {
                return null;
            }

            all |= type;
        }

        return all;
    }

    private static SchemaTypes? ReadType(JsonNode? value, Schemas reader)
    {
        if (value is JsonArray list && reader.Is31)
        {
            var all = SchemaTypes.None;
            foreach (var item in list)
            {
                all |= TypeNamed(Scalar(item)) ?? SchemaTypes.None;
            }

            return all;
        }

        return TypeNamed(Scalar(value));
    }

    /// <summary>The type a name stands for (with the aliases real documents use: <c>int</c>, <c>double</c>, <c>file</c>…), or null.</summary>
    internal static SchemaTypes? TypeNamed(string? name) => name switch
    {
        "null" => SchemaTypes.Null,
        "boolean" => SchemaTypes.Boolean,
        "integer" or "int" => SchemaTypes.Integer,
        "number" or "double" or "float" or "decimal" => SchemaTypes.Number,
        "string" or "file" => SchemaTypes.String,
        "array" => SchemaTypes.Array,
        "object" => SchemaTypes.Object,
        _ => null,
    };

    private static IReadOnlyList<Schema>? List(JsonNode? value, Schemas reader)
    {
        if (value is not JsonArray array)
        {
            return null;
        }

        var list = new List<Schema>(array.Count);
        foreach (var item in array)
        {
            list.Add(reader.Read(item));
        }

        return list;
    }

    /// <summary>A scalar's text as the document wrote it (<c>1.50</c> stays <c>1.50</c>); null for anything else.</summary>
    internal static string? Scalar(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        return value.TryGetValue<string>(out var text) ? text : value.ToJsonString();
    }

    internal static bool? Flag(JsonValue value) =>
        bool.TryParse(Scalar(value), out var flag) ? flag : null;

    private static int? Count(JsonNode? value) =>
        int.TryParse(Scalar(value), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;

    /// <summary>
    /// One side of a number's range as either version spells it: <c>minimum</c> with 3.0's <c>exclusiveMinimum: true</c>,
    /// or 3.1's <c>exclusiveMinimum: 5</c>.
    /// </summary>
    private struct Bound
    {
        private string? _limit;
        private string? _exclusiveLimit;
        private bool _exclusive;

        public readonly string? Inclusive => _exclusive ? null : _limit;

        public readonly string? Exclusive => !string.IsNullOrEmpty(_exclusiveLimit) ? _exclusiveLimit : _exclusive && !string.IsNullOrEmpty(_limit) ? _limit : null;

        public void ReadLimit(JsonNode? value)
        {
            var text = Scalar(value);
            _limit = string.IsNullOrEmpty(text) ? _limit : text;
        }

        public void ReadExclusive(JsonNode? value, bool is31)
        {
            if (is31)
            {
                _exclusiveLimit = Scalar(value);
                _exclusive = _exclusiveLimit is not null;
            }
            else
            {
                _exclusive = value is JsonValue flag && Flag(flag) == true;
            }
        }
    }
}

/// <summary>Reads the schema objects of a document and resolves references within it, each reference's target once.</summary>
internal sealed class Schemas
{
    private readonly JsonObject _root;
    private readonly Dictionary<string, Schema?> _resolved = new(StringComparer.Ordinal);

    public Schemas(JsonObject root, bool is31)
    {
        _root = root;
        Is31 = is31;
    }

    /// <summary>OpenAPI 3.1 or later (JSON Schema 2020-12) rather than 3.0.</summary>
    public bool Is31 { get; }

    public Schema Read(JsonNode? node) => node is null ? Schema.Empty : Schema.Read(node, this);

    /// <summary>Reads the schema at <paramref name="pointer"/>, which references to that pointer then share.</summary>
    public Schema ReadAt(string pointer, JsonNode? node)
    {
        var schema = Read(node);
        _resolved[pointer] = schema;
        return schema;
    }

    /// <summary>
    /// The description a reference object gives itself, which stands over its target's: in OpenAPI 3.1 (3.0 ignores
    /// what stands beside a <c>$ref</c>), and only when it says something. Null for anything else.
    /// </summary>
    public string? OwnDescription(JsonObject? written) =>
        Is31 && written is not null && written.ContainsKey("$ref") && Schema.Scalar(written["description"]) is { Length: > 0 } own ? own : null;

    /// <summary>The schema a local reference points at, or null.</summary>
    public Schema? Resolve(string reference)
    {
        if (!_resolved.TryGetValue(reference, out var schema))
        {
            _resolved[reference] = schema = reference.StartsWith("#", StringComparison.Ordinal) && Kernel.Contracts.OpenApi.Pointers.TryResolve(_root, reference, out var node) && node is JsonObject or JsonValue
                ? Read(node)
                : null;
        }

        return schema;
    }
}

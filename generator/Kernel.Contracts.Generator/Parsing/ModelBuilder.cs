using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using Kernel.Contracts.Generator.Model;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Generator.Parsing;

/// <summary>
/// Builds the generator's <see cref="ApiModel"/> from the document's JSON (read once, <see cref="Schemas"/>): names every type,
/// maps schemas to C# types and collects operations. A problem in one schema or operation becomes a
/// diagnostic and a fallback (<c>JsonElement</c>, or the operation left out); the rest still generates.
/// </summary>
internal sealed class ModelBuilder
{
    private readonly JsonObject _root;
    private readonly Schemas _schemas;
    private readonly SpecInput _spec;
    private readonly Func<string?, LocationInfo> _locate;
    private readonly List<DiagnosticInfo> _diagnostics;
    // Case-insensitive: hint names (and file systems) do not tell "OrderCreaterequest" from "OrderCreateRequest".
    private readonly HashSet<string> _typeNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _componentTypeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Schema> _componentSchemas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _componentRefs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject?> _targets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private readonly Dictionary<Schema, TypeRef> _referencedRefs = new();
    private readonly List<TypeModel> _types = new();

    /// <summary>A builder over <paramref name="root"/>, an OpenAPI 3.x document whose members <see cref="OpenApiGrammar"/> has checked.</summary>
    public ModelBuilder(JsonObject root, bool is31, SpecInput spec, Func<string?, LocationInfo> locate, List<DiagnosticInfo> diagnostics)
    {
        _root = root;
        _schemas = new Schemas(root, is31);
        _spec = spec;
        _locate = locate;
        _diagnostics = diagnostics;
    }

    public ApiModel Build(string @namespace, string apiName, GenerateKinds kinds)
    {
        // Names the generated support types take, so no schema can collide with them, and the name of the files' alias of
        // the framework's namespace.
        foreach (var reserved in new[] { Emitting.Emitter.SystemAliasName, apiName + "Client", "I" + apiName + "Client", apiName + "ClientOptions", "ApiException", "ApiProblem", "JsonCodec", apiName + "JsonTypeInfoResolver", apiName + "ServiceCollectionExtensions",
            "ValidationError", "SchemaChecks", apiName + "SchemaValidator", "I" + apiName + "Server", "I" + apiName + "ServerSecurity", apiName + "ServerOptions", apiName + "ServerEndpoints", "ApiProblemResult" })
        {
            _typeNames.Add(reserved);
        }

        foreach (var pair in Members(Object(_root["components"])?["schemas"]))
        {
            _componentSchemas[pair.Key] = _schemas.ReadAt("#/components/schemas/" + Pointers.Escape(pair.Key), pair.Value);
        }

        foreach (var name in _componentSchemas.Keys)
        {
            var typeName = Naming.Pascal(name);
            if (typeName.Length == 0)
            {
                Report(DiagnosticDescriptors.InvalidIdentifier, "#/components/schemas/" + Pointers.Escape(name), name, "the schema is named 'Schema' instead");
                typeName = "Schema";
            }

            _componentTypeNames[name] = Naming.Unique(typeName, _typeNames);
        }

        foreach (var pair in _componentSchemas)
        {
            Guard("#/components/schemas/" + Pointers.Escape(pair.Key), () => ComponentRef(pair.Key));
        }

        var operations = BuildOperations();
        var security = BuildSecuritySchemes();
        return new ApiModel(
            @namespace,
            apiName,
            Text(Object(_root["info"]), "title") ?? apiName,
            Text(Object(_root["info"]), "description"),
            DefaultBaseAddress(),
            kinds,
            _types.ToEquatableArray(),
            operations.ToEquatableArray(),
            security.ToEquatableArray(),
            BasePaths().ToEquatableArray());
    }

    // ---- schemas ----

    private TypeRef ComponentRef(string name)
    {
        if (_componentRefs.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!_componentTypeNames.TryGetValue(name, out var typeName) || !_componentSchemas.TryGetValue(name, out var schema))
        {
            return TypeRef.Any;
        }

        if (!_inProgress.Add(name))
        {
            // A schema that contains itself other than through an object (an array of itself, say).
            return TypeRef.Any;
        }

        try
        {
            var pointer = "#/components/schemas/" + Pointers.Escape(name);
            var target = schema.IsReference ? schema.Target ?? schema : schema;
            var shape = Classify(target);
            if (shape is Shape.Object or Shape.Enum or Shape.Union)
            {
                // Known before the members are built, so recursive schemas resolve to the type itself.
                _componentRefs[name] = new TypeRef(TypeRefKind.Named, typeName, IsValueTypeNamed: shape == Shape.Enum);
            }

            var result = Map(target, typeName, pointer, out _, forcedName: typeName);
            _componentRefs[name] = result;
            return result;
        }
        finally
        {
            _inProgress.Remove(name);
        }
    }

    /// <summary>
    /// The type of a schema a reference finds outside <c>#/components/schemas</c> (<c>#/components/responses/Conflict/content/application~1json/schema</c>):
    /// one type however many references lead to it, named after where it stands.
    /// </summary>
    private TypeRef ReferencedRef(string reference, Schema target)
    {
        if (_referencedRefs.TryGetValue(target, out var known))
        {
            return known;
        }

        // A schema that contains itself through such references alone.
        _referencedRefs[target] = TypeRef.Any;
        var result = Map(target, NameOf(reference), reference, out _);
        _referencedRefs[target] = result;
        return result;
    }

    // The words of a pointer that name something: not the sections, media types, indexes and keywords between them.
    private static string NameOf(string reference)
    {
        var words = Pointers.Split(reference)
            .Where(segment => segment.IndexOf('/') < 0 && !int.TryParse(segment, out _) && segment is not ("components" or "schemas" or "responses" or "parameters" or "requestBodies" or "headers" or "content" or "schema" or "paths" or "properties" or "items" or "allOf" or "oneOf" or "anyOf" or "additionalProperties"));
        var name = Naming.Pascal(string.Join(" ", words));
        return name.Length == 0 ? "Schema" : name;
    }

    private enum Shape
    {
        Primitive,
        Object,
        Map,
        Array,
        Enum,
        Union,
        Any,
    }

    private static Shape Classify(Schema schema)
    {
        if (schema.IsReference)
        {
            return Shape.Primitive;
        }

        var type = (schema.Type ?? 0) & ~SchemaTypes.Null;
        if (schema.Enum is { Count: > 0 } values && type is 0 or SchemaTypes.String && values.Any(v => v is JsonValue s && s.TryGetValue<string>(out _)))
        {
            return Shape.Enum;
        }

        if (schema.AllOf is { Count: > 0 })
        {
            return schema.AllOf.Count == 1 && schema.Properties is not { Count: > 0 } ? Classify(schema.AllOf[0]) : Shape.Object;
        }

        var cases = NonNullCases(schema);
        if (cases.Count > 1)
        {
            return Shape.Union;
        }

        if (cases.Count == 1)
        {
            return Classify(cases[0]);
        }

        if (schema.Properties is { Count: > 0 })
        {
            return Shape.Object;
        }

        return type switch
        {
            SchemaTypes.Object => schema.AdditionalProperties is null ? Shape.Map : Shape.Map,
            SchemaTypes.Array => Shape.Array,
            0 => Shape.Any,
            _ when IsSingle(type) => Shape.Primitive,
            _ => Shape.Any,
        };
    }

    private static bool IsSingle(SchemaTypes type) => type != 0 && (type & (type - 1)) == 0;

    private static List<Schema> NonNullCases(Schema schema)
    {
        var cases = (schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf) ?? Array.Empty<Schema>();
        return cases.Where(c => !IsNullSchema(c)).ToList();
    }

    private static bool IsNullSchema(Schema schema) =>
        !schema.IsReference && schema.Type == SchemaTypes.Null;

    private static bool HasNullCase(Schema schema)
    {
        var cases = (schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf) ?? Array.Empty<Schema>();
        return cases.Any(IsNullSchema);
    }

    /// <summary>Maps a schema to a C# type, emitting named types for objects, enums and unions.</summary>
    private TypeRef Map(Schema? schema, string nameHint, string pointer, out bool nullable, string? forcedName = null)
    {
        nullable = false;
        if (schema is null)
        {
            return TypeRef.Any;
        }

        if (schema.IsReference)
        {
            var id = schema.RefId;
            var referenced = schema.Target;
            if (referenced is null)
            {
                return TypeRef.Any;
            }

            nullable = (referenced.Type & SchemaTypes.Null) != 0;
            if (id is not null && _componentTypeNames.ContainsKey(id))
            {
                return ComponentRef(id);
            }

            return ReferencedRef(schema.Ref!, referenced);
        }

        nullable = (schema.Type & SchemaTypes.Null) != 0 || HasNullCase(schema);
        if (schema.Not is not null)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, pointer + "/not", "The 'not' keyword", "values are not checked against it");
        }

        switch (Classify(schema))
        {
            case Shape.Enum:
                return BuildEnum(schema, forcedName ?? UniqueTypeName(nameHint), pointer);
            case Shape.Object:
                return BuildObject(schema, forcedName ?? UniqueTypeName(nameHint), pointer);
            case Shape.Union:
                return BuildUnion(schema, forcedName ?? UniqueTypeName(nameHint), pointer);
        }

        if (schema.AllOf is { Count: 1 })
        {
            var inner = Map(schema.AllOf[0], nameHint, pointer + "/allOf/0", out var innerNullable, forcedName);
            nullable |= innerNullable;
            return inner;
        }

        var single = NonNullCases(schema);
        if (single.Count == 1)
        {
            var key = schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
            var index = ((schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf) ?? Array.Empty<Schema>()).ToList().IndexOf(single[0]);
            var inner = Map(single[0], nameHint, pointer + "/" + key + "/" + index, out var innerNullable, forcedName);
            nullable |= innerNullable;
            return inner;
        }

        var type = (schema.Type ?? 0) & ~SchemaTypes.Null;
        switch (type)
        {
            case SchemaTypes.Array:
                var item = Map(schema.Items, Singular(nameHint), pointer + "/items", out _);
                return new TypeRef(TypeRefKind.Array, Element: item, ElementConstraints: schema.Items is null ? null : ConstraintsOf(schema.Items));
            case SchemaTypes.Object:
                var value = schema.AdditionalProperties is null ? TypeRef.Any : Map(schema.AdditionalProperties, nameHint + "Value", pointer + "/additionalProperties", out _);
                return new TypeRef(TypeRefKind.Map, Element: value, ElementConstraints: schema.AdditionalProperties is null ? null : ConstraintsOf(schema.AdditionalProperties));
            case SchemaTypes.String:
                return (schema.Format ?? string.Empty).ToLowerInvariant() switch
                {
                    "date-time" => new TypeRef(TypeRefKind.DateTimeOffset),
                    "date" => new TypeRef(TypeRefKind.DateOnly),
                    "uuid" => new TypeRef(TypeRefKind.Guid),
                    "uri" => new TypeRef(TypeRefKind.Uri),
                    "byte" => new TypeRef(TypeRefKind.Bytes),
                    "binary" => new TypeRef(TypeRefKind.Bytes),
                    _ => TypeRef.String,
                };
            case SchemaTypes.Integer:
                return schema.Format == "int32" ? new TypeRef(TypeRefKind.Int32) : new TypeRef(TypeRefKind.Int64);
            case SchemaTypes.Number:
                return schema.Format switch
                {
                    "float" => new TypeRef(TypeRefKind.Single),
                    "decimal" => new TypeRef(TypeRefKind.Decimal),
                    "int32" => new TypeRef(TypeRefKind.Int32),
                    "int64" => new TypeRef(TypeRefKind.Int64),
                    _ => new TypeRef(TypeRefKind.Double),
                };
            case SchemaTypes.Boolean:
                return new TypeRef(TypeRefKind.Boolean);
            default:
                return TypeRef.Any;
        }
    }

    private TypeRef BuildEnum(Schema schema, string name, string pointer)
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { name, "Value", "IsKnown", "KnownValues", "Equals", "GetHashCode", "ToString", "GetType" };
        var members = new List<EnumMemberModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in schema.Enum ?? Array.Empty<JsonNode?>())
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var text) && seen.Add(text))
            {
                var memberName = Naming.Pascal(text);
                members.Add(new EnumMemberModel(text, Naming.Unique(memberName.Length == 0 ? "Value" : memberName, used)));
            }
        }

        _types.Add(new TypeModel(name, TypeModelKind.Enum, schema.Description, schema.Deprecated, EquatableArray<PropertyModel>.Empty, null, false, members.ToEquatableArray(), EquatableArray<UnionCaseModel>.Empty, null, pointer));
        return new TypeRef(TypeRefKind.Named, name, IsValueTypeNamed: true);
    }

    private TypeRef BuildObject(Schema schema, string name, string pointer)
    {
        var result = new TypeRef(TypeRefKind.Named, name);
        var properties = new List<PropertyModel>();
        var used = new HashSet<string>(StringComparer.Ordinal) { name, "AdditionalProperties", "EqualityContract", "Equals", "GetHashCode", "ToString", "GetType", "Deconstruct", "PrintMembers" };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Schema? additional = null;

        // allOf members are flattened into one record, in order, then the schema's own properties.
        var parts = new List<Part>();
        Flatten(schema, pointer, parts, new List<Schema>());
        var required = new HashSet<string>(parts.SelectMany(p => p.Schema.Required ?? Enumerable.Empty<string>()), StringComparer.Ordinal);
        foreach (var (part, partPointer) in parts)
        {
            additional ??= part.AdditionalProperties;
            foreach (var pair in part.Properties ?? Array.Empty<KeyValuePair<string, Schema>>())
            {
                if (!seen.Add(pair.Key))
                {
                    continue;
                }

                var propertyPointer = partPointer + "/properties/" + Pointers.Escape(pair.Key);
                var propertyName = Naming.Pascal(pair.Key);
                if (propertyName.Length == 0)
                {
                    Report(DiagnosticDescriptors.InvalidIdentifier, propertyPointer, pair.Key, "the property is named 'Property' instead");
                    propertyName = "Property";
                }

                propertyName = Naming.Unique(propertyName, used);
                var propertySchema = pair.Value;
                var isNullable = false;
                var type = Guard(propertyPointer, () => Map(propertySchema, name + propertyName, propertyPointer, out isNullable)) ?? TypeRef.Any;
                var target = propertySchema.IsReference ? propertySchema.Target ?? propertySchema : propertySchema;
                properties.Add(new PropertyModel(
                    pair.Key,
                    propertyName,
                    type,
                    required.Contains(pair.Key),
                    isNullable || (type.Kind == TypeRefKind.Any && AllowsNull(target)),
                    propertySchema.Description ?? target?.Description,
                    propertySchema.Deprecated || (target?.Deprecated ?? false),
                    ConstraintsOf(propertySchema)));
            }
        }

        // Closed when the schema (or any allOf part) says additionalProperties: false. An open object keeps
        // the members it does not name (as JSON, unless the schema types them), so nothing is lost on a round trip.
        var closed = parts.Any(p => !p.Schema.AdditionalPropertiesAllowed && p.Schema.AdditionalProperties is null);
        var additionalType = additional is not null ? Map(additional, name + "Value", pointer + "/additionalProperties", out _) : closed ? null : TypeRef.Any;
        _types.Add(new TypeModel(name, TypeModelKind.Object, schema.Description, schema.Deprecated, properties.ToEquatableArray(), additionalType, additionalType is not null, EquatableArray<EnumMemberModel>.Empty, EquatableArray<UnionCaseModel>.Empty, null, pointer, closed));
        return result;
    }

    private static bool AllowsNull(Schema? schema) => schema is null || schema.Type is null || (schema.Type & SchemaTypes.Null) != 0;

    /// <summary>One schema of an object's allOf, flattened, and where it stands.</summary>
    private sealed record Part(Schema Schema, string Pointer);

    private void Flatten(Schema schema, string pointer, List<Part> parts, List<Schema> visited)
    {
        var target = schema.IsReference ? schema.Target : schema;
        // A few schemas deep: a list, not a hash set (which would hash every schema).
        if (target is null || visited.Exists(seen => ReferenceEquals(seen, target)))
        {
            return;
        }

        visited.Add(target);

        if (schema is { IsReference: true, RefId: { } id })
        {
            pointer = "#/components/schemas/" + Pointers.Escape(id);
        }

        var index = 0;
        foreach (var member in target.AllOf ?? Array.Empty<Schema>())
        {
            Flatten(member, pointer + "/allOf/" + index++, parts, visited);
        }

        parts.Add(new Part(target, pointer));
    }

    private TypeRef BuildUnion(Schema schema, string name, string pointer)
    {
        var key = schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
        var all = (schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf)!;
        var used = new HashSet<string>(StringComparer.Ordinal) { name, "Value", "Discriminator" };
        var cases = new List<UnionCaseModel>();
        var mapping = schema.Mapping;
        for (var i = 0; i < all.Count; i++)
        {
            var member = all[i];
            if (IsNullSchema(member))
            {
                continue;
            }

            var memberPointer = pointer + "/" + key + "/" + i;
            var memberName = member is { IsReference: true, RefId: { } id } ? Naming.Pascal(id) : "Case" + (i + 1).ToString(CultureInfo.InvariantCulture);
            var type = Guard(memberPointer, () => Map(member, name + memberName, memberPointer, out _)) ?? TypeRef.Any;
            if (type.Kind != TypeRefKind.Named)
            {
                memberName = CaseName(type) ?? memberName;
            }

            var values = new List<string>();
            if (mapping is not null && member is { IsReference: true, RefId: { } refId })
            {
                values.AddRange(mapping.Where(m => m.Value == refId).Select(m => m.Key));
            }

            if (schema.HasDiscriminator && values.Count == 0 && member is { IsReference: true, RefId: { } implicitId })
            {
                values.Add(implicitId);
            }

            cases.Add(new UnionCaseModel(Naming.Unique(memberName.Length == 0 ? "Case" : memberName, used), type, values.ToEquatableArray()));
        }

        _types.Add(new TypeModel(name, TypeModelKind.Union, schema.Description, schema.Deprecated, EquatableArray<PropertyModel>.Empty, null, false, EquatableArray<EnumMemberModel>.Empty, cases.ToEquatableArray(), schema.DiscriminatorProperty, pointer));
        return new TypeRef(TypeRefKind.Named, name);
    }

    private static string? CaseName(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Array => "List",
        TypeRefKind.Map => "Map",
        TypeRefKind.Any => "Json",
        TypeRefKind.Named => type.Name,
        _ => type.Kind.ToString(),
    };

    private Constraints ConstraintsOf(Schema schema)
    {
        var s = schema.IsReference ? schema.Target ?? schema : schema;
        var c = new Constraints(
            s.MinLength,
            s.MaxLength,
            s.Pattern,
            s.Minimum ?? s.ExclusiveMinimum,
            s.Maximum ?? s.ExclusiveMaximum,
            s.Minimum is null && s.ExclusiveMinimum is not null,
            s.Maximum is null && s.ExclusiveMaximum is not null,
            s.MinItems,
            s.MaxItems,
            s.Format);
        return c == Constraints.None ? Constraints.None : c;
    }

    private string UniqueTypeName(string hint)
    {
        var name = Naming.Pascal(hint);
        return Naming.Unique(name.Length == 0 ? "Schema" : name, _typeNames);
    }

    private static string Singular(string name) =>
        name.EndsWith("ies", StringComparison.Ordinal) ? name.Substring(0, name.Length - 3) + "y"
        : name.EndsWith("s", StringComparison.Ordinal) && !name.EndsWith("ss", StringComparison.Ordinal) ? name.Substring(0, name.Length - 1)
        : name + "Item";

    // ---- operations ----

    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private List<OperationModel> BuildOperations()
    {
        var operations = new List<OperationModel>();
        var methodNames = new HashSet<string>(StringComparer.Ordinal);
        var operationIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pathPair in Members(_root["paths"]))
        {
            // Only a member that starts with '/' is a path (the grammar warns about the rest).
            if (!pathPair.Key.StartsWith("/", StringComparison.Ordinal) || Follow(pathPair.Value) is not { } pathItem)
            {
                continue;
            }

            // OpenAPI 3.2's QUERY method and other methods are read and checked, not generated: a warning says so.
            foreach (var extra in new[] { "query", "additionalOperations" })
            {
                if (pathItem[extra] is JsonObject)
                {
                    Report(DiagnosticDescriptors.UnsupportedConstruct, Pointers.Append(Pointers.Append("#/paths", pathPair.Key), extra), "'" + extra + "' (OpenAPI 3.2)", "its operations are not generated");
                }
            }

            // In the order of Methods.
            foreach (var methodKey in Methods)
            {
                if (pathItem[methodKey] is not JsonObject op)
                {
                    continue;
                }

                var method = methodKey.ToUpperInvariant();
                var pointer = "#/paths/" + Pointers.Escape(pathPair.Key) + "/" + methodKey;
                var operationId = Text(op, "operationId");
                if (operationId is { Length: > 0 })
                {
                    if (operationIds.TryGetValue(operationId, out var first))
                    {
                        Report(DiagnosticDescriptors.DuplicateOperationId, pointer + "/operationId", operationId, first);
                        continue;
                    }

                    operationIds[operationId] = method + " " + pathPair.Key;
                }

                var built = Guard(pointer, () => BuildOperation(pathPair.Key, method, pathItem, op, operationId, pointer, methodNames));
                if (built is not null)
                {
                    operations.Add(built);
                }
            }
        }

        return operations;
    }

    private OperationModel? BuildOperation(string path, string method, JsonObject pathItem, JsonObject op, string? operationId, string pointer, HashSet<string> methodNames)
    {
        var baseName = Naming.Pascal(operationId ?? string.Empty);
        if (baseName.Length == 0)
        {
            baseName = Naming.Pascal(method.ToLowerInvariant() + " " + path.Replace("{", " by ").Replace("}", " "));
            if (operationId is null)
            {
                Report(DiagnosticDescriptors.MissingOperationId, pointer, method + " " + path, baseName);
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidIdentifier, pointer + "/operationId", operationId, "the method is named '" + baseName + "' instead");
            }
        }

        var name = Naming.Unique(baseName, methodNames);

        // Parameters: the operation's override the path item's of the same name and location.
        var parameters = new List<ParameterModel>();
        // The generated method's own locals are reserved, so a parameter can never shadow one.
        var usedParameterNames = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken", "body", "content", "uri", "url", "separator", "request", "response", "status", "item", "text" };
        var merged = ParameterRule.Merge(
            Items(op["parameters"]).Select((p, i) => ParameterFacts(p, pointer + "/parameters/" + i)),
            Items(pathItem["parameters"]).Select((p, i) => ParameterFacts(p, Pointers.Append("#/paths", path) + "/parameters/" + i)),
            p => p.Name,
            p => p.In);
        foreach (var parameter in InSignatureOrder(merged))
        {
            if (parameter.Name is null || parameter.In is null)
            {
                continue;
            }

            var parameterPointer = parameter.Pointer;
            var parameterName = Naming.Camel(parameter.Name);
            if (parameterName.Length == 0)
            {
                Report(DiagnosticDescriptors.InvalidIdentifier, parameterPointer + "/name", parameter.Name, "the parameter is named 'parameter' instead");
                parameterName = "parameter";
            }

            var location = parameter.In switch
            {
                "path" => ParameterLocationKind.Path,
                "query" => ParameterLocationKind.Query,
                "header" => ParameterLocationKind.Header,
                _ => ParameterLocationKind.Cookie,
            };
            var schema = parameter.Schema;
            var type = Map(schema, name + Naming.Pascal(parameter.Name), parameterPointer + "/schema", out _);
            // Objects and unions in paths, queries and headers have no single serialization: the caller formats them.
            if (type.Kind == TypeRefKind.Array)
            {
                type = IsSimple(type.Element!) ? type : new TypeRef(TypeRefKind.Array, Element: TypeRef.String);
            }
            else if (!IsSimple(type))
            {
                type = TypeRef.String;
            }

            parameters.Add(new ParameterModel(parameter.Name, Naming.Unique(parameterName, usedParameterNames), location, type, parameter.Required || location == ParameterLocationKind.Path, parameter.Description, schema is null ? Constraints.None : ConstraintsOf(schema)));
        }

        RequestBodyModel? body = null;
        if (op["requestBody"] is JsonObject requestBodyNode && Follow(requestBodyNode) is { } requestBody)
        {
            var (contentType, media) = PickContent(requestBody["content"]);
            if (contentType is not null)
            {
                var format = FormatOf(contentType);
                var bodyPointer = pointer + "/requestBody/content/" + Pointers.Escape(contentType) + "/schema";
                var bodyType = format is BodyFormat.Json or BodyFormat.FormUrlEncoded ? Map(SchemaOf(media), name + "Request", bodyPointer, out _) : null;
                if (format == BodyFormat.FormUrlEncoded && bodyType?.Kind != TypeRefKind.Named)
                {
                    format = BodyFormat.Raw;
                    bodyType = null;
                }

                body = new RequestBodyModel(contentType, format, bodyType, Flag(requestBody, "required"), DescriptionOf(requestBodyNode, requestBody));
            }
        }

        var responses = new List<ResponseModel>();
        var statuses = new List<KeyValuePair<string, JsonNode?>>();
        foreach (var member in Members(op["responses"]))
        {
            if (!member.Key.StartsWith("x-", StringComparison.OrdinalIgnoreCase))
            {
                statuses.Add(member);
            }
        }

        foreach (var pair in statuses)
        {
            var status = pair.Key.Length == 3 ? pair.Key.ToUpperInvariant() : pair.Key.ToLowerInvariant();
            var response = Follow(pair.Value);
            var (contentType, media) = PickContent(response?["content"]);
            var format = contentType is null ? BodyFormat.Raw : FormatOf(contentType);
            TypeRef? type = null;
            if (contentType is not null && format == BodyFormat.Json)
            {
                var hint = name + (status.StartsWith("2", StringComparison.Ordinal) ? "Response" : "Error") + (SameClass(statuses, status) > 1 ? status : string.Empty);
                type = Map(SchemaOf(media), hint, pointer + "/responses/" + Pointers.Escape(pair.Key) + "/content/" + Pointers.Escape(contentType) + "/schema", out _);
            }

            var isProblem = contentType is not null && MediaTypes.Bare(contentType).Equals(MediaTypes.ProblemJson, StringComparison.OrdinalIgnoreCase);
            responses.Add(new ResponseModel(status, response is null ? null : DescriptionOf(pair.Value as JsonObject, response), contentType, format, type, isProblem));
        }

        // The operation's requirements, or the document's when it has none of its own ("security: []" means none at all).
        var requirements = op["security"] as JsonArray ?? _root["security"] as JsonArray;
        var security = new List<string>();
        foreach (var requirement in Items(requirements))
        {
            foreach (var scheme in requirement)
            {
                if (scheme.Key.Length > 0 && !security.Contains(scheme.Key))
                {
                    security.Add(scheme.Key);
                }
            }
        }

        var tag = Values(op["tags"]).Select(t => Schema.Scalar(t)).FirstOrDefault() ?? "Default";
        return new OperationModel(name, operationId ?? name, method, path, Text(op, "summary"), Text(op, "description"), Flag(op, "deprecated"), parameters.ToEquatableArray(), body, responses.ToEquatableArray(), security.ToEquatableArray(), tag);
    }

    /// <summary>How many of an operation's statuses are of the class (first digit) of <paramref name="status"/>.</summary>
    private static int SameClass(List<KeyValuePair<string, JsonNode?>> statuses, string status)
    {
        var count = 0;
        foreach (var other in statuses)
        {
            if (other.Key.StartsWith(status.Substring(0, 1), StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>What the model reads of a parameter (<see cref="ParameterFacts"/>), and where it is written.</summary>
    private sealed record ParameterSource(string? Name, string? In, bool Required, Schema? Schema, string? Description, string Pointer);

    /// <summary>
    /// What the model reads of a parameter, its reference followed. The description is the reference's own when it has
    /// one (OpenAPI 3.1). The schema is the parameter's own or its first content entry's.
    /// </summary>
    private ParameterSource ParameterFacts(JsonObject parameter, string pointer)
    {
        var source = Follow(parameter);
        if (source is null)
        {
            return new ParameterSource(null, null, false, null, null, pointer);
        }

        var schemaNode = source["schema"];
        if (schemaNode is null && source["content"] is JsonObject content)
        {
            foreach (var entry in content)
            {
                schemaNode = (entry.Value as JsonObject)?["schema"];
                break;
            }
        }

        return new ParameterSource(Text(source, "name"), Text(source, "in"), Flag(source, "required"), schemaNode is null ? null : _schemas.Read(schemaNode), DescriptionOf(parameter, source), pointer);
    }

    /// <summary>The order of a generated method's parameters: path parameters, then required ones, then optional ones, each in the document's order.</summary>
    private static IEnumerable<ParameterSource> InSignatureOrder(IReadOnlyList<ParameterSource> parameters)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.In == "path")
            {
                yield return parameter;
            }
        }

        foreach (var parameter in parameters)
        {
            if (parameter.In != "path" && parameter.Required)
            {
                yield return parameter;
            }
        }

        foreach (var parameter in parameters)
        {
            if (parameter.In != "path" && !parameter.Required)
            {
                yield return parameter;
            }
        }
    }

    /// <summary>An object's description: a reference's own, where it stands over its target's (<see cref="Schemas.OwnDescription"/>), or the target's.</summary>
    private string? DescriptionOf(JsonObject? written, JsonObject target) => _schemas.OwnDescription(written) ?? Text(target, "description");

    private Schema? SchemaOf(JsonObject? media) => media?["schema"] is { } node ? _schemas.Read(node) : null;

    /// <summary>A value with one obvious text form: a primitive or an extensible enum.</summary>
    private static bool IsSimple(TypeRef type) =>
        type.Kind is not (TypeRefKind.Array or TypeRefKind.Map or TypeRefKind.Any) && (type.Kind != TypeRefKind.Named || type.IsValueTypeNamed);

    private (string? ContentType, JsonObject? Media) PickContent(JsonNode? content)
    {
        JsonObject? media = null;
        string? first = null;
        foreach (var pair in Members(content))
        {
            if (FormatOf(pair.Key) == BodyFormat.Json)
            {
                return (pair.Key, pair.Value as JsonObject);
            }

            if (first is null)
            {
                first = pair.Key;
                media = pair.Value as JsonObject;
            }
        }

        return (first, media);
    }

    private static BodyFormat FormatOf(string contentType)
    {
        if (MediaTypes.DescribesJson(contentType))
        {
            return BodyFormat.Json;
        }

        return MediaTypes.Bare(contentType).ToLowerInvariant() switch
        {
            "text/plain" => BodyFormat.Text,
            "application/octet-stream" => BodyFormat.Binary,
            "application/x-www-form-urlencoded" => BodyFormat.FormUrlEncoded,
            _ => BodyFormat.Raw,
        };
    }

    // ---- security and servers ----

    private List<SecuritySchemeModel> BuildSecuritySchemes()
    {
        var result = new List<SecuritySchemeModel>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in Members(Object(_root["components"])?["securitySchemes"]))
        {
            var scheme = Follow(pair.Value);
            var kind = Text(scheme, "type") switch
            {
                "apiKey" => Text(scheme, "in") switch
                {
                    "header" => SecuritySchemeKind.ApiKeyHeader,
                    "query" => SecuritySchemeKind.ApiKeyQuery,
                    _ => SecuritySchemeKind.ApiKeyCookie,
                },
                "http" when string.Equals(Text(scheme, "scheme"), "bearer", StringComparison.OrdinalIgnoreCase) => SecuritySchemeKind.HttpBearer,
                "http" when string.Equals(Text(scheme, "scheme"), "basic", StringComparison.OrdinalIgnoreCase) => SecuritySchemeKind.HttpBasic,
                _ => SecuritySchemeKind.Other,
            };
            if (Text(scheme, "x-kernel-contracts-handler") == "none" && scheme?["x-kernel-contracts-handler"] is JsonValue)
            {
                // The document says a generated handler would be wrong (a signature computed per request, say).
                kind = SecuritySchemeKind.Other;
            }

            var name = Naming.Pascal(pair.Key);
            result.Add(new SecuritySchemeModel(pair.Key, Naming.Unique(name.Length == 0 ? "Security" : name, used), kind, Text(scheme, "name") ?? "Authorization", Text(scheme, "description")));
        }

        return result;
    }

    /// <summary>The document's servers: each URL and its variables (name, allowed values, default).</summary>
    private List<ServerUrl> Servers() =>
        Items(_root["servers"]).Select(server => new ServerUrl(
            Text(server, "url") ?? string.Empty,
            Variables(server)))
        .ToList();

    private static List<ServerVariable> Variables(JsonObject server)
    {
        var variables = new List<ServerVariable>();
        foreach (var variable in Members(server["variables"]))
        {
            var allowed = Values(Object(variable.Value)?["enum"]).Select(e => Schema.Scalar(e)).OfType<string>().ToList();
            variables.Add(new ServerVariable(variable.Key, allowed, Text(Object(variable.Value), "default")));
        }

        return variables;
    }

    /// <summary>The prefixes a server stub routes under (<see cref="ServerPaths.BasePaths"/>).</summary>
    private IReadOnlyList<string> BasePaths() => ServerPaths.BasePaths(Servers());

    private string? DefaultBaseAddress()
    {
        var server = Items(_root["servers"]).FirstOrDefault();
        if (Text(server, "url") is not { Length: > 0 } url)
        {
            return null;
        }

        foreach (var variable in Members(server!["variables"]))
        {
            url = url.Replace("{" + variable.Key + "}", Text(Object(variable.Value), "default") ?? string.Empty);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out _) ? url : null;
    }

    // ---- reading the document ----

    private static JsonObject? Object(JsonNode? node) => node as JsonObject;

    private static string? Text(JsonObject? obj, string key) => obj is null ? null : Schema.Scalar(obj[key]);

    private static bool Flag(JsonObject? obj, string key) => obj?[key] is JsonValue value && Schema.Flag(value) == true;

    /// <summary>The members of an object (a map), or none.</summary>
    private static IEnumerable<KeyValuePair<string, JsonNode?>> Members(JsonNode? node) =>
        node as JsonObject ?? Enumerable.Empty<KeyValuePair<string, JsonNode?>>();

    /// <summary>The objects of a list, or none.</summary>
    private static IEnumerable<JsonObject> Items(JsonNode? node) =>
        (node as JsonArray ?? Enumerable.Empty<JsonNode?>()).OfType<JsonObject>();

    /// <summary>Every item of a list, or none.</summary>
    private static IEnumerable<JsonNode?> Values(JsonNode? node) => node as JsonArray ?? Enumerable.Empty<JsonNode?>();

    /// <summary>The object <paramref name="node"/> stands for: itself, or what its <c>$ref</c> (and theirs) point at; null when that is nothing.</summary>
    private JsonObject? Follow(JsonNode? node)
    {
        var obj = node as JsonObject;
        for (var hops = 0; obj is not null && obj["$ref"] is JsonValue reference && hops < 32; hops++)
        {
            obj = Schema.Scalar(reference) is { } text && text.StartsWith("#", StringComparison.Ordinal) ? Target(text) : null;
        }

        return obj is not null && obj.ContainsKey("$ref") ? null : obj;
    }

    // A document refers to its shared parameters and responses from many operations: each pointer is followed once.
    private JsonObject? Target(string pointer)
    {
        if (!_targets.TryGetValue(pointer, out var target))
        {
            _targets[pointer] = target = Pointers.TryResolve(_root, pointer, out var node) ? node as JsonObject : null;
        }

        return target;
    }

    // ---- helpers ----

    private T? Guard<T>(string pointer, Func<T> build)
    {
        try
        {
            return build();
        }
#pragma warning disable CA1031 // One broken schema or operation must not stop the rest from generating.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Report(DiagnosticDescriptors.InternalError, pointer, pointer, e.GetType().Name + ": " + e.Message);
            return default;
        }
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string pointer, params string[] args) =>
        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, args.ToEquatableArray(), _locate(pointer)));
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using Kernel.Contracts.Generator.Model;
using Microsoft.OpenApi;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Generator.Parsing;

/// <summary>
/// Builds the generator's <see cref="ApiModel"/> from Microsoft.OpenApi's document: names every type,
/// maps schemas to C# types and collects operations. A problem in one schema or operation becomes a
/// diagnostic and a fallback (<c>JsonElement</c>, or the operation left out); the rest still generates.
/// </summary>
internal sealed class ModelBuilder
{
    private readonly OpenApiDocument _document;
    private readonly SpecInput _spec;
    private readonly Func<string?, LocationInfo> _locate;
    private readonly List<DiagnosticInfo> _diagnostics;
    // Case-insensitive: hint names (and file systems) do not tell "OrderCreaterequest" from "OrderCreateRequest".
    private readonly HashSet<string> _typeNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _componentTypeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _componentRefs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private readonly List<TypeModel> _types = new();
    // Microsoft.OpenApi resolves a reference on every read of its Target (building URIs each time): once per reference here.
    private readonly Dictionary<OpenApiSchemaReference, IOpenApiSchema?> _targets = new();

    public ModelBuilder(OpenApiDocument document, SpecInput spec, Func<string?, LocationInfo> locate, List<DiagnosticInfo> diagnostics)
    {
        _document = document;
        _spec = spec;
        _locate = locate;
        _diagnostics = diagnostics;
    }

    public ApiModel Build(string @namespace, string apiName, GenerateKinds kinds)
    {
        // Names the generated support types take, so no schema can collide with them.
        foreach (var reserved in new[] { apiName + "Client", "I" + apiName + "Client", apiName + "ClientOptions", "ApiException", "ApiProblem", "JsonCodec", apiName + "JsonTypeInfoResolver", apiName + "ServiceCollectionExtensions",
            "ValidationError", "SchemaChecks", apiName + "SchemaValidator", "I" + apiName + "Server", "I" + apiName + "ServerSecurity", apiName + "ServerOptions", apiName + "ServerEndpoints", "ApiProblemResult" })
        {
            _typeNames.Add(reserved);
        }

        var schemas = _document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var name in schemas.Keys)
        {
            var typeName = Naming.Pascal(name);
            if (typeName.Length == 0)
            {
                Report(DiagnosticDescriptors.InvalidIdentifier, "#/components/schemas/" + Pointers.Escape(name), name, "the schema is named 'Schema' instead");
                typeName = "Schema";
            }

            _componentTypeNames[name] = Naming.Unique(typeName, _typeNames);
        }

        foreach (var pair in schemas)
        {
            Guard("#/components/schemas/" + Pointers.Escape(pair.Key), () => ComponentRef(pair.Key));
        }

        var operations = BuildOperations();
        var security = BuildSecuritySchemes();
        return new ApiModel(
            @namespace,
            apiName,
            _document.Info?.Title ?? apiName,
            _document.Info?.Description,
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

        if (!_componentTypeNames.TryGetValue(name, out var typeName) || _document.Components?.Schemas?.TryGetValue(name, out var schema) != true || schema is null)
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
            var target = schema is OpenApiSchemaReference reference ? TargetOf(reference) ?? schema : schema;
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

    private static Shape Classify(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference)
        {
            return Shape.Primitive;
        }

        var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        if (schema.Enum is { Count: > 0 } values && type is 0 or JsonSchemaType.String && values.Any(v => v is JsonValue s && s.TryGetValue<string>(out _)))
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
            JsonSchemaType.Object => schema.AdditionalProperties is null ? Shape.Map : Shape.Map,
            JsonSchemaType.Array => Shape.Array,
            0 => Shape.Any,
            _ when IsSingle(type) => Shape.Primitive,
            _ => Shape.Any,
        };
    }

    private static bool IsSingle(JsonSchemaType type) => type != 0 && (type & (type - 1)) == 0;

    private static List<IOpenApiSchema> NonNullCases(IOpenApiSchema schema)
    {
        var cases = (schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf) ?? Array.Empty<IOpenApiSchema>();
        return cases.Where(c => !IsNullSchema(c)).ToList();
    }

    private static bool IsNullSchema(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference && schema.Type == JsonSchemaType.Null;

    private static bool HasNullCase(IOpenApiSchema schema)
    {
        var cases = (schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf) ?? Array.Empty<IOpenApiSchema>();
        return cases.Any(IsNullSchema);
    }

    /// <summary>Maps a schema to a C# type, emitting named types for objects, enums and unions.</summary>
    private TypeRef Map(IOpenApiSchema? schema, string nameHint, string pointer, out bool nullable, string? forcedName = null)
    {
        nullable = false;
        if (schema is null)
        {
            return TypeRef.Any;
        }

        if (schema is OpenApiSchemaReference reference)
        {
            var id = reference.Reference?.Id;
            var referenced = TargetOf(reference);
            if (referenced is null)
            {
                return TypeRef.Any;
            }

            nullable = (referenced.Type & JsonSchemaType.Null) != 0;
            if (id is not null && _componentTypeNames.ContainsKey(id))
            {
                return ComponentRef(id);
            }

            return Map(referenced, nameHint, pointer, out nullable);
        }

        nullable = (schema.Type & JsonSchemaType.Null) != 0 || HasNullCase(schema);
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
            var index = ((schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf) ?? Array.Empty<IOpenApiSchema>()).IndexOf(single[0]);
            var inner = Map(single[0], nameHint, pointer + "/" + key + "/" + index, out var innerNullable, forcedName);
            nullable |= innerNullable;
            return inner;
        }

        var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        switch (type)
        {
            case JsonSchemaType.Array:
                var item = Map(schema.Items, Singular(nameHint), pointer + "/items", out _);
                return new TypeRef(TypeRefKind.Array, Element: item, ElementConstraints: schema.Items is null ? null : ConstraintsOf(schema.Items));
            case JsonSchemaType.Object:
                var value = schema.AdditionalProperties is null ? TypeRef.Any : Map(schema.AdditionalProperties, nameHint + "Value", pointer + "/additionalProperties", out _);
                return new TypeRef(TypeRefKind.Map, Element: value, ElementConstraints: schema.AdditionalProperties is null ? null : ConstraintsOf(schema.AdditionalProperties));
            case JsonSchemaType.String:
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
            case JsonSchemaType.Integer:
                return schema.Format == "int32" ? new TypeRef(TypeRefKind.Int32) : new TypeRef(TypeRefKind.Int64);
            case JsonSchemaType.Number:
                return schema.Format switch
                {
                    "float" => new TypeRef(TypeRefKind.Single),
                    "decimal" => new TypeRef(TypeRefKind.Decimal),
                    "int32" => new TypeRef(TypeRefKind.Int32),
                    "int64" => new TypeRef(TypeRefKind.Int64),
                    _ => new TypeRef(TypeRefKind.Double),
                };
            case JsonSchemaType.Boolean:
                return new TypeRef(TypeRefKind.Boolean);
            default:
                return TypeRef.Any;
        }
    }

    private TypeRef BuildEnum(IOpenApiSchema schema, string name, string pointer)
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { name, "Value", "IsKnown", "KnownValues", "Equals", "GetHashCode", "ToString", "GetType" };
        var members = new List<EnumMemberModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in schema.Enum ?? Array.Empty<JsonNode>())
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

    private TypeRef BuildObject(IOpenApiSchema schema, string name, string pointer)
    {
        var result = new TypeRef(TypeRefKind.Named, name);
        var properties = new List<PropertyModel>();
        var used = new HashSet<string>(StringComparer.Ordinal) { name, "AdditionalProperties", "EqualityContract", "Equals", "GetHashCode", "ToString", "GetType", "Deconstruct", "PrintMembers" };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        IOpenApiSchema? additional = null;

        // allOf members are flattened into one record, in order, then the schema's own properties.
        var parts = new List<(IOpenApiSchema Schema, string Pointer)>();
        Flatten(schema, pointer, parts, new HashSet<IOpenApiSchema>());
        var required = new HashSet<string>(parts.SelectMany(p => p.Schema.Required ?? Enumerable.Empty<string>()), StringComparer.Ordinal);
        foreach (var (part, partPointer) in parts)
        {
            additional ??= part.AdditionalProperties;
            foreach (var pair in part.Properties ?? new Dictionary<string, IOpenApiSchema>())
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
                var target = propertySchema is OpenApiSchemaReference r ? TargetOf(r) ?? propertySchema : propertySchema;
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

    private static bool AllowsNull(IOpenApiSchema? schema) => schema is null || schema.Type is null || (schema.Type & JsonSchemaType.Null) != 0;

    private void Flatten(IOpenApiSchema schema, string pointer, List<(IOpenApiSchema, string)> parts, HashSet<IOpenApiSchema> visited)
    {
        var target = schema is OpenApiSchemaReference r ? TargetOf(r) : schema;
        if (target is null || !visited.Add(target))
        {
            return;
        }

        if (schema is OpenApiSchemaReference { Reference.Id: { } id })
        {
            pointer = "#/components/schemas/" + Pointers.Escape(id);
        }

        var index = 0;
        foreach (var member in target.AllOf ?? Array.Empty<IOpenApiSchema>())
        {
            Flatten(member, pointer + "/allOf/" + index++, parts, visited);
        }

        parts.Add((target, pointer));
    }

    private TypeRef BuildUnion(IOpenApiSchema schema, string name, string pointer)
    {
        var key = schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
        var all = (schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf)!;
        var used = new HashSet<string>(StringComparer.Ordinal) { name, "Value", "Discriminator" };
        var cases = new List<UnionCaseModel>();
        var mapping = schema.Discriminator?.Mapping;
        for (var i = 0; i < all.Count; i++)
        {
            var member = all[i];
            if (IsNullSchema(member))
            {
                continue;
            }

            var memberPointer = pointer + "/" + key + "/" + i;
            var memberName = member is OpenApiSchemaReference { Reference.Id: { } id } ? Naming.Pascal(id) : "Case" + (i + 1).ToString(CultureInfo.InvariantCulture);
            var type = Guard(memberPointer, () => Map(member, name + memberName, memberPointer, out _)) ?? TypeRef.Any;
            if (type.Kind != TypeRefKind.Named)
            {
                memberName = CaseName(type) ?? memberName;
            }

            var values = new List<string>();
            if (mapping is not null && member is OpenApiSchemaReference { Reference.Id: { } refId })
            {
                values.AddRange(mapping.Where(m => m.Value.Reference?.Id == refId).Select(m => m.Key));
            }

            if (schema.Discriminator is not null && values.Count == 0 && member is OpenApiSchemaReference { Reference.Id: { } implicitId })
            {
                values.Add(implicitId);
            }

            cases.Add(new UnionCaseModel(Naming.Unique(memberName.Length == 0 ? "Case" : memberName, used), type, values.ToEquatableArray()));
        }

        _types.Add(new TypeModel(name, TypeModelKind.Union, schema.Description, schema.Deprecated, EquatableArray<PropertyModel>.Empty, null, false, EquatableArray<EnumMemberModel>.Empty, cases.ToEquatableArray(), schema.Discriminator?.PropertyName, pointer));
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

    private Constraints ConstraintsOf(IOpenApiSchema schema)
    {
        var s = schema is OpenApiSchemaReference r ? TargetOf(r) ?? schema : schema;
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

    private IOpenApiSchema? TargetOf(OpenApiSchemaReference reference)
    {
        if (!_targets.TryGetValue(reference, out var target))
        {
            _targets[reference] = target = reference.Target;
        }

        return target;
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

    private List<OperationModel> BuildOperations()
    {
        var operations = new List<OperationModel>();
        var methodNames = new HashSet<string>(StringComparer.Ordinal);
        var operationIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pathPair in _document.Paths ?? new OpenApiPaths())
        {
            var pathItem = pathPair.Value;
            if (pathItem?.Operations is null)
            {
                continue;
            }

            foreach (var opPair in pathItem.Operations.OrderBy(o => MethodOrder(o.Key.Method)))
            {
                var method = opPair.Key.Method.ToUpperInvariant();
                var pointer = "#/paths/" + Pointers.Escape(pathPair.Key) + "/" + method.ToLowerInvariant();
                var op = opPair.Value;
                if (op.OperationId is { Length: > 0 } operationId)
                {
                    if (operationIds.TryGetValue(operationId, out var first))
                    {
                        Report(DiagnosticDescriptors.DuplicateOperationId, pointer + "/operationId", operationId, first);
                        continue;
                    }

                    operationIds[operationId] = method + " " + pathPair.Key;
                }

                var built = Guard(pointer, () => BuildOperation(pathPair.Key, method, pathItem, op, pointer, methodNames));
                if (built is not null)
                {
                    operations.Add(built);
                }
            }
        }

        return operations;
    }

    private static int MethodOrder(string method) => Array.IndexOf(new[] { "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE" }, method.ToUpperInvariant());

    private OperationModel? BuildOperation(string path, string method, IOpenApiPathItem pathItem, OpenApiOperation op, string pointer, HashSet<string> methodNames)
    {
        var baseName = Naming.Pascal(op.OperationId ?? string.Empty);
        if (baseName.Length == 0)
        {
            baseName = Naming.Pascal(method.ToLowerInvariant() + " " + path.Replace("{", " by ").Replace("}", " "));
            if (op.OperationId is null)
            {
                Report(DiagnosticDescriptors.MissingOperationId, pointer, method + " " + path, baseName);
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidIdentifier, pointer + "/operationId", op.OperationId, "the method is named '" + baseName + "' instead");
            }
        }

        var name = Naming.Unique(baseName, methodNames);

        // Parameters: the operation's override the path item's of the same name and location.
        var parameters = new List<ParameterModel>();
        // The generated method's own locals are reserved, so a parameter can never shadow one.
        var usedParameterNames = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken", "body", "content", "uri", "url", "separator", "request", "response", "status", "item", "text" };
        var merged = ParameterRule.Merge(
            (op.Parameters ?? Array.Empty<IOpenApiParameter>()).Select((p, i) => (Parameter: ParameterFacts.Of(p), Pointer: pointer + "/parameters/" + i)),
            (pathItem.Parameters ?? Array.Empty<IOpenApiParameter>()).Select((p, i) => (Parameter: ParameterFacts.Of(p), Pointer: Pointers.Append("#/paths", path) + "/parameters/" + i)),
            m => (m.Parameter.Name, m.Parameter.In?.ToString()));
        foreach (var (parameter, parameterPointer) in merged.OrderBy(m => m.Parameter.In == ParameterLocation.Path ? 0 : m.Parameter.Required ? 1 : 2))
        {
            if (parameter.Name is null || parameter.In is null)
            {
                continue;
            }

            var parameterName = Naming.Camel(parameter.Name);
            if (parameterName.Length == 0)
            {
                Report(DiagnosticDescriptors.InvalidIdentifier, parameterPointer + "/name", parameter.Name, "the parameter is named 'parameter' instead");
                parameterName = "parameter";
            }

            var location = parameter.In.Value switch
            {
                ParameterLocation.Path => ParameterLocationKind.Path,
                ParameterLocation.Query => ParameterLocationKind.Query,
                ParameterLocation.Header => ParameterLocationKind.Header,
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
        if (op.RequestBody is { } requestBody)
        {
            var (contentType, media) = PickContent(requestBody.Content);
            if (contentType is not null)
            {
                var format = FormatOf(contentType);
                var bodyPointer = pointer + "/requestBody/content/" + Pointers.Escape(contentType) + "/schema";
                var bodyType = format is BodyFormat.Json or BodyFormat.FormUrlEncoded ? Map(media?.Schema, name + "Request", bodyPointer, out _) : null;
                if (format == BodyFormat.FormUrlEncoded && bodyType?.Kind != TypeRefKind.Named)
                {
                    format = BodyFormat.Raw;
                    bodyType = null;
                }

                body = new RequestBodyModel(contentType, format, bodyType, requestBody.Required, requestBody.Description);
            }
        }

        var responses = new List<ResponseModel>();
        foreach (var pair in op.Responses ?? new OpenApiResponses())
        {
            var status = pair.Key.Length == 3 ? pair.Key.ToUpperInvariant() : pair.Key.ToLowerInvariant();
            var (contentType, media) = PickContent(pair.Value?.Content);
            var format = contentType is null ? BodyFormat.Raw : FormatOf(contentType);
            TypeRef? type = null;
            if (contentType is not null && format == BodyFormat.Json)
            {
                var hint = name + (status.StartsWith("2", StringComparison.Ordinal) ? "Response" : "Error") + (op.Responses!.Count(r => r.Key.StartsWith(status.Substring(0, 1), StringComparison.Ordinal)) > 1 ? status : string.Empty);
                type = Map(media?.Schema, hint, pointer + "/responses/" + Pointers.Escape(pair.Key) + "/content/" + Pointers.Escape(contentType) + "/schema", out _);
            }

            var isProblem = contentType is not null && MediaTypes.Bare(contentType).Equals(MediaTypes.ProblemJson, StringComparison.OrdinalIgnoreCase);
            responses.Add(new ResponseModel(status, pair.Value?.Description, contentType, format, type, isProblem));
        }

        var security = (op.Security ?? _document.Security ?? new List<OpenApiSecurityRequirement>())
            .SelectMany(requirement => requirement.Keys)
            .Select(scheme => scheme.Reference?.Id ?? string.Empty)
            .Where(id => id.Length > 0)
            .Distinct()
            .ToEquatableArray();

        var tag = op.Tags?.FirstOrDefault()?.Name ?? "Default";
        return new OperationModel(name, op.OperationId ?? name, method, path, op.Summary, op.Description, op.Deprecated, parameters.ToEquatableArray(), body, responses.ToEquatableArray(), security, tag);
    }

    /// <summary>
    /// What the model reads of a parameter, the reference resolved once: every read of a <c>$ref</c> parameter's member
    /// resolves it again. The description is the reference's own when it has one (OpenAPI 3.1), as Microsoft.OpenApi reads it.
    /// The schema is the parameter's own or its first content entry's.
    /// </summary>
    private sealed record ParameterFacts(string? Name, ParameterLocation? In, bool Required, IOpenApiSchema? Schema, string? Description)
    {
        public static ParameterFacts Of(IOpenApiParameter parameter)
        {
            var source = parameter is OpenApiParameterReference reference ? reference.Target : parameter;
            return source is null
                ? new(null, null, false, null, null)
                : new(source.Name, source.In, source.Required, source.Schema ?? source.Content?.Values.FirstOrDefault()?.Schema, parameter.Description);
        }
    }

    /// <summary>A value with one obvious text form: a primitive or an extensible enum.</summary>
    private static bool IsSimple(TypeRef type) =>
        type.Kind is not (TypeRefKind.Array or TypeRefKind.Map or TypeRefKind.Any) && (type.Kind != TypeRefKind.Named || type.IsValueTypeNamed);

    private static (string? ContentType, IOpenApiMediaType? Media) PickContent(IDictionary<string, IOpenApiMediaType>? content)
    {
        if (content is null || content.Count == 0)
        {
            return (null, null);
        }

        foreach (var pair in content)
        {
            if (FormatOf(pair.Key) == BodyFormat.Json)
            {
                return (pair.Key, pair.Value);
            }
        }

        var first = content.First();
        return (first.Key, first.Value);
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
        foreach (var pair in _document.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>())
        {
            var scheme = pair.Value;
            var kind = scheme.Type switch
            {
                SecuritySchemeType.ApiKey => scheme.In switch
                {
                    ParameterLocation.Header => SecuritySchemeKind.ApiKeyHeader,
                    ParameterLocation.Query => SecuritySchemeKind.ApiKeyQuery,
                    _ => SecuritySchemeKind.ApiKeyCookie,
                },
                SecuritySchemeType.Http when string.Equals(scheme.Scheme, "bearer", StringComparison.OrdinalIgnoreCase) => SecuritySchemeKind.HttpBearer,
                SecuritySchemeType.Http when string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase) => SecuritySchemeKind.HttpBasic,
                _ => SecuritySchemeKind.Other,
            };
            if (scheme.Extensions?.TryGetValue("x-kernel-contracts-handler", out var handler) == true
                && handler is JsonNodeExtension { Node: JsonValue value } && value.TryGetValue<string>(out var text) && text == "none")
            {
                // The document says a generated handler would be wrong (a signature computed per request, say).
                kind = SecuritySchemeKind.Other;
            }

            var name = Naming.Pascal(pair.Key);
            result.Add(new SecuritySchemeModel(pair.Key, Naming.Unique(name.Length == 0 ? "Security" : name, used), kind, scheme.Name ?? "Authorization", scheme.Description));
        }

        return result;
    }

    /// <summary>The prefixes a server stub routes under (<see cref="ServerPaths.BasePaths"/>).</summary>
    private IReadOnlyList<string> BasePaths() =>
        ServerPaths.BasePaths((_document.Servers ?? new List<OpenApiServer>()).Select(server => new ServerUrl(
            server.Url ?? string.Empty,
            (server.Variables ?? new Dictionary<string, OpenApiServerVariable>()).Select(v => (v.Key, (IReadOnlyList<string>)(v.Value.Enum ?? new List<string>()), v.Value.Default)).ToList())));

    private string? DefaultBaseAddress()
    {
        var server = _document.Servers?.FirstOrDefault();
        if (server?.Url is not { Length: > 0 } url)
        {
            return null;
        }

        foreach (var variable in server.Variables ?? new Dictionary<string, OpenApiServerVariable>())
        {
            url = url.Replace("{" + variable.Key + "}", variable.Value.Default ?? string.Empty);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out _) ? url : null;
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

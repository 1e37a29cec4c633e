using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Generator.Parsing;

/// <summary>
/// The objects of OpenAPI 3.0, 3.1 and 3.2 and what each member holds, checked in one walk before the model is
/// built. A keyword the version does not define is a warning at the keyword (the tools people use ignore it, and so
/// does the generator); a member of the wrong kind (a list where an object belongs, an unknown parameter location) is
/// an error at the member, removed, so the rest of the document still generates.
/// </summary>
internal static class OpenApiGrammar
{
    // What a member holds: "text" a value, "any" anything, "Kind" an object, "[Kind]" a list, "{Kind}" a map of them;
    // "[text]" and "{text}" hold values; "=a|b" one of the values listed; "type" a schema's type; "Schema|flag" a schema or
    // true/false.
    private static readonly Dictionary<string, Dictionary<string, string>> V30 = new()
    {
        ["Document"] = Fields("openapi=text info=Info servers=[Server] paths=Paths components=Components security=[SecurityRequirement] tags=[Tag] externalDocs=ExternalDocs"),
        ["Info"] = Fields("title=text description=text termsOfService=text contact=Contact license=License version=text"),
        ["Contact"] = Fields("name=text url=text email=text"),
        ["License"] = Fields("name=text url=text"),
        ["Server"] = Fields("url=text description=text variables={ServerVariable}"),
        ["ServerVariable"] = Fields("enum=[text] default=text description=text"),
        ["Components"] = Fields("schemas={Schema} responses={Response} parameters={Parameter} examples={Example} requestBodies={RequestBody} headers={Header} securitySchemes={SecurityScheme} links={Link} callbacks={Callback}"),
        ["PathItem"] = Fields("summary=text description=text get=Operation put=Operation post=Operation delete=Operation options=Operation head=Operation patch=Operation trace=Operation servers=[Server] parameters=[Parameter]"),
        ["Operation"] = Fields("tags=[text] summary=text description=text externalDocs=ExternalDocs operationId=text parameters=[Parameter] requestBody=RequestBody responses=Responses callbacks={Callback} deprecated=text security=[SecurityRequirement] servers=[Server]"),
        ["ExternalDocs"] = Fields("description=text url=text"),
        ["Parameter"] = Fields("name=text in==query|header|path|cookie description=text required=text deprecated=text allowEmptyValue=text style==matrix|label|form|simple|spaceDelimited|pipeDelimited|deepObject explode=text allowReserved=text schema=Schema example=any examples={Example} content={MediaType}"),
        ["Header"] = Fields("description=text required=text deprecated=text allowEmptyValue=text style==matrix|label|form|simple|spaceDelimited|pipeDelimited|deepObject explode=text allowReserved=text schema=Schema example=any examples={Example} content={MediaType}"),
        ["RequestBody"] = Fields("description=text content={MediaType} required=text"),
        ["MediaType"] = Fields("schema=Schema example=any examples={Example} encoding={Encoding}"),
        ["Encoding"] = Fields("contentType=text headers={Header} style==matrix|label|form|simple|spaceDelimited|pipeDelimited|deepObject explode=text allowReserved=text"),
        ["Response"] = Fields("description=text headers={Header} content={MediaType} links={Link}"),
        ["Example"] = Fields("summary=text description=text value=any externalValue=text"),
        ["Link"] = Fields("operationRef=text operationId=text parameters=any requestBody=any description=text server=Server"),
        ["Tag"] = Fields("name=text description=text externalDocs=ExternalDocs"),
        ["Discriminator"] = Fields("propertyName=text mapping={text}"),
        ["Xml"] = Fields("name=text namespace=text prefix=text attribute=text wrapped=text"),
        ["SecurityScheme"] = Fields("type==apiKey|http|oauth2|openIdConnect description=text name=text in==query|header|cookie scheme=text bearerFormat=text flows=OAuthFlows openIdConnectUrl=text"),
        ["OAuthFlows"] = Fields("implicit=OAuthFlow password=OAuthFlow clientCredentials=OAuthFlow authorizationCode=OAuthFlow"),
        ["OAuthFlow"] = Fields("authorizationUrl=text tokenUrl=text refreshUrl=text scopes={text}"),
        ["Schema"] = Fields("title=text multipleOf=text maximum=text exclusiveMaximum=text minimum=text exclusiveMinimum=text maxLength=text minLength=text pattern=text maxItems=text minItems=text uniqueItems=text maxProperties=text minProperties=text required=[text] enum=any type=type allOf=[Schema] oneOf=[Schema] anyOf=[Schema] not=Schema items=Schema properties={Schema} additionalProperties=Schema|flag description=text format=text default=any nullable=text discriminator=Discriminator readOnly=text writeOnly=text xml=Xml externalDocs=ExternalDocs example=any deprecated=text"),
    };

    private static readonly Dictionary<string, Dictionary<string, string>> V31 = With(V30, new()
    {
        ["Document"] = Fields("jsonSchemaDialect=text webhooks={PathItem}"),
        ["Info"] = Fields("summary=text"),
        ["License"] = Fields("identifier=text"),
        ["Components"] = Fields("pathItems={PathItem}"),
        ["MediaType"] = Fields("itemEncoding=Encoding prefixEncoding=[Encoding]"),
        ["SecurityScheme"] = Fields("type==apiKey|http|oauth2|openIdConnect|mutualTLS"),
        // JSON Schema 2020-12: any keyword may stand in a schema; these hold schemas, so they are checked too.
        ["Schema"] = Fields("exclusiveMaximum=text exclusiveMinimum=text examples=any const=any prefixItems=[Schema] contains=Schema patternProperties={Schema} propertyNames=Schema dependentSchemas={Schema} if=Schema then=Schema else=Schema unevaluatedItems=Schema unevaluatedProperties=Schema contentSchema=Schema $defs={Schema}"),
    });

    private static readonly Dictionary<string, Dictionary<string, string>> V32 = With(V31, new()
    {
        ["Document"] = Fields("$self=text"),
        ["Components"] = Fields("mediaTypes={MediaType}"),
        ["PathItem"] = Fields("query=Operation additionalOperations={Operation}"),
        ["Parameter"] = Fields("in==query|header|path|cookie|querystring style==matrix|label|form|simple|spaceDelimited|pipeDelimited|deepObject|cookie"),
        ["MediaType"] = Fields("itemSchema=Schema description=text"),
        ["Response"] = Fields("summary=text"),
        ["Example"] = Fields("dataValue=any serializedValue=text"),
        ["Tag"] = Fields("summary=text parent=text kind=text"),
        ["Discriminator"] = Fields("defaultMapping=text"),
        ["Xml"] = Fields("nodeType=text"),
        ["Server"] = Fields("name=text"),
        ["SecurityScheme"] = Fields("oauth2MetadataUrl=text deprecated=text"),
        ["OAuthFlows"] = Fields("deviceAuthorization=OAuthFlow"),
        ["OAuthFlow"] = Fields("deviceAuthorizationUrl=text"),
    });

    private const string SchemaTypeNames = "null|boolean|integer|int|number|double|float|decimal|string|file|array|object";

    /// <summary>Whether OpenAPI 3.0 (or with <paramref name="is31"/> 3.1) defines <paramref name="keyword"/> for a schema.</summary>
    public static bool IsSchemaKeyword(string keyword, bool is31) => (is31 ? V31 : V30)["Schema"].ContainsKey(keyword);

    /// <summary>Whether <paramref name="version"/> is read as OpenAPI 3.1 or later (JSON Schema 2020-12 schemas).</summary>
    public static bool Is31(string version) => !version.StartsWith("3.0", StringComparison.Ordinal);

    /// <summary>Checks <paramref name="root"/>, an OpenAPI 3.x document, removing each member of the wrong kind.</summary>
    public static void Check(JsonObject root, string version, Action<string, string> warn, Action<string, string> error)
    {
        var walk = new Walk(version.StartsWith("3.0", StringComparison.Ordinal) ? V30 : version.StartsWith("3.1", StringComparison.Ordinal) ? V31 : V32, version, Is31(version), warn, error);
        if (!walk.Is31 && !root.ContainsKey("paths"))
        {
            error("#", "an OpenAPI " + version + " document must have 'paths'");
        }

        walk.Object(root, "Document", Trail.Root);
    }

    private sealed class Walk(Dictionary<string, Dictionary<string, string>> grammar, string version, bool is31, Action<string, string> warn, Action<string, string> error)
    {
        public bool Is31 => is31;

        public void Object(JsonObject obj, string kind, Trail trail)
        {
            // A reference's target is checked where it stands; what stands beside a $ref is not read.
            if (kind != "Document" && obj.ContainsKey("$ref"))
            {
                return;
            }

            var fields = grammar.TryGetValue(kind, out var known) ? known : null;
            List<string>? removed = null;
            foreach (var pair in obj)
            {
                var (key, value) = (pair.Key, pair.Value);
                if (kind is "Paths" or "Responses" or "Callback")
                {
                    if (key.StartsWith("x-", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    if (kind == "Paths" && !key.StartsWith("/", StringComparison.Ordinal))
                    {
                        warn(trail.At(key), "'" + key + "' is not an OpenAPI " + version + " keyword here (a path starts with '/'); it is ignored");
                        continue;
                    }

                    if (kind == "Responses" && !ResponseRule.IsKey(key))
                    {
                        error(trail.At(key), "a response is for 'default', a status from 100 to 599 or a class such as '4XX', and '" + Shorten(key) + "' is none of these");
                        (removed ??= new List<string>()).Add(key);
                        continue;
                    }

                    // Each entry of these maps is an object: a path item, a response.
                    if (DocumentShape.EntryProblem(kind == "Paths" ? "paths" : kind == "Responses" ? "responses" : "callback", key, value) is { } problem)
                    {
                        error(trail.At(key), problem);
                        (removed ??= new List<string>()).Add(key);
                    }
                    else if (value is JsonObject entry)
                    {
                        Object(entry, kind == "Responses" ? "Response" : "PathItem", trail.Child(key));
                    }

                    continue;
                }

                if (kind == "SecurityRequirement" || key.StartsWith("x-", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (fields is null || !fields.TryGetValue(key, out var shape))
                {
                    // JSON Schema 2020-12 lets a schema carry any keyword; "$schema" is JSON Schema's own.
                    if (!(kind == "Schema" && is31) && key != "$schema")
                    {
                        warn(trail.At(key), "'" + key + "' is not an OpenAPI " + version + " keyword here; it is ignored");
                    }

                    continue;
                }

                if (!Member(key, value, shape, trail))
                {
                    (removed ??= new List<string>()).Add(key);
                }
            }

            foreach (var key in removed ?? Enumerable.Empty<string>())
            {
                obj.Remove(key);
            }
        }

        /// <summary>Checks one member of the object at <paramref name="trail"/>; false when it is of the wrong kind (reported, to be removed).</summary>
        private bool Member(string key, JsonNode? value, string shape, Trail trail)
        {
            if (Problem(value, shape) is { } expected)
            {
                error(trail.At(key), "'" + key + "' must be " + expected + ", not " + Shorten(value?.ToJsonString() ?? "null"));
                return false;
            }

            // The rules every version shares: flags, counts, a discriminator's mapping, a security requirement's scopes.
            if (value is JsonValue scalar && DocumentShape.ValueProblem(key, scalar, booleanExclusive: !is31) is { } problem)
            {
                error(trail.At(key), problem);
                return false;
            }

            if (key == "mapping" && value is JsonObject mapping)
            {
                DocumentShape.CheckMapping(mapping, trail.Child(key), error);
            }
            else if (value is JsonObject or JsonArray)
            {
                Inside(value, shape, trail.Child(key));
            }

            return true;
        }

        /// <summary>What <paramref name="value"/> must be when it is not what <paramref name="shape"/> says, or null.</summary>
        private string? Problem(JsonNode? value, string shape)
        {
            // A null stands for "not given" where a value belongs; where an object or a list belongs, it is neither.
            if (shape == "any" || (value is null && (shape is "text" or "type" || shape.StartsWith("=", StringComparison.Ordinal))))
            {
                return null;
            }

            if (shape == "type")
            {
                // One type's name, or in 3.1 a list of them.
                return value is JsonValue && Schema.TypeNamed(Schema.Scalar(value)) is not null ? null
                    : is31 && value is JsonArray names && names.All(name => name is JsonValue && Schema.TypeNamed(Schema.Scalar(name)) is not null) ? null
                    : "one of " + SchemaTypeNames.Replace("|", ", ") + (is31 ? ", or a list of them" : string.Empty);
            }

            if (shape == "text")
            {
                return value is JsonValue ? null : "a value";
            }

            if (shape.StartsWith("=", StringComparison.Ordinal))
            {
                var allowed = shape.Substring(1).Split('|');
                return value is JsonValue && allowed.Contains(Schema.Scalar(value)) ? null : "one of " + string.Join(", ", allowed);
            }

            if (shape.StartsWith("[", StringComparison.Ordinal))
            {
                return value is JsonArray ? null : "a list";
            }

            if (shape == "Schema|flag")
            {
                // additionalProperties: a schema, or true/false in every version.
                return value is JsonValue ? null : Problem(value, "Schema");
            }

            if (shape == "Schema" && is31 && value is JsonValue flag && flag.TryGetValue<bool>(out _))
            {
                return null;
            }

            if (shape == "Schema" && is31 && value is JsonArray)
            {
                return "a schema (an object)";
            }

            return value is JsonObject ? null : shape.StartsWith("{", StringComparison.Ordinal) ? "a map (an object)" : "an object";
        }

        private void Inside(JsonNode? value, string shape, Trail at)
        {
            switch (value)
            {
                case JsonArray list when shape.StartsWith("[", StringComparison.Ordinal):
                    var itemShape = shape.Substring(1, shape.Length - 2);
                    List<int>? wrong = null;
                    for (var i = 0; i < list.Count; i++)
                    {
                        var item = list[i];
                        if (Problem(item, itemShape) is { } expected)
                        {
                            error(at.Child(i).ToString(), "each item must be " + expected + ", not " + Shorten(item?.ToJsonString() ?? "null"));
                            (wrong ??= new List<int>()).Add(i);
                        }
                        else if (item is JsonObject child && itemShape is not ("text" or "SecurityRequirement"))
                        {
                            Object(child, itemShape, at.Child(i));
                        }
                    }

                    for (var i = (wrong?.Count ?? 0) - 1; i >= 0; i--)
                    {
                        list.RemoveAt(wrong![i]);
                    }

                    if (itemShape == "SecurityRequirement")
                    {
                        DocumentShape.CheckSecurity(list, at, error);
                    }

                    break;
                case JsonObject map when shape.StartsWith("{", StringComparison.Ordinal):
                    var entryShape = shape.Substring(1, shape.Length - 2);
                    if (entryShape == "text")
                    {
                        break;
                    }

                    List<string>? removed = null;
                    foreach (var pair in map)
                    {
                        if (Problem(pair.Value, entryShape) is not null)
                        {
                            // An extension's value among named objects is left alone, as the reader leaves it.
                            if (DocumentShape.EntryProblem(at.Segment, pair.Key, pair.Value) is { } problem)
                            {
                                error(at.At(pair.Key), problem);
                                (removed ??= new List<string>()).Add(pair.Key);
                            }
                        }
                        else if (pair.Value is JsonObject child)
                        {
                            Object(child, entryShape, at.Child(pair.Key));
                        }
                    }

                    foreach (var key in removed ?? Enumerable.Empty<string>())
                    {
                        map.Remove(key);
                    }

                    break;
                case JsonObject child when shape is not ("any" or "text" or "type"):
                    Object(child, shape == "Schema|flag" ? "Schema" : shape, at);
                    break;
            }
        }
    }

    private static Dictionary<string, string> Fields(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(' '))
        {
            var equals = part.IndexOf('=');
            fields[part.Substring(0, equals)] = part.Substring(equals + 1);
        }

        return fields;
    }

    private static Dictionary<string, Dictionary<string, string>> With(Dictionary<string, Dictionary<string, string>> earlier, Dictionary<string, Dictionary<string, string>> added)
    {
        var all = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var pair in earlier)
        {
            all[pair.Key] = new Dictionary<string, string>(pair.Value, StringComparer.Ordinal);
        }

        foreach (var pair in added)
        {
            foreach (var field in pair.Value)
            {
                all[pair.Key][field.Key] = field.Value;
            }
        }

        return all;
    }

    private static string Shorten(string text) => text.Length > 60 ? text.Substring(0, 60) + "…" : text;
}

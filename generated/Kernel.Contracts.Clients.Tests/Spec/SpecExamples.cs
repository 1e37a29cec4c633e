using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Clients.Tests.Spec;

/// <summary>One example value of the documents and the component schema it is an instance of.</summary>
/// <param name="Api">Which document.</param>
/// <param name="Name">Where the example is, for failure messages, e.g. <c>sessions GET /kernel/{kernelId} 200 application/json 'running'</c>.</param>
/// <param name="Schema">The component schema name, e.g. <c>KernelInfo</c>.</param>
/// <param name="Value">The example value.</param>
internal sealed record SpecExample(string Api, string Name, string Schema, JsonNode? Value)
{
    public override string ToString() => Name;
}

/// <summary>One documented response of an operation with one of its examples (or none, for a response without a body).</summary>
internal sealed record SpecResponse(
    string Api,
    string OperationId,
    string Method,
    string PathTemplate,
    string StatusKey,
    int Status,
    string? MediaType,
    string? ExampleName,
    string? Schema,
    JsonNode? Value);

/// <summary>Finds the examples and responses of the documents.</summary>
internal static class SpecExamples
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    /// <summary>Every example of a request body, a response body or a parameter whose schema is a component schema, once each.</summary>
    public static IReadOnlyList<SpecExample> TopLevel(string api)
    {
        var document = SpecDocuments.Load(api);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<SpecExample>();

        foreach (var (path, method, operation, pathItem) in Operations(document))
        {
            var where = api + " " + method.ToUpperInvariant() + " " + path;
            var parameters = new List<JsonNode?>();
            parameters.AddRange(pathItem["parameters"] as JsonArray ?? new JsonArray());
            parameters.AddRange(operation["parameters"] as JsonArray ?? new JsonArray());
            foreach (var raw in parameters.OfType<JsonObject>())
            {
                var (parameter, pointer) = SpecDocuments.Deref(document, raw);
                if (parameter["schema"] is JsonObject schema && SpecDocuments.SchemaName(schema) is { } name && parameter.ContainsKey("example"))
                {
                    var key = (pointer ?? where + "/" + parameter["name"]) + "/example";
                    if (seen.Add(key))
                    {
                        result.Add(new SpecExample(api, where + " parameter " + parameter["name"] + " example", name, parameter["example"]?.DeepClone()));
                    }
                }
            }

            if (operation["requestBody"] is JsonObject rawBody)
            {
                var (body, pointer) = SpecDocuments.Deref(document, rawBody);
                AddContent(document, api, body, pointer, where + " request", seen, result);
            }

            foreach (var (status, rawResponse) in (JsonObject)operation["responses"]!)
            {
                var (response, pointer) = SpecDocuments.Deref(document, (JsonObject)rawResponse!);
                AddContent(document, api, response, pointer, where + " " + status, seen, result);
            }
        }

        return result;
    }

    /// <summary>
    /// The top-level examples and every value nested in them that is an instance of a component schema
    /// (a property, an array item or a map value whose schema is a <c>$ref</c>), named by its path in the example.
    /// </summary>
    public static IReadOnlyList<SpecExample> All(string api)
    {
        var document = SpecDocuments.Load(api);
        var result = new List<SpecExample>();
        foreach (var example in TopLevel(api))
        {
            result.Add(example);
            var schema = (JsonObject)SpecDocuments.Resolve(document, "#/components/schemas/" + example.Schema);
            CollectNested(document, api, example.Value, schema, example.Name, result);
        }

        return result;
    }

    /// <summary>Every documented response of every operation, one entry per example (one without a value when there is no body).</summary>
    public static IReadOnlyList<SpecResponse> Responses(string api)
    {
        var document = SpecDocuments.Load(api);
        var result = new List<SpecResponse>();
        foreach (var (path, method, operation, _) in Operations(document))
        {
            var operationId = operation["operationId"]!.GetValue<string>();
            foreach (var (statusKey, rawResponse) in (JsonObject)operation["responses"]!)
            {
                var (response, _) = SpecDocuments.Deref(document, (JsonObject)rawResponse!);
                if (response["content"] is not JsonObject content || content.Count == 0)
                {
                    result.Add(new SpecResponse(api, operationId, method.ToUpperInvariant(), path, statusKey, int.Parse(statusKey, System.Globalization.CultureInfo.InvariantCulture), null, null, null, null));
                    continue;
                }

                foreach (var (mediaType, rawMedia) in content)
                {
                    var media = (JsonObject)rawMedia!;
                    var schema = SpecDocuments.SchemaName((JsonObject)media["schema"]!);
                    foreach (var (exampleName, value) in ExamplesOf(document, media))
                    {
                        var status = statusKey == "default"
                            ? (value is JsonObject problem && JsonSemantic.Int(problem["status"]) is { } s ? s : 500)
                            : int.Parse(statusKey, System.Globalization.CultureInfo.InvariantCulture);
                        result.Add(new SpecResponse(api, operationId, method.ToUpperInvariant(), path, statusKey, status, mediaType, exampleName, schema, value));
                    }
                }
            }
        }

        return result;
    }

    /// <summary>Every operationId of a document.</summary>
    public static IReadOnlyList<string> OperationIds(string api) =>
        Operations(SpecDocuments.Load(api)).Select(o => o.Operation["operationId"]!.GetValue<string>()).ToList();

    private static IEnumerable<(string Path, string Method, JsonObject Operation, JsonObject PathItem)> Operations(JsonObject document)
    {
        foreach (var (path, rawItem) in (JsonObject)document["paths"]!)
        {
            var pathItem = (JsonObject)rawItem!;
            foreach (var method in Methods)
            {
                if (pathItem[method] is JsonObject operation)
                {
                    yield return (path, method, operation, pathItem);
                }
            }
        }
    }

    private static IEnumerable<(string Name, JsonNode? Value)> ExamplesOf(JsonObject document, JsonObject media)
    {
        if (media["examples"] is JsonObject examples)
        {
            foreach (var (name, raw) in examples)
            {
                var (example, _) = SpecDocuments.Deref(document, (JsonObject)raw!);
                yield return (name, example["value"]?.DeepClone());
            }
        }
        else if (media.ContainsKey("example"))
        {
            yield return ("example", media["example"]?.DeepClone());
        }
    }

    private static void AddContent(JsonObject document, string api, JsonObject holder, string? pointer, string where, HashSet<string> seen, List<SpecExample> result)
    {
        if (holder["content"] is not JsonObject content)
        {
            return;
        }

        foreach (var (mediaType, rawMedia) in content)
        {
            var media = (JsonObject)rawMedia!;
            var schema = (JsonObject)media["schema"]!;
            var name = SpecDocuments.SchemaName(schema)
                ?? throw new InvalidOperationException(where + " " + mediaType + ": the schema is inline; the tests expect a component schema (a generated type)");
            foreach (var (exampleName, value) in ExamplesOf(document, media))
            {
                var key = (pointer ?? where) + "/" + mediaType + "/" + exampleName;
                if (seen.Add(key))
                {
                    result.Add(new SpecExample(api, where + " " + mediaType + " '" + exampleName + "'", name, value));
                }
            }
        }
    }

    private static void CollectNested(JsonObject document, string api, JsonNode? value, JsonObject schema, string name, List<SpecExample> result)
    {
        if (value is null)
        {
            return;
        }

        if (SpecDocuments.SchemaName(schema) is { } component)
        {
            result.Add(new SpecExample(api, name + " (" + component + ")", component, value.DeepClone()));
        }

        var (resolved, _) = SpecDocuments.Deref(document, schema);
        if (resolved["oneOf"] is JsonArray oneOf)
        {
            foreach (var branch in oneOf.OfType<JsonObject>().Where(b => !IsNullType(b)))
            {
                CollectNested(document, api, value, branch, name, result);
            }

            return;
        }

        switch (value)
        {
            case JsonObject obj:
                var properties = resolved["properties"] as JsonObject;
                foreach (var (member, memberValue) in obj)
                {
                    if (properties?[member] is JsonObject propertySchema)
                    {
                        CollectNested(document, api, memberValue, propertySchema, name + "." + member, result);
                    }
                    else if (resolved["additionalProperties"] is JsonObject valueSchema)
                    {
                        CollectNested(document, api, memberValue, valueSchema, name + "['" + member + "']", result);
                    }
                }

                break;
            case JsonArray array when resolved["items"] is JsonObject items:
                for (var i = 0; i < array.Count; i++)
                {
                    CollectNested(document, api, array[i], items, name + "[" + i + "]", result);
                }

                break;
        }
    }

    private static bool IsNullType(JsonObject schema) => schema["type"] is JsonValue type && type.GetValueKind() == JsonValueKind.String && type.GetValue<string>() == "null";
}

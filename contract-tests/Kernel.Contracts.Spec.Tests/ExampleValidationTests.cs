using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using NJsonSchema;
using Xunit;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Spec.Tests;

/// <summary>Every example in both documents validates against the schema it illustrates.</summary>
public class ExampleValidationTests
{
    /// <summary>One row per example: the file and the JSON pointer of the example (which names it in the test output).</summary>
    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in SpecDocuments.Files)
        {
            foreach (var pointer in FindExamples(SpecDocuments.Load(file), "#"))
            {
                data.Add(file, pointer);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_validates_against_its_schema(string file, string examplePointer)
    {
        var document = SpecDocuments.Load(file);
        var owner = OwnerOf(examplePointer);
        var schema = SpecDocuments.Resolve(document, owner + "/schema")!;
        var example = ExampleValue(document, SpecDocuments.Resolve(document, examplePointer), examplePointer);

        var errors = Validate(document, schema, example);

        Assert.True(errors.Count == 0, file + " " + examplePointer + " does not match its schema:\n  " + string.Join("\n  ", errors));
    }

    [Theory]
    [InlineData("kernel-platform.openapi.yaml")]
    [InlineData("kernel-sessions.openapi.yaml")]
    public void Every_request_and_response_body_has_an_example(string file)
    {
        var document = SpecDocuments.Load(file);
        var missing = new List<string>();
        foreach (var path in (JsonObject)document["paths"]!)
        {
            foreach (var operation in (JsonObject)path.Value!)
            {
                if (operation.Key is "parameters" or "summary" or "description")
                {
                    continue;
                }

                var where = operation.Key.ToUpperInvariant() + " " + path.Key;
                if (operation.Value!["requestBody"] is { } body)
                {
                    CheckContent(document, body, where + " request", missing);
                }

                foreach (var response in (JsonObject)operation.Value!["responses"]!)
                {
                    CheckContent(document, response.Value!, where + " " + response.Key, missing);
                }
            }
        }

        Assert.True(missing.Count == 0, "Without an example: " + string.Join(", ", missing));
    }

    private static void CheckContent(JsonObject document, JsonNode node, string where, List<string> missing)
    {
        while (node["$ref"] is JsonValue reference)
        {
            node = SpecDocuments.Resolve(document, reference.GetValue<string>())!;
        }

        foreach (var media in node["content"] as JsonObject ?? new JsonObject())
        {
            if (media.Value!["example"] is null && media.Value["examples"] is not JsonObject { Count: > 0 })
            {
                missing.Add(where + " " + media.Key);
            }
        }
    }

    [Fact]
    public void A_wrong_example_is_reported_with_the_rule_it_breaks()
    {
        // The check itself must be able to fail: a token with a colon breaks the clientSessionToken pattern.
        var document = SpecDocuments.Load("kernel-sessions.openapi.yaml");
        var schema = JsonNode.Parse("{\"$ref\": \"#/components/schemas/CreateKernelRequest\"}")!;
        var example = JsonNode.Parse("{\"lang\": \"python:3.6\", \"clientSessionToken\": \"EXAMPLE:STRING\"}");

        var errors = Validate(document, schema, example);

        Assert.Contains(errors, e => e.Contains("clientSessionToken", StringComparison.Ordinal) && e.Contains("Pattern", StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<string> FindExamples(JsonNode? node, string pointer)
    {
        if (node is JsonObject obj)
        {
            if (obj.ContainsKey("schema"))
            {
                if (obj.ContainsKey("example"))
                {
                    yield return pointer + "/example";
                }

                if (obj["examples"] is JsonObject named)
                {
                    foreach (var pair in named)
                    {
                        yield return pointer + "/examples/" + Pointers.Escape(pair.Key);
                    }
                }
            }

            foreach (var pair in obj)
            {
                // Examples are not searched for examples; schemas hold no media types or parameters.
                if (pair.Key is "example" or "examples" or "schema")
                {
                    continue;
                }

                foreach (var found in FindExamples(pair.Value, pointer + "/" + Pointers.Escape(pair.Key)))
                {
                    yield return found;
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                foreach (var found in FindExamples(array[i], pointer + "/" + i))
                {
                    yield return found;
                }
            }
        }
    }

    private static string OwnerOf(string examplePointer)
    {
        var cut = examplePointer.EndsWith("/example", StringComparison.Ordinal)
            ? examplePointer.Length - "/example".Length
            : examplePointer.LastIndexOf("/examples/", StringComparison.Ordinal);
        return examplePointer.Substring(0, cut);
    }

    /// <summary>A named example is an Example Object (<c>value</c>, or a <c>$ref</c> to one); <c>example</c> is the value itself.</summary>
    private static JsonNode? ExampleValue(JsonObject document, JsonNode? example, string pointer)
    {
        if (pointer.EndsWith("/example", StringComparison.Ordinal))
        {
            return example;
        }

        var exampleObject = (JsonObject)example!;
        while (exampleObject["$ref"] is JsonValue reference)
        {
            exampleObject = (JsonObject)SpecDocuments.Resolve(document, reference.GetValue<string>())!;
        }

        Assert.True(exampleObject.ContainsKey("value"), pointer + " has no value (externalValue is not used in this project).");
        return exampleObject["value"];
    }

    internal static List<string> Validate(JsonObject document, JsonNode schema, JsonNode? example) => Validate(SchemaFor(document, schema), example);

    internal static JsonSchema SchemaFor(JsonObject document, JsonNode schema)
    {
        // A JSON Schema document whose root holds the schema, with the OpenAPI component schemas as its
        // definitions (the place JSON Schema validators look), references rewritten to match.
        var root = new JsonObject
        {
            ["allOf"] = new JsonArray(schema.DeepClone()),
            ["definitions"] = document["components"]!["schemas"]!.DeepClone(),
        };
        var text = root.ToJsonString().Replace("\"#/components/schemas/", "\"#/definitions/", StringComparison.Ordinal);
        return JsonSchema.FromJsonAsync(text).GetAwaiter().GetResult();
    }

    internal static List<string> Validate(JsonSchema jsonSchema, JsonNode? example)
    {
        var json = example is null ? "null" : example.ToJsonString();
        return jsonSchema.Validate(json).Select(e => Describe(e)).ToList();
    }

    private static string Describe(NJsonSchema.Validation.ValidationError error) =>
        error is NJsonSchema.Validation.ChildSchemaValidationError child
            ? error.Kind + " at " + error.Path + ": " + string.Join("; ", child.Errors.SelectMany(e => e.Value).Select(Describe))
            : error.Kind + " at " + (error.Path ?? "#") + (error.Property is null ? string.Empty : " (" + error.Property + ")");
}

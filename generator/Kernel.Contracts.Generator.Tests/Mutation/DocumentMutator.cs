using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Generator.Tests.Mutation;

/// <summary>One mutated document: its text, whether it is YAML, and what was done to it (for the failure message).</summary>
internal sealed record Mutant(string Text, bool IsYaml, IReadOnlyList<string> Mutations);

/// <summary>
/// Breaks OpenAPI documents the way careless or hostile authors do: wrong types, deleted members, dangling and
/// cyclic references, names C# cannot take, empty and huge values, duplicate operationIds and YAML aliases.
/// Deterministic for its seed, so a failing mutant can be made again.
/// </summary>
internal sealed class DocumentMutator
{
    private const int MaxPaths = 4;
    private const string AliasMarker = "\u0001alias:";
    private const string MergeKey = "<<";

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] HostileNames =
    {
        "class", "namespace", "int", "void", "object", "string", "value", "Value", "System", "global", "_", "__", "@", "",
        " ", "1st", "123", "9lives", "a b-c.d", "über", "日本語", "😀", "\u200Bzero", "Ω", "a/b", "{id}", "$ref", "null",
        "true", "GetType", "ToString", "Equals", "GetHashCode", "Result", "Client", "Api", "Options", "ApiException",
        "JsonConverter", "Task", "CancellationToken", "Dispose", "get_Value", "<T>", "a\"quote", "back\\slash", "new\nline",
        "*/ end comment", "// comment", "#region", new string('x', 600), new string('é', 300),
    };

    private static readonly string[] Types = { "string", "integer", "number", "boolean", "array", "object", "null", "file", "int", "" };

    private static readonly string[] Keywords =
    {
        "type", "format", "enum", "required", "properties", "items", "additionalProperties", "allOf", "oneOf", "anyOf", "not",
        "discriminator", "nullable", "default", "example", "minimum", "maximum", "minLength", "maxLength", "pattern",
        "minItems", "maxItems", "const", "readOnly", "writeOnly", "content", "schema", "in", "name", "style", "explode",
        "responses", "parameters", "requestBody", "security", "servers", "operationId", "$ref",
    };

    private readonly Random _random;

    public DocumentMutator(int seed) => _random = new Random(seed);

    /// <summary>A small piece of <paramref name="document"/> (a few paths and what they reference), mutated one to three times.</summary>
    public Mutant Mutate(JsonObject document)
    {
        var root = Slice(document);
        var mutations = new List<string>();
        var aliases = new List<(JsonNode Anchored, string Pointer)>();
        var count = 1 + _random.Next(3);
        for (var i = 0; i < count; i++)
        {
            mutations.Add(MutateOnce(root, aliases));
        }

        // YAML when aliases need it, else either: JSON goes through System.Text.Json, YAML through YamlDotNet.
        var yaml = aliases.Count > 0 || _random.Next(2) == 0;
        return new Mutant(yaml ? ToFlowYaml(root, aliases) : root.ToJsonString(Relaxed), yaml, mutations);
    }

    /// <summary>Up to <see cref="MaxPaths"/> random paths with every component they reach, and the rest of the document's top level.</summary>
    private JsonObject Slice(JsonObject document)
    {
        var slice = new JsonObject();
        foreach (var (key, value) in document)
        {
            if (key is not "paths" and not "components" and not "webhooks")
            {
                slice[key] = value?.DeepClone();
            }
        }

        if (document["paths"] is JsonObject paths)
        {
            var kept = new JsonObject();
            foreach (var (key, value) in paths.OrderBy(_ => _random.Next()).Take(MaxPaths).ToList())
            {
                kept[key] = value?.DeepClone();
            }

            slice["paths"] = kept;
        }

        if (document["components"] is JsonObject components)
        {
            var copied = new JsonObject();
            if (components["securitySchemes"] is { } schemes)
            {
                copied["securitySchemes"] = schemes.DeepClone();
            }

            slice["components"] = copied;
            var pending = new Queue<JsonNode?>(new[] { slice["paths"] });
            while (pending.Count > 0)
            {
                foreach (var reference in References(pending.Dequeue()))
                {
                    var segments = Pointers.Split(reference).ToArray();
                    if (segments.Length != 3 || segments[0] != "components" || (components[segments[1]] as JsonObject)?[segments[2]] is not { } target)
                    {
                        continue;
                    }

                    var section = copied[segments[1]] as JsonObject ?? (JsonObject)(copied[segments[1]] = new JsonObject());
                    if (!section.ContainsKey(segments[2]))
                    {
                        var copy = target.DeepClone();
                        section[segments[2]] = copy;
                        pending.Enqueue(copy);
                    }
                }
            }
        }

        return slice;
    }

    private static IEnumerable<string> References(JsonNode? node)
    {
        foreach (var child in Walk(node))
        {
            if (child is JsonObject obj && obj["$ref"] is JsonValue value && value.TryGetValue<string>(out var reference) && reference.StartsWith("#/", StringComparison.Ordinal))
            {
                yield return reference;
            }
        }
    }

    private static IEnumerable<JsonNode> Walk(JsonNode? node)
    {
        var stack = new Stack<JsonNode>();
        if (node is not null)
        {
            stack.Push(node);
        }

        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            var children = current switch
            {
                JsonObject obj => obj.Select(p => p.Value),
                JsonArray array => array,
                _ => Enumerable.Empty<JsonNode?>(),
            };
            foreach (var child in children)
            {
                if (child is not null)
                {
                    stack.Push(child);
                }
            }
        }
    }

    private string MutateOnce(JsonObject root, List<(JsonNode Anchored, string Pointer)> aliases)
    {
        var objects = Walk(root).OfType<JsonObject>().Where(o => o.Count > 0).ToList();
        var target = Pick(objects);
        var key = Pick(target.Select(p => p.Key).ToList());
        var at = target.GetPath() + "." + key;
        switch (_random.Next(11))
        {
            case 0:
                target[key] = WrongValue();
                return "wrong type at " + at;
            case 1:
                target.Remove(key);
                return "deleted " + at;
            case 2:
                return DanglingReference(root, objects);
            case 3:
                return CyclicReference(root);
            case 4:
                return Rename(root, objects);
            case 5:
                target[key] = Pick(new JsonNode?[] { "", new JsonObject(), new JsonArray(), null, 0 });
                return "emptied " + at;
            case 6:
                target[key] = HugeValue();
                return "huge value at " + at;
            case 7:
                return DuplicateOperationId(root);
            case 8:
                var keyword = Pick(Keywords);
                target[keyword] = _random.Next(2) == 0 ? WrongValue() : KeywordValue(keyword);
                return "set " + keyword + " at " + target.GetPath();
            case 9:
                return Alias(root, objects, aliases);
            default:
                var copy = target.DeepClone();
                target[Pick(HostileNames)] = copy;
                return "copied " + target.GetPath() + " under a hostile name";
        }
    }

    private JsonNode? WrongValue() => _random.Next(8) switch
    {
        0 => 42,
        1 => -1.5,
        2 => true,
        3 => null,
        4 => "text",
        5 => new JsonArray(1, "two", null),
        6 => new JsonObject { ["unexpected"] = 1 },
        _ => JsonNode.Parse("1e400"),
    };

    private JsonNode? HugeValue() => _random.Next(6) switch
    {
        0 => new string('x', 100_000),
        1 => long.MaxValue,
        2 => JsonNode.Parse("123456789012345678901234567890123456789"),
        3 => new JsonArray(Enumerable.Range(0, 5_000).Select(i => (JsonNode?)("v" + i)).ToArray()),
        4 => new JsonObject(Enumerable.Range(0, 2_000).Select(i => new KeyValuePair<string, JsonNode?>("p" + i, new JsonObject { ["type"] = "string" }))),
        _ => -1e308,
    };

    private JsonNode? KeywordValue(string keyword) => keyword switch
    {
        "type" => _random.Next(3) == 0 ? new JsonArray(Pick(Types), Pick(Types), "null") : Pick(Types),
        "format" => Pick(new[] { "int32", "int64", "date-time", "uuid", "binary", "byte", "weird", "", "double", "decimal", "uri", "date", "duration" }),
        "enum" => new JsonArray(Pick(HostileNames), Pick(HostileNames), 1, null, true, new JsonObject(), Pick(HostileNames)),
        "required" => new JsonArray(Pick(HostileNames), "missing"),
        "properties" => new JsonObject { [Pick(HostileNames)] = new JsonObject { ["type"] = Pick(Types) }, [Pick(HostileNames)] = new JsonObject { ["$ref"] = "#/components/schemas/" + Pick(HostileNames) } },
        "items" => _random.Next(2) == 0 ? new JsonObject() : new JsonArray(new JsonObject { ["type"] = "string" }),
        "additionalProperties" => _random.Next(2) == 0 ? false : new JsonObject { ["type"] = Pick(Types) },
        "allOf" or "oneOf" or "anyOf" => new JsonArray(new JsonObject { ["type"] = Pick(Types) }, new JsonObject { ["$ref"] = "#/components/schemas/Missing" }, new JsonObject()),
        "not" => new JsonObject { ["type"] = "string" },
        "discriminator" => new JsonObject { ["propertyName"] = Pick(HostileNames), ["mapping"] = new JsonObject { [Pick(HostileNames)] = "#/components/schemas/" + Pick(HostileNames) } },
        "pattern" => Pick(new[] { "([", "^[a-z]+$", "\\p{Zzz}", "(?<name>x)", "", "a{99999999999}" }),
        "minimum" or "maximum" or "minLength" or "maxLength" or "minItems" or "maxItems" => Pick(new JsonNode?[] { -1, 0, long.MaxValue, 1.5, JsonNode.Parse("1e400") }),
        "in" => Pick(new[] { "path", "query", "header", "cookie", "body", "formData", "" }),
        "style" => Pick(new[] { "form", "simple", "deepObject", "matrix", "label", "spaceDelimited", "nope" }),
        "responses" => new JsonObject { [Pick(new[] { "200", "2XX", "default", "999", "abc", "" })] = new JsonObject { ["description"] = "x", ["content"] = new JsonObject { [Pick(new[] { "application/json", "text/plain", "*/*", "application/octet-stream", "weird" })] = new JsonObject { ["schema"] = new JsonObject { ["type"] = Pick(Types) } } } } },
        "parameters" => new JsonArray(new JsonObject { ["name"] = Pick(HostileNames), ["in"] = Pick(new[] { "path", "query", "header", "cookie" }), ["schema"] = new JsonObject { ["type"] = Pick(Types) } }),
        "content" => new JsonObject { [Pick(new[] { "application/json", "multipart/form-data", "application/x-www-form-urlencoded", "text/plain", "" })] = new JsonObject { ["schema"] = new JsonObject { ["type"] = Pick(Types) } } },
        "operationId" => Pick(HostileNames),
        "$ref" => DanglingTarget(),
        _ => Pick(HostileNames),
    };

    private string DanglingTarget() => Pick(new[]
    {
        "#/components/schemas/Nope", "#/", "#", "", "other.yaml#/components/schemas/X", "https://example.com/x.yaml#/a",
        "#/paths", "#/components/schemas/" + Pick(HostileNames), "#/components/schemas/a~1b", "#/info/title", "%%%", "#/components/schemas/x/properties/y",
    });

    private string DanglingReference(JsonObject root, List<JsonObject> objects)
    {
        var withRef = objects.Where(o => o.ContainsKey("$ref")).ToList();
        var target = withRef.Count > 0 && _random.Next(3) != 0 ? Pick(withRef) : Pick(objects);
        var reference = DanglingTarget();
        target["$ref"] = reference;
        return "dangling $ref '" + reference + "' at " + target.GetPath();
    }

    private string CyclicReference(JsonObject root)
    {
        var schemas = (root["components"] as JsonObject)?["schemas"] as JsonObject;
        if (schemas is null || schemas.Count == 0)
        {
            var components = root["components"] as JsonObject ?? (JsonObject)(root["components"] = new JsonObject());
            schemas = (JsonObject)(components["schemas"] = new JsonObject());
            schemas["Loop"] = new JsonObject { ["type"] = "object" };
        }

        var names = schemas.Select(p => p.Key).ToList();
        var a = Pick(names);
        var b = Pick(names);
        switch (_random.Next(4))
        {
            case 0:
                schemas[a] = new JsonObject { ["$ref"] = "#/components/schemas/" + b };
                schemas[b] = new JsonObject { ["$ref"] = "#/components/schemas/" + a };
                return "cycle of bare $refs " + a + " <-> " + b;
            case 1:
                schemas[a] = new JsonObject { ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/components/schemas/" + a }) };
                return "allOf of itself: " + a;
            case 2:
                schemas[a] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["self"] = new JsonObject { ["$ref"] = "#/components/schemas/" + a }, ["list"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/components/schemas/" + a } } } };
                return "recursive properties in " + a;
            default:
                schemas[a] = new JsonObject { ["oneOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/components/schemas/" + b }, new JsonObject { ["$ref"] = "#/components/schemas/" + a }) };
                return "oneOf of itself and " + b + ": " + a;
        }
    }

    private string Rename(JsonObject root, List<JsonObject> objects)
    {
        var target = Pick(objects);
        var from = Pick(target.Select(p => p.Key).ToList());
        var to = _random.Next(4) == 0 ? Neighbour(from) : Pick(HostileNames);
        if (target.ContainsKey(to))
        {
            return "renamed nothing (" + to + " exists)";
        }

        var value = target[from];
        target.Remove(from);
        target[to] = value;

        // Renaming a component keeps its references pointing at it half of the time.
        if (target.Parent is { } parent && parent == root["components"] && _random.Next(2) == 0)
        {
            var section = target.GetPropertyName();
            var old = "#/components/" + section + "/" + Pointers.Escape(from);
            foreach (var holder in Walk(root).OfType<JsonObject>().Where(o => o["$ref"] is JsonValue v && v.TryGetValue<string>(out var r) && r == old).ToList())
            {
                holder["$ref"] = "#/components/" + section + "/" + Pointers.Escape(to);
            }
        }

        return "renamed " + target.GetPath() + "." + from + " to '" + Shorten(to) + "'";
    }

    /// <summary>A name C# would confuse with <paramref name="name"/>: another case, or other separators.</summary>
    private string Neighbour(string name) => _random.Next(3) switch
    {
        0 => name.ToUpperInvariant(),
        1 => name.ToLowerInvariant(),
        _ => name.Replace("_", string.Empty) + "_",
    };

    private string DuplicateOperationId(JsonObject root)
    {
        var operations = Walk(root["paths"]).OfType<JsonObject>().Where(o => o["operationId"] is JsonValue).ToList();
        if (operations.Count < 2)
        {
            return "no operationIds to duplicate";
        }

        var from = Pick(operations);
        var to = Pick(operations);
        to["operationId"] = from["operationId"]!.DeepClone();
        return "duplicate operationId " + from["operationId"];
    }

    private string Alias(JsonObject root, List<JsonObject> objects, List<(JsonNode Anchored, string Pointer)> aliases)
    {
        if (_random.Next(3) == 0)
        {
            // Nested aliases: the first level ten strings, each next level ten of the one before.
            var levels = 2 + _random.Next(6);
            var level = new JsonArray(Enumerable.Repeat(0, 10).Select(_ => (JsonNode?)"lol").ToArray());
            var name = "x-laughs-" + aliases.Count;
            var holder = new JsonObject { ["l0"] = level };
            aliases.Add((level, name + "0"));
            for (var i = 1; i <= levels; i++)
            {
                var next = new JsonArray(Enumerable.Repeat(0, 10).Select(_ => (JsonNode?)(AliasMarker + name + (i - 1))).ToArray());
                holder["l" + i] = next;
                aliases.Add((next, name + i));
            }

            Pick(objects)[name] = holder;
            return "nested aliases, " + levels + " levels, at " + name;
        }

        // Reuse: one schema or operation anchored and used again somewhere else.
        var anchored = Pick(objects);
        if (anchored == root)
        {
            return "aliased nothing";
        }

        var anchor = aliases.Where(a => a.Anchored == anchored).Select(a => a.Pointer).FirstOrDefault();
        if (anchor is null)
        {
            anchor = "a" + aliases.Count;
            aliases.Add((anchored, anchor));
        }

        var user = Pick(objects.Where(o => !IsWithin(o, anchored)).ToList());
        var key = _random.Next(3) switch
        {
            // A merge key: the anchored map's members join the user's, its own members winning.
            0 => MergeKey,
            1 when user.Count > 0 => Pick(user.Select(p => p.Key).ToList()),
            _ => "x-alias-" + anchor,
        };
        user[key] = AliasMarker + anchor;
        return "alias of " + anchored.GetPath() + " at " + user.GetPath() + "." + key;
    }

    private static bool IsWithin(JsonNode node, JsonNode ancestor)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes the document as YAML in flow style (JSON with anchors and aliases), after a comment so no reader takes it for JSON.</summary>
    private static string ToFlowYaml(JsonNode root, List<(JsonNode Anchored, string Pointer)> aliases)
    {
        var anchors = new Dictionary<JsonNode, string>(ReferenceEqualityComparer.Instance);
        foreach (var (anchored, name) in aliases)
        {
            anchors[anchored] = name;
        }

        var text = new StringBuilder("# mutant\n");
        Write(root);
        return text.Append('\n').ToString();

        void Write(JsonNode? node)
        {
            if (node is not null && anchors.TryGetValue(node, out var anchor))
            {
                text.Append('&').Append(anchor).Append(' ');
            }

            switch (node)
            {
                case JsonObject obj:
                    text.Append('{');
                    var first = true;
                    foreach (var (key, value) in obj)
                    {
                        // A merge key is plain; quoted, it would be an ordinary member named "<<".
                        text.Append(first ? string.Empty : ", ").Append(key == MergeKey ? key : JsonSerializer.Serialize(key, Relaxed)).Append(": ");
                        Write(value);
                        first = false;
                    }

                    text.Append('}');
                    break;
                case JsonArray array:
                    text.Append('[');
                    for (var i = 0; i < array.Count; i++)
                    {
                        text.Append(i == 0 ? string.Empty : ", ");
                        Write(array[i]);
                    }

                    text.Append(']');
                    break;
                case JsonValue value when value.TryGetValue<string>(out var s) && s.StartsWith(AliasMarker, StringComparison.Ordinal):
                    text.Append('*').Append(s.Substring(AliasMarker.Length));
                    break;
                default:
                    text.Append(node is null ? "null" : node.ToJsonString(Relaxed));
                    break;
            }
        }
    }

    private static string Shorten(string text) => text.Length > 40 ? text.Substring(0, 40) + "…(" + text.Length + ")" : text;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Conformance.Probing;

/// <summary>
/// The ids a probe has seen: the strings of successful responses by member name, so later requests call what
/// earlier ones created (create then get, run then status); a delete takes its ids out.
/// </summary>
internal sealed class IdPool(Random random)
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly Random _random = random;

    /// <summary>A value seen for a parameter of this name, or null.</summary>
    public string? Pick(string parameter)
    {
        if (!_values.TryGetValue(Key(parameter), out var values) || values.Count == 0) return null;
        return values[_random.Next(values.Count)];
    }

    /// <summary>Keeps the strings of a successful response, by member name (and <c>id</c>s by their container: datasets[].id → dataset id).</summary>
    public void Remember(SpecOperation operation, RequestParts parts, string text)
    {
        foreach (var (name, value) in parts.Path) Add(name, value);
        if (operation.Method == "DELETE")
        {
            foreach (var (name, value) in parts.Path) _values.GetValueOrDefault(Key(name))?.Remove(value);
            return;
        }

        JsonNode? body;
        try
        {
            body = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return;
        }

        Walk(body, null, 0);

        void Walk(JsonNode? node, string? container, int depth)
        {
            if (depth > 4) return;
            switch (node)
            {
                case JsonObject o:
                    foreach (var (name, child) in o)
                    {
                        if (child is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                        {
                            Add(name, v.GetValue<string>());
                            if (name == "id" && container is not null) Add(Singular(container) + "Id", v.GetValue<string>());
                        }
                        else
                        {
                            Walk(child, name, depth + 1);
                        }
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a.Take(20)) Walk(child, container, depth + 1);
                    break;
            }
        }
    }

    private void Add(string name, string value)
    {
        var key = Key(name);
        if (!_values.TryGetValue(key, out var values)) _values[key] = values = [];
        if (!values.Contains(value, StringComparer.Ordinal)) values.Add(value);
    }

    private static string Singular(string name) => name.EndsWith('s') ? name[..^1] : name;

    /// <summary><c>kernel_id</c>, <c>kernelId</c> and <c>KernelID</c> are one key.</summary>
    private static string Key(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}

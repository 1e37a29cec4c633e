using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Kernel.Contracts.OpenApi;

/// <summary>JSON pointers (RFC 6901) as OpenAPI writes them in <c>$ref</c>: <c>#/components/schemas/A~1B</c>.</summary>
public static class Pointers
{
    /// <summary>One segment of a pointer: <c>b/c</c> becomes <c>b~1c</c> (the reverse of <see cref="Split"/>).</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    /// <summary>The pointer <paramref name="pointer"/> extended by one segment.</summary>
    public static string Append(string pointer, string segment) => pointer + "/" + Escape(segment);

    /// <summary>Splits <c>#/a/b~1c</c> (or <c>/a/b~1c</c>, or a URI fragment with %-escapes) into <c>a</c>, <c>b/c</c>.</summary>
    public static IReadOnlyList<string> Split(string? pointer)
    {
        if (string.IsNullOrEmpty(pointer))
        {
            return Array.Empty<string>();
        }

        var p = pointer!;
        var hash = p.IndexOf('#');
        if (hash >= 0)
        {
            p = p.Substring(hash + 1);
        }

        p = Uri.UnescapeDataString(p.Trim('/'));
        if (p.Length == 0)
        {
            return Array.Empty<string>();
        }

        var parts = p.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Unescape(parts[i]);
        }

        return parts;
    }

    /// <summary>One segment's text: <c>b~1c</c> becomes <c>b/c</c> (the reverse of <see cref="Escape"/>).</summary>
    public static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");

    /// <summary>The node a local pointer names in <paramref name="root"/>; false when nothing is there.</summary>
    public static bool TryResolve(JsonNode root, string pointer, out JsonNode? node)
    {
        node = root;
        foreach (var segment in Split(pointer))
        {
            switch (node)
            {
                case JsonObject o when o.TryGetPropertyValue(segment, out var child):
                    node = child;
                    break;
                case JsonArray a when int.TryParse(segment, out var i) && i >= 0 && i < a.Count:
                    node = a[i];
                    break;
                default:
                    node = null;
                    return false;
            }
        }

        return true;
    }
}

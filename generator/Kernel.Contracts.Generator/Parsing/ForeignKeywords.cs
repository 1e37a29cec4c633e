using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Generator.Parsing;

/// <summary>
/// Keywords a document carries that its OpenAPI version does not define — JSON Schema 2019-09's
/// <c>$recursiveRef</c>/<c>$recursiveAnchor</c>, misspellings such as <c>max_items</c>, vendor words such as
/// <c>optional</c>. The tools people use ignore them, so the generator does too, with a warning at the keyword;
/// where a keyword has a plain meaning it keeps it: a <c>$recursiveRef</c> is a reference to its schema.
/// </summary>
internal static class ForeignKeywords
{
    private static readonly Regex NotAValidProperty = new(@"^(?<name>.+?) is not a valid property at (?<pointer>#\S*)$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Rewrites <c>$recursiveRef</c> into <c>$ref</c> to the component schema it stands in (its recursive anchor)
    /// and drops <c>$recursiveAnchor</c>, reporting each through <paramref name="warn"/> (pointer, message).
    /// </summary>
    public static void Rewrite(JsonNode? node, Trail at, Action<string, string> warn)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$recursiveRef"] is JsonValue recursive && recursive.TryGetValue<string>(out var target) && !obj.ContainsKey("$ref"))
                {
                    var anchor = target == "#" ? EnclosingSchema(at.ToString()) : target;
                    obj.Remove("$recursiveRef");
                    if (anchor is not null)
                    {
                        obj["$ref"] = anchor;
                        warn(at.At("$recursiveRef"), $"'$recursiveRef' (JSON Schema 2019-09) is not an OpenAPI keyword; it is read as a $ref to '{anchor}'");
                    }
                    else
                    {
                        warn(at.At("$recursiveRef"), "'$recursiveRef' (JSON Schema 2019-09) is not an OpenAPI keyword and stands in no component schema; it is ignored");
                    }
                }

                if (obj.ContainsKey("$recursiveAnchor"))
                {
                    obj.Remove("$recursiveAnchor");
                    warn(at.At("$recursiveAnchor"), "'$recursiveAnchor' (JSON Schema 2019-09) is not an OpenAPI keyword; it is ignored (a $recursiveRef to this schema is read as a $ref)");
                }

                foreach (var pair in obj)
                {
                    if (pair.Value is JsonObject or JsonArray)
                    {
                        Rewrite(pair.Value, at.Child(pair.Key), warn);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject or JsonArray)
                    {
                        Rewrite(array[i], at.Child(i), warn);
                    }
                }

                break;
        }
    }

    /// <summary>
    /// Reads a reader error that only says a keyword is unknown (<c>max_items is not a valid property at #/…</c>):
    /// the keyword's own pointer and a message, or false for any other error.
    /// </summary>
    public static bool TryReadUnknown(string message, string version, out string pointer, out string text)
    {
        var match = NotAValidProperty.Match(message);
        if (!match.Success)
        {
            pointer = text = string.Empty;
            return false;
        }

        var name = match.Groups["name"].Value;
        pointer = match.Groups["pointer"].Value.TrimEnd('/') + "/" + Pointers.Escape(name);
        text = $"'{name}' is not an OpenAPI {version} keyword here; it is ignored";
        return true;
    }

    /// <summary>The pointer a reader error names (<c>… at #/paths/…</c>), for errors that carry none of their own.</summary>
    public static string? PointerIn(string message)
    {
        var at = message.LastIndexOf(" at #", StringComparison.Ordinal);
        return at < 0 ? null : message.Substring(at + 4).Trim();
    }

    // The component schema a pointer lies in (#/components/schemas/Name), or null outside one.
    private static string? EnclosingSchema(string pointer)
    {
        var segments = pointer.Split('/');
        return segments.Length >= 4 && segments[1] == "components" && segments[2] == "schemas" ? string.Join("/", segments, 0, 4) : null;
    }
}

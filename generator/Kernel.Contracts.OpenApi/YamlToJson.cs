using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kernel.Contracts.OpenApi;

/// <summary>
/// Turns YAML into a <see cref="JsonNode"/> by reading YamlDotNet's event stream, with the YAML 1.2 core
/// schema's rules for plain scalars (so <c>yes</c> stays a string and <c>0x1F</c> is a number).
/// Microsoft.OpenApi's YAML reader is a separate package that is not available; its JSON reader takes the node.
/// </summary>
public static class YamlToJson
{
    private static readonly Regex Int10 = new("^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Int8 = new("^0o[0-7]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Int16 = new("^0x[0-9a-fA-F]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    /// <summary>Parses one YAML document; throws <see cref="YamlException"/> with a position on bad input.</summary>
    public static JsonNode? Parse(string text)
    {
        try
        {
            return ParseDocument(text);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (not a YamlException) on some malformed flow collections:
            // find the last token it could read, and report the error there.
            var last = Mark.Empty;
            var scanner = new Scanner(new StringReader(text));
            try
            {
                while (scanner.MoveNext())
                {
                    last = scanner.Current!.End;
                }
            }
            catch (Exception e) when (e is InvalidOperationException or YamlException)
            {
                // The same failure again: `last` is where reading stopped.
            }

            throw new YamlException(last, last, "the YAML cannot be read after this point; check brackets, quotes and indentation.");
        }
    }

    private static JsonNode? ParseDocument(string text)
    {
        var parser = new Parser(new StringReader(text));
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _))
        {
            return null;
        }

        parser.Consume<DocumentStart>();
        var root = new Reader(parser).ReadNode(depth: 1);
        parser.Consume<DocumentEnd>();
        return root;
    }

    /// <summary>Builds the nodes of one document, counting them (an alias counts all it holds) against <see cref="DocumentLimits"/>.</summary>
    private sealed class Reader
    {
        private readonly IParser _parser;
        private readonly Dictionary<string, (JsonNode? Node, int Size)> _anchors = new(StringComparer.Ordinal);
        private int _nodes;

        public Reader(IParser parser) => _parser = parser;

        public JsonNode? ReadNode(int depth)
        {
            var start = _parser.Current ?? throw new YamlException("the document ends inside a node.");
            var before = _nodes;
            Count(start, 1);
            if (_parser.TryConsume<AnchorAlias>(out var alias))
            {
                if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    throw new YamlException(alias.Start, alias.End, "Unknown alias '*" + alias.Value.Value + "'.");
                }

                // Counted before it is copied: a few nested aliases would otherwise build billions of nodes.
                Count(alias, target.Size - 1);
                return target.Node?.DeepClone();
            }

            if (_parser.TryConsume<Scalar>(out var scalar))
            {
                var value = ConvertScalar(scalar);
                Remember(scalar.Anchor, value, before);
                return value;
            }

            if (depth > DocumentLimits.MaxDepth)
            {
                throw new YamlException(start.Start, start.End, "the document nests deeper than " + DocumentLimits.MaxDepth + " levels.");
            }

            if (_parser.TryConsume<SequenceStart>(out var sequenceStart))
            {
                var array = new JsonArray();
                while (!_parser.TryConsume<SequenceEnd>(out _))
                {
                    array.Add(ReadNode(depth + 1));
                }

                Remember(sequenceStart.Anchor, array, before);
                return array;
            }

            var mappingStart = _parser.Consume<MappingStart>();
            var obj = new JsonObject();
            HashSet<string>? merged = null;
            while (!_parser.TryConsume<MappingEnd>(out _))
            {
                var keyEvent = _parser.Current;
                string keyText;
                if (keyEvent is Scalar { Anchor.IsEmpty: true } keyScalar)
                {
                    // Almost every key: its text, without building a value only to print it.
                    Count(keyScalar, 1);
                    _parser.MoveNext();
                    keyText = KeyText(keyScalar);
                }
                else
                {
                    keyText = ReadNode(depth + 1) switch
                    {
                        null => "null",
                        JsonValue v => v.ToString(),
                        _ => throw new YamlException(keyEvent!.Start, keyEvent.End, "Mapping keys must be scalars."),
                    };
                }

                var value = ReadNode(depth + 1);
                if (keyText == "<<" && keyEvent is Scalar { Style: ScalarStyle.Plain })
                {
                    (merged ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(Merge(obj, value));
                    continue;
                }

                // A key of the map itself overrides a merged one; twice in the map itself is an error.
                if (obj.ContainsKey(keyText) && (merged is null || !merged.Remove(keyText)))
                {
                    throw new YamlException(keyEvent!.Start, keyEvent.End, "Duplicate key '" + keyText + "'.");
                }

                obj[keyText] = value;
            }

            Remember(mappingStart.Anchor, obj, before);
            return obj;
        }

        private void Count(ParsingEvent at, int nodes)
        {
            _nodes += nodes;
            if (_nodes > DocumentLimits.MaxNodes)
            {
                throw new YamlException(at.Start, at.End, "the document expands into more than " + DocumentLimits.MaxNodes + " nodes (check its aliases).");
            }
        }

        private void Remember(AnchorName anchor, JsonNode? node, int before)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = (node, _nodes - before);
            }
        }
    }

    /// <summary>Adds the members of a merged map (or list of maps) that the target lacks and returns their keys; the value was built for this use alone, so its members move.</summary>
    private static List<string> Merge(JsonObject target, JsonNode? source)
    {
        var added = new List<string>();
        var sources = source is JsonArray many ? many.ToList() : new List<JsonNode?> { source };
        foreach (var item in sources)
        {
            if (item is not JsonObject map)
            {
                continue;
            }

            var pairs = map.ToList();
            map.Clear();
            foreach (var pair in pairs)
            {
                if (!target.ContainsKey(pair.Key))
                {
                    target[pair.Key] = pair.Value;
                    added.Add(pair.Key);
                }
            }
        }

        return added;
    }

    /// <summary>A key's text: what <see cref="Scalar(string, bool)"/> gives it, printed (<c>null</c>, <c>true</c>, <c>200</c>, <c>1.50</c>).</summary>
    private static string KeyText(Scalar scalar) => KeyText(scalar.Value, IsPlain(scalar));

    /// <summary>A key's text from the scalar's text, plain (unquoted, untagged) or not: the YAML 1.2 core schema's value, printed.</summary>
    internal static string KeyText(string text, bool plain)
    {
        var isText = !plain
            || (text.Length > 0 && text[0] is not ((>= '0' and <= '9') or '+' or '-' or '.')
                && text is not ("~" or "null" or "Null" or "NULL" or "true" or "True" or "TRUE" or "false" or "False" or "FALSE"));
        return isText ? text : Scalar(text, plain: true)?.ToString() ?? "null";
    }

    private static JsonNode? ConvertScalar(Scalar scalar) => Scalar(scalar.Value, IsPlain(scalar));

    /// <summary>Plain: neither quoted nor a block scalar, nor tagged <c>!!str</c> (any other tag is read as if absent).</summary>
    private static bool IsPlain(Scalar scalar) =>
        scalar.Style == ScalarStyle.Plain && !(!scalar.Tag.IsEmpty && scalar.Tag.Value == "tag:yaml.org,2002:str");

    /// <summary>
    /// A scalar's value by the YAML 1.2 core schema: a plain scalar may be null, a boolean or a number; a quoted or
    /// block scalar is always text. The one rule for both YAML readers (<see cref="BlockYaml"/>).
    /// </summary>
    internal static JsonNode? Scalar(string text, bool plain)
    {
        if (!plain)
        {
            return JsonValue.Create(text);
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF" or ".nan" or ".NaN" or ".NAN":
                // JSON has no infinities or NaN; keep the text.
                return JsonValue.Create(text);
        }

        if (text[0] is not ((>= '0' and <= '9') or '+' or '-' or '.'))
        {
            // No number starts otherwise: most scalars (every key) are text, without trying the patterns below.
            return JsonValue.Create(text);
        }

        if (Int10.IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return JsonValue.Create(l);
        }

        if ((Int8.IsMatch(text) || Int16.IsMatch(text)) && Based(text.Substring(2), Int8.IsMatch(text) ? 8 : 16) is { } based)
        {
            return JsonValue.Create(based);
        }

        if (Int10.IsMatch(text) || Float.IsMatch(text))
        {
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m))
            {
                return JsonValue.Create(m);
            }

            // Beyond decimal's range: a double if finite (.NET Framework's TryParse fails where .NET's gives infinity).
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d))
            {
                return JsonValue.Create(d);
            }
        }

        // Numbers no .NET type holds stay text, as the infinities do.
        return JsonValue.Create(text);
    }

    /// <summary>An octal or hexadecimal number, or null when it does not fit 64 bits.</summary>
    private static long? Based(string digits, int radix)
    {
        var value = 0UL;
        foreach (var c in digits)
        {
            var digit = (ulong)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
            if (value > (ulong.MaxValue - digit) / (ulong)radix)
            {
                return null;
            }

            value = (value * (ulong)radix) + digit;
        }

        return value <= long.MaxValue ? (long)value : null;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kernel.Contracts.Generator.Parsing;

/// <summary>
/// Turns YAML into a <see cref="JsonNode"/> by reading YamlDotNet's event stream, with the YAML 1.2 core
/// schema's rules for plain scalars (so <c>yes</c> stays a string and <c>0x1F</c> is a number).
/// Microsoft.OpenApi's YAML reader is a separate package that is not available; its JSON reader takes the node.
/// </summary>
internal static class YamlToJson
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
        var anchors = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _))
        {
            return null;
        }

        parser.Consume<DocumentStart>();
        var root = ReadNode(parser, anchors);
        parser.Consume<DocumentEnd>();
        return root;
    }

    private static JsonNode? ReadNode(IParser parser, Dictionary<string, JsonNode?> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw new YamlException(alias.Start, alias.End, "Unknown alias '*" + alias.Value.Value + "'.");
            }

            return target?.DeepClone();
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var value = ConvertScalar(scalar);
            Remember(anchors, scalar.Anchor, value);
            return value;
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var array = new JsonArray();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                array.Add(ReadNode(parser, anchors));
            }

            Remember(anchors, sequenceStart.Anchor, array);
            return array;
        }

        var mappingStart = parser.Consume<MappingStart>();
        var obj = new JsonObject();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = parser.Current;
            var key = ReadNode(parser, anchors);
            var value = ReadNode(parser, anchors);
            var keyText = key switch
            {
                null => "null",
                JsonValue v => v.ToString(),
                _ => throw new YamlException(keyEvent!.Start, keyEvent.End, "Mapping keys must be scalars."),
            };

            if (keyText == "<<" && keyEvent is Scalar { Style: ScalarStyle.Plain })
            {
                Merge(obj, value);
                continue;
            }

            if (obj.ContainsKey(keyText))
            {
                throw new YamlException(keyEvent!.Start, keyEvent.End, "Duplicate key '" + keyText + "'.");
            }

            obj[keyText] = value;
        }

        Remember(anchors, mappingStart.Anchor, obj);
        return obj;
    }

    private static void Merge(JsonObject target, JsonNode? source)
    {
        var sources = source is JsonArray many ? many : new JsonArray(source?.DeepClone());
        foreach (var item in sources)
        {
            if (item is not JsonObject map)
            {
                continue;
            }

            foreach (var pair in map)
            {
                if (!target.ContainsKey(pair.Key))
                {
                    target[pair.Key] = pair.Value?.DeepClone();
                }
            }
        }
    }

    private static void Remember(Dictionary<string, JsonNode?> anchors, AnchorName anchor, JsonNode? node)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
    }

    private static JsonNode? ConvertScalar(Scalar scalar)
    {
        var text = scalar.Value;
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag is "tag:yaml.org,2002:str" || scalar.Style != ScalarStyle.Plain)
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

        if (Int10.IsMatch(text))
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            {
                return JsonValue.Create(l);
            }

            return JsonValue.Create(decimal.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        if (Int8.IsMatch(text))
        {
            return JsonValue.Create(Convert.ToInt64(text.Substring(2), 8));
        }

        if (Int16.IsMatch(text))
        {
            return JsonValue.Create(Convert.ToInt64(text.Substring(2), 16));
        }

        if (Float.IsMatch(text))
        {
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m))
            {
                return JsonValue.Create(m);
            }

            return JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return JsonValue.Create(text);
    }
}

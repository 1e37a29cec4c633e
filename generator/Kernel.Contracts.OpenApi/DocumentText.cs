using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;

namespace Kernel.Contracts.OpenApi;

/// <summary>
/// How much a document may make any reader build. A spec in a pull request is untrusted input to every build,
/// so a few kilobytes of nested aliases ("billion laughs") or brackets must fail fast at a position, not hang
/// the compiler or exhaust its memory. The largest public document we know (2.9 MB) has 67,000 nodes, 31 deep.
/// </summary>
public static class DocumentLimits
{
    /// <summary>Characters of document text.</summary>
    public const int MaxLength = 16 * 1024 * 1024;

    /// <summary>Nesting of objects and arrays (System.Text.Json's own default, for YAML too).</summary>
    public const int MaxDepth = 64;

    /// <summary>Nodes a YAML document may expand into, each alias counted at every use with all it holds.</summary>
    public const int MaxNodes = 1_000_000;
}

/// <summary>
/// The one reader of OpenAPI document text, for the generator and every tool: JSON (System.Text.Json, fast) or
/// YAML (<see cref="YamlToJson"/>) into a <see cref="JsonNode"/>, within <see cref="DocumentLimits"/>.
/// </summary>
public static class DocumentText
{
    /// <summary>Parses a YAML or JSON document; null when it is empty.</summary>
    /// <exception cref="YamlException">The text cannot be read or exceeds a limit; the exception carries the position.</exception>
    public static JsonNode? Parse(string text)
    {
        if (text.Length > DocumentLimits.MaxLength)
        {
            var at = MarkAt(text, DocumentLimits.MaxLength);
            throw new YamlException(at, at, "the document is longer than " + DocumentLimits.MaxLength + " characters.");
        }

        if (!IsJson(text))
        {
            // The common YAML fast; anything else, and every error, through YamlDotNet.
            return BlockYaml.TryParse(text, out var node) ? node : YamlToJson.Parse(text);
        }

        try
        {
            return JsonTree.Parse(text);
        }
        catch (RepeatedMemberException)
        {
            // The YAML reader (JSON is YAML) says where the member is repeated, in the words it uses for YAML.
            YamlToJson.Parse(text);
            throw new YamlException("a member is repeated in an object.");
        }
        catch (JsonException e)
        {
            // System.Text.Json counts lines and columns from 0, YamlDotNet from 1; the message repeats the position.
            var line = (int)(e.LineNumber ?? 0);
            var column = (int)(e.BytePositionInLine ?? 0);
            var at = new Mark(OffsetOf(text, line, column), line + 1, column + 1);
            var cut = e.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw new YamlException(at, at, cut > 0 ? e.Message.Substring(0, cut).TrimEnd() : e.Message);
        }
    }

    /// <summary>Whether the text is read as JSON (it opens with an object or array) rather than as YAML.</summary>
    public static bool IsJson(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith("{", StringComparison.Ordinal) || trimmed.StartsWith("[", StringComparison.Ordinal);
    }

    /// <summary>What went wrong, without YamlDotNet's "(Line: 3, Col: 5, Idx: 20) - (…): " prefix: the caller places it.</summary>
    public static string Reason(YamlException e)
    {
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && marker > 0 ? message.Substring(marker + 3) : message;
    }

    private static Mark MarkAt(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new Mark(offset, line, offset - lineStart + 1);
    }

    private static int OffsetOf(string text, int line, int column)
    {
        var offset = 0;
        for (var l = 0; l < line && offset < text.Length; l++)
        {
            var next = text.IndexOf('\n', offset);
            if (next < 0)
            {
                return text.Length;
            }

            offset = next + 1;
        }

        return Math.Min(text.Length, offset + column);
    }
}

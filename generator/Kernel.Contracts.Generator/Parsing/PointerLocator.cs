using System;
using System.Collections.Generic;
using System.IO;
using Kernel.Contracts.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kernel.Contracts.Generator.Parsing;

/// <summary>
/// Finds where a JSON pointer (<c>#/paths/~1kernel/post</c>) stands in a YAML or JSON text, by walking
/// the text's YAML events (JSON is YAML). Only called when a diagnostic is reported, so parsing stays fast.
/// </summary>
internal static class PointerLocator
{
    public static LocationInfo Locate(string filePath, string text, string? pointer)
    {
        var segments = Split(pointer);
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _))
            {
                return LocationInfo.StartOf(filePath);
            }

            var best = segments.Count == 0 ? null : FindIn(parser, segments, 0);
            return best is null ? LocationInfo.StartOf(filePath) : ToLocation(filePath, best.Value.Start, best.Value.End);
        }
        catch (YamlException)
        {
            return LocationInfo.StartOf(filePath);
        }
    }

    public static LocationInfo ToLocation(string filePath, Mark start, Mark end)
    {
        var startLine = Math.Max(0, (int)start.Line - 1);
        var startColumn = Math.Max(0, (int)start.Column - 1);
        var endLine = Math.Max(startLine, (int)end.Line - 1);
        var endColumn = endLine == startLine ? Math.Max(startColumn, (int)end.Column - 1) : Math.Max(0, (int)end.Column - 1);
        var length = Math.Max(0, (int)(end.Index - start.Index));
        return new LocationInfo(filePath, (int)start.Index, length, startLine, startColumn, endLine, endColumn);
    }

    /// <summary>Splits <c>#/a/b~1c</c> into <c>a</c>, <c>b/c</c>.</summary>
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
            parts[i] = parts[i].Replace("~1", "/").Replace("~0", "~");
        }

        return parts;
    }

    private readonly struct Span
    {
        public Span(Mark start, Mark end)
        {
            Start = start;
            End = end;
        }

        public Mark Start { get; }

        public Mark End { get; }
    }

    /// <summary>
    /// Reads one node, into which the first <paramref name="depth"/> segments of the pointer lead, and returns
    /// the span of the deepest key (or item) of the pointer found inside it: a broken pointer lands near its target.
    /// </summary>
    private static Span? FindIn(IParser parser, IReadOnlyList<string> segments, int depth)
    {
        if (parser.TryConsume<MappingStart>(out _))
        {
            Span? found = null;
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = parser.Current as Scalar;
                parser.SkipThisAndNestedEvents();
                if (found is null && key is not null && key.Value == segments[depth])
                {
                    found = FindChild(parser, segments, depth, new Span(key.Start, key.End));
                }
                else
                {
                    parser.SkipThisAndNestedEvents();
                }
            }

            return found;
        }

        if (parser.TryConsume<SequenceStart>(out _))
        {
            Span? found = null;
            var index = 0;
            var wanted = int.TryParse(segments[depth], out var i) ? i : -1;
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                if (found is null && index == wanted)
                {
                    var item = parser.Current!;
                    found = FindChild(parser, segments, depth, new Span(item.Start, item.End));
                }
                else
                {
                    parser.SkipThisAndNestedEvents();
                }

                index++;
            }

            return found;
        }

        parser.SkipThisAndNestedEvents();
        return null;
    }

    private static Span FindChild(IParser parser, IReadOnlyList<string> segments, int depth, Span here)
    {
        if (depth + 1 == segments.Count)
        {
            parser.SkipThisAndNestedEvents();
            return here;
        }

        return FindIn(parser, segments, depth + 1) ?? here;
    }
}

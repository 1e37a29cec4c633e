using System;
using System.Collections.Generic;
using System.IO;
using Kernel.Contracts.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Generator.Parsing;

/// <summary>
/// Finds where a JSON pointer (<c>#/paths/~1kernel/post</c>) stands in a YAML or JSON text, from an index of
/// the text's YAML events (JSON is YAML) built when the first diagnostic is reported, so parsing stays fast.
/// </summary>
internal static class PointerLocator
{
    public static LocationInfo ToLocation(string filePath, Mark start, Mark end)
    {
        var startLine = Math.Max(0, (int)start.Line - 1);
        var startColumn = Math.Max(0, (int)start.Column - 1);
        var endLine = Math.Max(startLine, (int)end.Line - 1);
        var endColumn = endLine == startLine ? Math.Max(startColumn, (int)end.Column - 1) : Math.Max(0, (int)end.Column - 1);
        var length = Math.Max(0, (int)(end.Index - start.Index));
        return new LocationInfo(filePath, (int)start.Index, length, startLine, startColumn, endLine, endColumn);
    }

    /// <summary>Reads every key and item of <paramref name="text"/> once, so that each problem of a document is placed in constant time.</summary>
    public static PointerIndex Index(string filePath, string text)
    {
        var root = new PointerIndex.Node(Mark.Empty, Mark.Empty);
        var count = 0;
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.TryConsume<DocumentStart>(out _))
            {
                IndexNode(parser, root, ref count);
            }
        }
        catch (YamlException)
        {
            // What was read before the error stays placed; the rest falls back to its nearest parent.
        }

        return new PointerIndex(filePath, root);
    }

    private static void IndexNode(IParser parser, PointerIndex.Node node, ref int count)
    {
        // Bounded like the reader: a huge text is placed down to the first million keys and items.
        if (parser.TryConsume<MappingStart>(out _))
        {
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = parser.Current as Scalar;
                parser.SkipThisAndNestedEvents();
                if (key is null || count >= DocumentLimits.MaxNodes || node.Children.ContainsKey(key.Value))
                {
                    parser.SkipThisAndNestedEvents();
                    continue;
                }

                count++;
                var child = node.Children[key.Value] = new PointerIndex.Node(key.Start, key.End);
                IndexNode(parser, child, ref count);
            }

            return;
        }

        if (parser.TryConsume<SequenceStart>(out _))
        {
            for (var index = 0; !parser.TryConsume<SequenceEnd>(out _); index++)
            {
                var item = parser.Current!;
                if (count >= DocumentLimits.MaxNodes)
                {
                    parser.SkipThisAndNestedEvents();
                    continue;
                }

                count++;
                var child = node.Children[index.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new PointerIndex.Node(item.Start, item.End);
                IndexNode(parser, child, ref count);
            }

            return;
        }

        parser.SkipThisAndNestedEvents();
    }
}

/// <summary>The keys and items of one document text with their places: a JSON pointer lands on its deepest part found.</summary>
internal sealed class PointerIndex
{
    private readonly string _filePath;
    private readonly Node _root;

    public PointerIndex(string filePath, Node root)
    {
        _filePath = filePath;
        _root = root;
    }

    public LocationInfo Locate(string? pointer)
    {
        Node? best = null;
        var node = _root;
        foreach (var segment in Pointers.Split(pointer))
        {
            if (!node.Children.TryGetValue(segment, out node!))
            {
                break;
            }

            best = node;
        }

        return best is null ? LocationInfo.StartOf(_filePath) : PointerLocator.ToLocation(_filePath, best.Start, best.End);
    }

    /// <summary>A key (or item) and what is under it.</summary>
    internal sealed class Node
    {
        public Node(Mark start, Mark end)
        {
            Start = start;
            End = end;
        }

        public Mark Start { get; }

        public Mark End { get; }

        public Dictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);
    }
}

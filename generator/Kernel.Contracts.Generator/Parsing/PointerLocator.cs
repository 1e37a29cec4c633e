using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using Kernel.Contracts.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Generator.Parsing;

/// <summary>
/// Finds where a JSON pointer (<c>#/paths/~1kernel/post</c>) stands in a YAML or JSON text, from an index of
/// the text built when the first diagnostic is reported, so parsing stays fast. A JSON text is indexed with
/// <see cref="Utf8JsonReader"/> (tens of times faster than YamlDotNet's parser on a large document), at exactly the
/// marks YamlDotNet gives the same text; a YAML text, or JSON the reader refuses, through its YAML events (JSON is YAML).
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
    public static PointerIndex Index(string filePath, string text) =>
        (DocumentText.IsJson(text) ? IndexJson(filePath, text) : null) ?? IndexYaml(filePath, text);

    /// <summary>
    /// Reads only the keys and items along <paramref name="pointer"/>, skipping everything beside them: a document with
    /// a few problems places each this way without building the index of every member (which costs as much as a parse).
    /// </summary>
    public static LocationInfo Locate(string filePath, string text, string? pointer)
    {
        var path = Pointers.Split(pointer);
        var index = (DocumentText.IsJson(text) ? IndexJson(filePath, text, path) : null) ?? IndexYaml(filePath, text, path);
        return index.Locate(pointer);
    }

    /// <summary>The YAML index, whatever the text: what <see cref="Index"/> gives a text that is not JSON.</summary>
    internal static PointerIndex IndexYaml(string filePath, string text, IReadOnlyList<string>? only = null)
    {
        var root = new PointerIndex.Node(Mark.Empty, Mark.Empty);
        var count = 0;
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.TryConsume<DocumentStart>(out _))
            {
                IndexNode(parser, root, only, 0, ref count);
            }
        }
        catch (YamlException)
        {
            // What was read before the error stays placed; the rest falls back to its nearest parent.
        }

        return new PointerIndex(filePath, root);
    }

    // With only, just the keys and items along that path (from depth): everything before them is skipped, and the
    // reading stops once the path's last one is placed (nothing after it can be on the path: a repeated key keeps its first).
    private static void IndexNode(IParser parser, PointerIndex.Node node, IReadOnlyList<string>? only, int depth, ref int count)
    {
        if (only is not null && depth >= only.Count)
        {
            return;
        }

        // Bounded like the reader: a huge text is placed down to the first million keys and items.
        if (parser.TryConsume<MappingStart>(out _))
        {
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = parser.Current as Scalar;
                parser.SkipThisAndNestedEvents();
                if (key is null || count >= DocumentLimits.MaxNodes || node.Children.ContainsKey(key.Value) || (only is not null && key.Value != only[depth]))
                {
                    parser.SkipThisAndNestedEvents();
                    continue;
                }

                count++;
                var child = node.Children[key.Value] = new PointerIndex.Node(key.Start, key.End);
                IndexNode(parser, child, only, depth + 1, ref count);
                if (only is not null)
                {
                    return;
                }
            }

            return;
        }

        if (parser.TryConsume<SequenceStart>(out _))
        {
            for (var index = 0; !parser.TryConsume<SequenceEnd>(out _); index++)
            {
                var item = parser.Current!;
                var name = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (count >= DocumentLimits.MaxNodes || (only is not null && name != only[depth]))
                {
                    parser.SkipThisAndNestedEvents();
                    continue;
                }

                count++;
                var child = node.Children[name] = new PointerIndex.Node(item.Start, item.End);
                IndexNode(parser, child, only, depth + 1, ref count);
                if (only is not null)
                {
                    return;
                }
            }

            return;
        }

        parser.SkipThisAndNestedEvents();
    }

    /// <summary>The JSON index, or null when the text is not strict JSON (comments, a trailing comma): then YAML places it, as before.</summary>
    internal static PointerIndex? IndexJson(string filePath, string text, IReadOnlyList<string>? only = null)
    {
        // A large document's bytes are borrowed: placing a few diagnostics must not cost a large-object allocation each.
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        var length = Encoding.UTF8.GetBytes(text, 0, text.Length, bytes, 0);
        // Deeper than a readable document may be: the YAML index places it, as it did before.
        var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(bytes, 0, length), new JsonReaderOptions { MaxDepth = DocumentLimits.MaxDepth });
        var root = new PointerIndex.Node(Mark.Empty, Mark.Empty);
        var marks = new MarkCounter(bytes, length);
        var count = 0;
        try
        {
            if (reader.Read())
            {
                IndexJsonValue(ref reader, root, marks, only, 0, ref count);
            }
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }

        return new PointerIndex(filePath, root);
    }

    // Like IndexNode: a key spans its quotes, an item its scalar or its opening bracket; repeated keys keep the first.
    // With only, the reading stops once the path's last key or item is placed, as in IndexNode.
    private static void IndexJsonValue(ref Utf8JsonReader reader, PointerIndex.Node node, MarkCounter marks, IReadOnlyList<string>? only, int depth, ref int count)
    {
        if (only is not null && depth >= only.Count)
        {
            return;
        }

        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (only is not null && !reader.ValueTextEquals(only[depth]))
                {
                    reader.Read();
                    reader.Skip();
                    continue;
                }

                var key = reader.GetString()!;
                var start = marks.At((int)reader.TokenStartIndex);
                var end = marks.At((int)reader.TokenStartIndex + reader.ValueSpan.Length + 2);
                reader.Read();
                if (count >= DocumentLimits.MaxNodes || node.Children.ContainsKey(key))
                {
                    reader.Skip();
                    continue;
                }

                count++;
                var child = node.Children[key] = new PointerIndex.Node(start, end);
                IndexJsonValue(ref reader, child, marks, only, depth + 1, ref count);
                if (only is not null)
                {
                    return;
                }
            }

            return;
        }

        if (reader.TokenType == JsonTokenType.StartArray)
        {
            for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
            {
                if (count >= DocumentLimits.MaxNodes)
                {
                    reader.Skip();
                    continue;
                }

                if (only is not null && only[depth] != IndexName(index))
                {
                    reader.Skip();
                    continue;
                }

                count++;
                var at = (int)reader.TokenStartIndex;
                var length = reader.TokenType switch
                {
                    JsonTokenType.StartObject or JsonTokenType.StartArray => 0,
                    JsonTokenType.String => reader.ValueSpan.Length + 2,
                    _ => reader.ValueSpan.Length,
                };
                var child = node.Children[IndexName(index)] = new PointerIndex.Node(marks.At(at), marks.At(at + length));
                IndexJsonValue(ref reader, child, marks, only, depth + 1, ref count);
                if (only is not null)
                {
                    return;
                }
            }
        }
    }

    private static string IndexName(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Turns byte offsets of UTF-8 text, asked in increasing order, into YamlDotNet's marks: UTF-16 index, line and
    /// column from 1, with YAML's line breaks (CR LF as one, and NEL, LS, PS, which YamlDotNet counts too).
    /// </summary>
    private sealed class MarkCounter
    {
        private readonly byte[] _bytes;
        private readonly int _length;
        private int _byte;
        private int _index;
        private int _line = 1;
        private int _column = 1;

        public MarkCounter(byte[] bytes, int length)
        {
            _bytes = bytes;
            _length = length;
        }

        public Mark At(int offset)
        {
            if (offset < _byte)
            {
                (_byte, _index, _line, _column) = (0, 0, 1, 1);
            }

            while (_byte < offset)
            {
                var b = _bytes[_byte];
                var width = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
                var chars = width == 4 ? 2 : 1;
                var isBreak = b == '\n' || (b == '\r' && !(_byte + 1 < _length && _bytes[_byte + 1] == '\n'))
                    || (b == 0xC2 && _bytes[_byte + 1] == 0x85)
                    || (b == 0xE2 && _bytes[_byte + 1] == 0x80 && _bytes[_byte + 2] is 0xA8 or 0xA9);
                _byte += width;
                _index += chars;
                if (isBreak)
                {
                    _line++;
                    _column = 1;
                }
                else
                {
                    _column += chars;
                }
            }

            return new Mark(_index, _line, _column);
        }
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

    /// <summary>The document's root: what a pointer's first segment is looked up in.</summary>
    internal Node Root => _root;

    public LocationInfo Locate(string? pointer)
    {
        Node? best = null;
        var node = _root;
        foreach (var segment in Pointers.Split(pointer))
        {
            if (!node.TryGetChild(segment, out node))
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

        private Dictionary<string, Node>? _children;

        // Made on the first child: most nodes are scalars, and a large document has hundreds of thousands.
        public Dictionary<string, Node> Children => _children ??= new(StringComparer.Ordinal);

        public bool TryGetChild(string segment, out Node child)
        {
            child = null!;
            return _children is not null && _children.TryGetValue(segment, out child!);
        }
    }
}

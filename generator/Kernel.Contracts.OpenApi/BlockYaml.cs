using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;

namespace Kernel.Contracts.OpenApi;

/// <summary>
/// A reader of the YAML that OpenAPI documents are written in, straight into a <see cref="JsonNode"/>: block mappings
/// and sequences, plain, quoted and block scalars, one-line flow collections and comments. It is several times faster
/// than YamlDotNet's scanner, parser and events (spec/DECISIONS.md, "The generator's parse"). It gives up, returning
/// false, on anything else: anchors, aliases and merges, tags, directives, several documents, tabs, multi-line quoted
/// scalars and flow collections, a repeated key, anything malformed. <see cref="YamlToJson"/> then reads the text,
/// and it alone reports errors, so a document reads the same either way and every error keeps its message and place.
/// The scanning follows libyaml's (YamlDotNet's scanner is a port of it), so folding and chomping agree.
/// </summary>
public sealed class BlockYaml
{
    private readonly string _text;
    private readonly Strings _strings = new();
    private int _pos;
    private int _lineStart;
    private int _nodes;

    private BlockYaml(string text) => _text = text;

    /// <summary>Reads <paramref name="text"/>; false when it uses anything this reader leaves to <see cref="YamlToJson"/>.</summary>
    public static bool TryParse(string text, out JsonNode? root)
    {
        root = null;
        if (!HasOnlyPlainCharacters(text))
        {
            return false;
        }

        try
        {
            return new BlockYaml(text).TryDocument(out root);
        }
        catch (GiveUp)
        {
            root = null;
            return false;
        }
    }

    /// <summary>Thrown inside the reader where the text needs <see cref="YamlToJson"/>; never escapes <see cref="TryParse"/>.</summary>
    private sealed class GiveUp : System.Exception
    {
    }

    private static GiveUp Unsupported() => new();

    // No tabs, no byte order mark, and only \n and \r\n as line breaks: YAML 1.1's other breaks (\r, U+0085, U+2028,
    // U+2029), control characters and non-characters are left to YamlDotNet, which reads or rejects them.
    private static bool HasOnlyPlainCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ')
            {
                if (c == '\n' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))
                {
                    continue;
                }

                return false;
            }

            if ((c >= '\u007F' && c <= '\u009F') || c == '\u2028' || c == '\u2029' || c == '\uFEFF' || c >= '\uFFFE')
            {
                return false;
            }
        }

        return true;
    }

    private bool TryDocument(out JsonNode? root)
    {
        root = null;
        SkipToContent();
        if (AtEnd)
        {
            return true;
        }

        if (Column == 0 && Current == '%')
        {
            return false;
        }

        if (AtDocumentMarker('-'))
        {
            _pos += 3;
            SkipSpaces();

            if (!AtLineEnd)
            {
                return false;
            }

            SkipToContent();
            if (AtEnd)
            {
                return true;
            }
        }

        root = Block(parentIndent: -1, depth: 1);
        SkipToContent();
        return AtEnd;
    }

    // ---- block nodes ----

    /// <summary>A node that starts at the current position (its first character, on the line's content) inside a block at <paramref name="parentIndent"/>.</summary>
    private JsonNode? Block(int parentIndent, int depth)
    {
        var column = Column;
        if (column <= parentIndent || AtDocumentMarker('-') || AtDocumentMarker('.'))
        {
            throw Unsupported();
        }

        var c = Current;
        if (c == '-' && IsBlankOrEnd(_pos + 1))
        {
            return Sequence(column, depth);
        }

        if (c is '|' or '>')
        {
            // A block scalar as a whole block (the document, an item's own line) is left to YamlDotNet.
            throw Unsupported();
        }

        if (LooksLikeKey())
        {
            return Mapping(column, depth);
        }

        return InlineValue(parentIndent, depth);
    }

    private JsonArray Sequence(int column, int depth)
    {
        Deeper(depth);
        Count();
        var array = new JsonArray();
        while (true)
        {
            _pos++; // '-'
            SkipSpaces();
            JsonNode? item;
            if (AtLineEnd || Current == '#')
            {
                item = NextLineBlock(column, depth, indentlessAllowed: false);
            }
            else if (Current == '-' && IsBlankOrEnd(_pos + 1))
            {
                // "- - a": a sequence in a sequence, on the item's line.
                item = Sequence(Column, depth + 1);
            }
            else if (LooksLikeKey())
            {
                // "- name: a": a mapping whose keys line up after the dash.
                item = Mapping(Column, depth + 1);
            }
            else
            {
                item = InlineValue(column, depth + 1);
            }

            array.Add(item);
            SkipToContent();
            if (AtEnd || Column < column)
            {
                return array;
            }

            if (Column > column || Current != '-' || !IsBlankOrEnd(_pos + 1) || AtDocumentMarker('-'))
            {
                // An item more indented than its dashes, or a key beside them: for a sequence that is a mapping's value
                // without indentation, the key ends it; anything else is YamlDotNet's to judge.
                if (Column == column && Current != '-')
                {
                    return array;
                }

                throw Unsupported();
            }
        }
    }

    private JsonObject Mapping(int column, int depth)
    {
        Deeper(depth);
        Count();
        var obj = new JsonObject();
        while (true)
        {
            Count();
            var key = Key();
            JsonNode? value;
            SkipSpaces();
            if (AtLineEnd || Current == '#')
            {
                value = NextLineBlock(column, depth, indentlessAllowed: true);
            }
            else
            {
                value = InlineValue(column, depth + 1);
            }

            if (key == "<<" || obj.ContainsKey(key))
            {
                // A merge, or a repeated key (an error YamlDotNet places).
                throw Unsupported();
            }

            obj.Add(key, value);
            SkipToContent();
            if (AtEnd || Column < column)
            {
                return obj;
            }

            if (Column > column || AtDocumentMarker('-') || AtDocumentMarker('.') || !LooksLikeKey())
            {
                throw Unsupported();
            }
        }
    }

    /// <summary>
    /// The value of a key or an item whose line ends after its indicator: the more indented block on the next lines, a
    /// sequence at the key's own indentation (a mapping's value only), or nothing (null).
    /// </summary>
    private JsonNode? NextLineBlock(int indent, int depth, bool indentlessAllowed)
    {
        SkipToContent();
        if (!AtEnd && !AtDocumentMarker('-') && !AtDocumentMarker('.'))
        {
            if (Column > indent)
            {
                return Block(indent, depth + 1);
            }

            if (indentlessAllowed && Column == indent && Current == '-' && IsBlankOrEnd(_pos + 1))
            {
                return Sequence(indent, depth + 1);
            }
        }

        // Nothing: an empty scalar, null.
        Count();
        return null;
    }

    /// <summary>A value that starts on the line of its key or dash: a flow collection, a quoted, block or plain scalar.</summary>
    private JsonNode? InlineValue(int parentIndent, int depth)
    {
        JsonNode? value;
        switch (Current)
        {
            case '[':
            case '{':
                value = Flow(depth);
                break;
            case '"':
            case '\'':
                Count();
                value = JsonValue.Create(Quoted(parentIndent));
                break;
            case '|':
            case '>':
                return BlockScalar(parentIndent);
            default:
                if (!CanStartPlain(inFlow: false))
                {
                    throw Unsupported();
                }

                Count();
                value = YamlToJson.Scalar(PlainMultiLine(parentIndent), plain: true);
                break;
        }

        SkipSpaces();
        if (!AtLineEnd && !(Current == '#' && _text[_pos - 1] == ' '))
        {
            // "a: b: c", "a: 'b' c", "- [a] b", "'a'#b": YamlDotNet's to read or place.
            throw Unsupported();
        }

        return value;
    }

    // ---- keys ----

    /// <summary>Whether the current line, from here, is an implicit key: a plain or quoted scalar, then ':' and a blank.</summary>
    private bool LooksLikeKey()
    {
        var saved = _pos;
        try
        {
            switch (Current)
            {
                case '"':
                case '\'':
                    Quoted(OneLine);
                    break;
                default:
                    if (!CanStartPlain(inFlow: false))
                    {
                        return false;
                    }

                    PlainOneLine(inFlow: false);
                    break;
            }

            SkipSpaces();
            return !AtEnd && Current == ':' && IsBlankOrEnd(_pos + 1);
        }
        catch (GiveUp)
        {
            return false;
        }
        finally
        {
            _pos = saved;
        }
    }

    /// <summary>Reads a key and its ':' (checked by <see cref="LooksLikeKey"/>); the key's text as <see cref="YamlToJson"/> makes it.</summary>
    private string Key()
    {
        var start = _pos;
        string key;
        switch (Current)
        {
            case '"':
            case '\'':
                key = Quoted(OneLine);
                break;
            default:
                key = YamlToJson.KeyText(PlainOneLine(inFlow: false), plain: true);
                break;
        }

        if (_pos - start > 1000)
        {
            // libyaml's limit on an implicit key (1024 characters): YamlDotNet reports it.
            throw Unsupported();
        }

        SkipSpaces();
        _pos++; // ':'
        return key;
    }

    // ---- plain scalars ----

    private bool CanStartPlain(bool inFlow)
    {
        var c = Current;
        switch (c)
        {
            case '-':
            case '?':
            case ':':
                // An indicator unless a character that can go on follows (in a flow, not a flow indicator).
                return _pos + 1 < _text.Length && !IsBlankOrEnd(_pos + 1) && !(inFlow && IsFlowIndicator(_text[_pos + 1]));
            case ',':
            case '[':
            case ']':
            case '{':
            case '}':
            case '#':
            case '&':
            case '*':
            case '!':
            case '|':
            case '>':
            case '\'':
            case '"':
            case '%':
            case '@':
            case '`':
                return false;
            default:
                return !IsBlankOrEnd(_pos);
        }
    }

    /// <summary>A plain scalar that ends on its line (a key, or in a flow): up to ": ", " #", the line's end, or in a flow ",[]{}".</summary>
    private string PlainOneLine(bool inFlow)
    {
        var start = _pos;
        var end = _pos;
        while (!AtLineEnd)
        {
            var c = Current;
            if (c == ':' && IsBlankOrEnd(_pos + 1))
            {
                break;
            }

            if (inFlow && c is ':' or '?')
            {
                // "[a:b]", "{a?: b}": libyaml and YamlDotNet differ from the specification there; YamlDotNet's.
                throw Unsupported();
            }

            if (inFlow && IsFlowIndicator(c))
            {
                break;
            }

            if (c == '#' && _pos > start && _text[_pos - 1] == ' ')
            {
                break;
            }

            _pos++;
            if (c != ' ')
            {
                end = _pos;
            }
        }

        _pos = end;
        return _strings.Cut(_text, start, end - start);
    }

    /// <summary>
    /// A plain scalar in a block, which may go on over lines indented more than <paramref name="parentIndent"/>: each line
    /// break between two lines becomes a space, each empty line a line break (libyaml's <c>scan_plain_scalar</c>).
    /// </summary>
    private string PlainMultiLine(int parentIndent)
    {
        var first = PlainOneLine(inFlow: false);
        if (!AtEnd && Current == ':')
        {
            throw Unsupported();
        }

        StringBuilder? folded = null;
        while (true)
        {
            // After the text: spaces, a comment or the line's end.
            var afterText = _pos;
            SkipSpaces();
            if (!AtLineEnd)
            {
                // A comment ends the scalar; "a #b" is the text "a".
                _pos = afterText;
                break;
            }

            // Count the line breaks up to the next text, and where it starts.
            var scan = _pos;
            var lineStart = _lineStart;
            var breaks = 0;
            while (true)
            {
                if (scan >= _text.Length)
                {
                    break;
                }

                if (_text[scan] == '\r' || _text[scan] == '\n')
                {
                    scan += _text[scan] == '\r' ? 2 : 1;
                    lineStart = scan;
                    breaks++;
                    continue;
                }

                if (_text[scan] == ' ')
                {
                    scan++;
                    continue;
                }

                break;
            }

            if (breaks == 0 || scan >= _text.Length || scan - lineStart <= parentIndent || _text[scan] == '#'
                || (scan - lineStart == 0 && IsDocumentMarkerAt(scan)))
            {
                _pos = afterText;
                break;
            }

            // The next line goes on with the scalar.
            _pos = scan;
            _lineStart = lineStart;
            folded ??= new StringBuilder(first);
            if (breaks == 1)
            {
                folded.Append(' ');
            }
            else
            {
                folded.Append('\n', breaks - 1);
            }

            var more = PlainOneLine(inFlow: false);
            if (!AtEnd && Current == ':')
            {
                throw Unsupported();
            }

            folded.Append(more);
        }

        return folded?.ToString() ?? first;
    }

    // ---- quoted scalars ----

    private const int OneLine = -2;

    /// <summary>
    /// A single- or double-quoted scalar. Where <paramref name="parentIndent"/> is not <see cref="OneLine"/> it may go
    /// on over lines indented more than that: a line break between text becomes a space, each empty line a line break,
    /// an escaped line break nothing (libyaml's <c>scan_flow_scalar</c>).
    /// </summary>
    private string Quoted(int parentIndent)
    {
        var single = Current == '\'';
        var quote = Current;
        _pos++;

        // Most quoted scalars close on their line with nothing escaped: their text as it stands.
        var end = _pos;
        while (end < _text.Length && _text[end] is not ('\n' or '\r') && _text[end] != quote && (single || _text[end] != '\\'))
        {
            end++;
        }

        if (end < _text.Length && _text[end] == quote && !(single && end + 1 < _text.Length && _text[end + 1] == '\''))
        {
            var plainText = _strings.Cut(_text, _pos, end - _pos);
            _pos = end + 1;
            return plainText;
        }

        var text = new StringBuilder();
        while (true)
        {
            // The text of one line, up to its end or the closing quote.
            var escapedBreak = false;
            var spacesFrom = -1;
            while (!AtLineEnd)
            {
                var c = Current;
                if (c == quote)
                {
                    if (single && _pos + 1 < _text.Length && _text[_pos + 1] == '\'')
                    {
                        Flush(text, ref spacesFrom);
                        text.Append('\'');
                        _pos += 2;
                        continue;
                    }

                    Flush(text, ref spacesFrom);
                    _pos++;
                    return text.ToString();
                }

                if (c == ' ')
                {
                    if (spacesFrom < 0)
                    {
                        spacesFrom = _pos;
                    }

                    _pos++;
                    continue;
                }

                Flush(text, ref spacesFrom);
                if (single || c != '\\')
                {
                    text.Append(c);
                    _pos++;
                    continue;
                }

                _pos++;
                if (AtLineEnd)
                {
                    escapedBreak = true;
                    break;
                }

                Escape(text);
            }

            // A line break inside the scalar: spaces before it go, and so do those that indent the next line.
            if (parentIndent == OneLine || AtEnd)
            {
                throw Unsupported();
            }

            var breaks = 0;
            while (!AtEnd && (Current == ' ' || Current == '\n' || Current == '\r'))
            {
                if (Current == ' ')
                {
                    _pos++;
                }
                else
                {
                    NextLine();
                    breaks++;
                }
            }

            if (AtEnd || Column <= parentIndent || (Column == 0 && (AtDocumentMarker('-') || AtDocumentMarker('.'))))
            {
                throw Unsupported();
            }

            if (escapedBreak)
            {
                text.Append('\n', breaks - 1);
            }
            else if (breaks == 1)
            {
                text.Append(' ');
            }
            else
            {
                text.Append('\n', breaks - 1);
            }
        }
    }

    /// <summary>Spaces inside a line are the scalar's; <see cref="Quoted"/> holds them back until text follows on the line.</summary>
    private void Flush(StringBuilder text, ref int spacesFrom)
    {
        if (spacesFrom >= 0)
        {
            text.Append(' ', _pos - spacesFrom);
            spacesFrom = -1;
        }
    }

    /// <summary>A double-quoted scalar's escape, after its backslash.</summary>
    private void Escape(StringBuilder text)
    {
        var e = Current;
        _pos++;
        switch (e)
        {
            case '0': text.Append('\0'); break;
            case 'a': text.Append('\a'); break;
            case 'b': text.Append('\b'); break;
            case 't': text.Append('\t'); break;
            case 'n': text.Append('\n'); break;
            case 'v': text.Append('\v'); break;
            case 'f': text.Append('\f'); break;
            case 'r': text.Append('\r'); break;
            case 'e': text.Append('\u001B'); break;
            case ' ': text.Append(' '); break;
            case '"': text.Append('"'); break;
            case '/': text.Append('/'); break;
            case '\\': text.Append('\\'); break;
            case 'N': text.Append('\u0085'); break;
            case '_': text.Append('\u00A0'); break;
            case 'L': text.Append('\u2028'); break;
            case 'P': text.Append('\u2029'); break;
            case 'x': text.Append(Code(2)); break;
            case 'u': text.Append(Code(4)); break;
            case 'U': text.Append(Code(8)); break;
            default: throw Unsupported();
        }
    }

    /// <summary>The character of a <c>\x</c>, <c>\u</c> or <c>\U</c> escape of <paramref name="digits"/> hexadecimal digits.</summary>
    private string Code(int digits)
    {
        var value = 0;
        for (var i = 0; i < digits; i++)
        {
            if (AtLineEnd)
            {
                throw Unsupported();
            }

            var c = Current;
            int digit = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
            if (digit < 0 || value > 0x10FFFF)
            {
                throw Unsupported();
            }

            value = (value * 16) + digit;
            _pos++;
        }

        if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF)
        {
            throw Unsupported();
        }

        return char.ConvertFromUtf32(value);
    }

    // ---- block scalars ----

    /// <summary>A literal (<c>|</c>) or folded (<c>&gt;</c>) scalar, its content indented more than <paramref name="parentIndent"/> (libyaml's <c>scan_block_scalar</c>).</summary>
    private JsonNode BlockScalar(int parentIndent)
    {
        var literal = Current == '|';
        _pos++;
        // The header: a chomping indicator and an indentation indicator, in either order.
        var chomping = 0;
        var increment = 0;
        for (var i = 0; i < 2 && !AtLineEnd; i++)
        {
            if (chomping == 0 && (Current == '+' || Current == '-'))
            {
                chomping = Current == '+' ? 1 : -1;
                _pos++;
            }
            else if (increment == 0 && Current >= '1' && Current <= '9')
            {
                increment = Current - '0';
                _pos++;
            }
        }

        SkipSpaces();
        if (!AtLineEnd && !(Current == '#' && _text[_pos - 1] == ' '))
        {
            throw Unsupported();
        }

        SkipToLineEnd();
        if (AtEnd)
        {
            throw Unsupported();
        }

        NextLine();

        // The indentation: the header's, over the enclosing block's; or the first line with text, and empty lines before
        // it may not be longer.
        var indent = increment > 0 ? System.Math.Max(parentIndent, 0) + increment : 0;
        var longestEmpty = 0;
        for (var scan = _pos; increment == 0; )
        {
            var lineStart = scan;
            while (scan < _text.Length && _text[scan] == ' ')
            {
                scan++;
            }

            if (scan >= _text.Length)
            {
                throw Unsupported();
            }

            if (_text[scan] == '\r' || _text[scan] == '\n')
            {
                longestEmpty = System.Math.Max(longestEmpty, scan - lineStart);
                scan += _text[scan] == '\r' ? 2 : 1;
                continue;
            }

            indent = scan - lineStart;
            break;
        }

        if (indent <= parentIndent || indent < 1 || longestEmpty > indent)
        {
            // No content (an empty scalar), or a leading empty line longer than the text: YamlDotNet's.
            throw Unsupported();
        }

        var text = new StringBuilder();
        var trailingBreaks = new StringBuilder();
        var leadingBreak = false;
        var leadingBlank = false;
        var first = true;
        while (true)
        {
            // Here: at the start of a line. Its indentation, then either text at the indentation or the block's end.
            var lineStart = _pos;
            var spaces = 0;
            while (spaces < indent && !AtEnd && Current == ' ')
            {
                _pos++;
                spaces++;
            }

            if (AtEnd)
            {
                break;
            }

            if (spaces < indent && !AtLineEnd)
            {
                // Less indented text: the block is over; the next node starts on this line.
                _pos = lineStart;
                break;
            }

            if (AtLineEnd)
            {
                // An empty line (or one of spaces only, no longer than the indentation).
                trailingBreaks.Append('\n');
                if (!NextLine())
                {
                    break;
                }

                continue;
            }

            // A line of text.
            var trailingBlank = Current == ' ';
            if (!first)
            {
                if (!literal && leadingBreak && !leadingBlank && !trailingBlank)
                {
                    text.Append(trailingBreaks.Length == 0 ? " " : trailingBreaks.ToString());
                }
                else
                {
                    text.Append('\n').Append(trailingBreaks);
                }
            }
            else
            {
                text.Append(trailingBreaks);
            }

            first = false;
            trailingBreaks.Clear();
            leadingBlank = trailingBlank;
            var start = _pos;
            SkipToLineEnd();
            text.Append(_text, start, _pos - start);
            leadingBreak = true;
            if (!NextLine())
            {
                // The text's last line, without a line break: none to chomp.
                leadingBreak = false;
                break;
            }
        }

        // Chomping: strip none of the last text line's break and the empty lines after it (keep), keep only the break (clip), or none (strip).
        if (leadingBreak && chomping >= 0)
        {
            text.Append('\n');
        }

        if (chomping > 0)
        {
            text.Append(trailingBreaks);
        }

        // The reader stands at the start of the line after the block (or the text's end).
        Count();
        return JsonValue.Create(text.ToString())!;
    }

    // ---- flow collections (one line) ----

    private JsonNode Flow(int depth)
    {
        Deeper(depth);
        Count();
        var open = Current;
        var close = open == '[' ? ']' : '}';
        _pos++;
        JsonNode node = open == '[' ? new JsonArray() : new JsonObject();
        SkipSpaces();
        if (!AtLineEnd && Current == close)
        {
            _pos++;
            return node;
        }

        while (true)
        {
            if (AtLineEnd)
            {
                throw Unsupported();
            }

            if (node is JsonObject obj)
            {
                var key = FlowScalarText(out var plain);
                SkipSpaces();
                if (AtLineEnd || Current != ':')
                {
                    throw Unsupported();
                }

                _pos++;
                if (!IsBlankOrEnd(_pos))
                {
                    // '{"a":1}': YamlDotNet's.
                    throw Unsupported();
                }

                SkipSpaces();
                var value = FlowItem(depth);
                var keyText = plain ? YamlToJson.KeyText(key, plain: true) : key;
                if (keyText == "<<" || obj.ContainsKey(keyText))
                {
                    throw Unsupported();
                }

                Count();
                obj.Add(keyText, value);
            }
            else
            {
                ((JsonArray)node).Add(FlowItem(depth));
            }

            SkipSpaces();
            if (AtLineEnd)
            {
                throw Unsupported();
            }

            if (Current == close)
            {
                _pos++;
                return node;
            }

            if (Current != ',')
            {
                throw Unsupported();
            }

            _pos++;
            SkipSpaces();
            if (AtLineEnd || Current == ',' || Current == close)
            {
                // An empty entry or a trailing comma: YamlDotNet's.
                throw Unsupported();
            }
        }
    }

    private JsonNode? FlowItem(int depth)
    {
        if (AtLineEnd)
        {
            throw Unsupported();
        }

        if (Current is '[' or '{')
        {
            return Flow(depth + 1);
        }

        var text = FlowScalarText(out var plain);
        SkipSpaces();
        if (!AtLineEnd && Current == ':')
        {
            // "[a: b]", a pair in a sequence: YamlDotNet's.
            throw Unsupported();
        }

        Count();
        return plain ? YamlToJson.Scalar(text, plain: true) : JsonValue.Create(text);
    }

    private string FlowScalarText(out bool plain)
    {
        plain = false;
        switch (Current)
        {
            case '"':
            case '\'':
                return Quoted(OneLine);
            default:
                if (!CanStartPlain(inFlow: true))
                {
                    throw Unsupported();
                }

                plain = true;
                return PlainOneLine(inFlow: true);
        }
    }

    // ---- the text ----

    private bool AtEnd => _pos >= _text.Length;

    private char Current => _text[_pos];

    private int Column => _pos - _lineStart;

    private bool AtLineEnd => _pos >= _text.Length || _text[_pos] == '\n' || _text[_pos] == '\r';

    private bool IsBlankOrEnd(int index) => index >= _text.Length || _text[index] is ' ' or '\n' or '\r';

    private static bool IsFlowIndicator(char c) => c is ',' or '[' or ']' or '{' or '}';

    private bool AtDocumentMarker(char c) => Column == 0 && IsDocumentMarkerAt(_pos) && _text[_pos] == c;

    private bool IsDocumentMarkerAt(int index) =>
        index + 3 <= _text.Length
        && (_text[index] == '-' || _text[index] == '.')
        && _text[index + 1] == _text[index] && _text[index + 2] == _text[index]
        && IsBlankOrEnd(index + 3);

    // The limits, with room to spare: a document near them is YamlDotNet's, which counts them exactly and reports them.
    private static void Deeper(int depth)
    {
        if (depth >= DocumentLimits.MaxDepth - 1)
        {
            throw Unsupported();
        }
    }

    private void Count()
    {
        if (++_nodes > DocumentLimits.MaxNodes / 2)
        {
            throw Unsupported();
        }
    }

    private void SkipSpaces()
    {
        while (_pos < _text.Length && _text[_pos] == ' ')
        {
            _pos++;
        }
    }

    private void SkipToLineEnd()
    {
        while (!AtLineEnd)
        {
            _pos++;
        }
    }

    /// <summary>Moves past the line break at the current position; false at the end of the text.</summary>
    private bool NextLine()
    {
        if (AtEnd)
        {
            return false;
        }

        _pos += _text[_pos] == '\r' ? 2 : 1;
        _lineStart = _pos;
        return true;
    }

    /// <summary>Moves to the next character that is neither a space, a line break nor in a comment.</summary>
    private void SkipToContent()
    {
        while (!AtEnd)
        {
            var c = Current;
            if (c == ' ')
            {
                _pos++;
            }
            else if (c == '#' && (_pos == _lineStart || _text[_pos - 1] == ' '))
            {
                SkipToLineEnd();
            }
            else if (c == '\n' || c == '\r')
            {
                NextLine();
            }
            else
            {
                return;
            }
        }
    }
}

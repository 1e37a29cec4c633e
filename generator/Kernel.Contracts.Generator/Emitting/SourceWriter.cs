using System;
using System.Text;

namespace Kernel.Contracts.Generator.Emitting;

/// <summary>An indentation-aware text writer for generated C#.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _sb = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length == 0)
        {
            _sb.Append('\n');
            return this;
        }

        _sb.Append(' ', _indent * 4).Append(text).Append('\n');
        return this;
    }

    /// <summary>Writes each line of a multi-line block at the current indentation.</summary>
    public SourceWriter Lines(string block)
    {
        foreach (var line in block.Replace("\r\n", "\n").Split('\n'))
        {
            Line(line);
        }

        return this;
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    public IDisposable Block(string text)
    {
        Open(text);
        return new Closer(this);
    }

    /// <summary>An XML doc summary from free text (escaped, one line per source line; a one-line text stays on one line).</summary>
    public SourceWriter Summary(string? text, string? fallback = null)
    {
        var content = string.IsNullOrWhiteSpace(text) ? fallback : text;
        if (string.IsNullOrWhiteSpace(content))
        {
            return this;
        }

        var lines = content!.Trim().Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 1)
        {
            return Line("/// <summary>" + Escape(lines[0].TrimEnd()) + "</summary>");
        }

        Line("/// <summary>");
        foreach (var line in lines)
        {
            Line("/// " + Escape(line.TrimEnd()));
        }

        return Line("/// </summary>");
    }

    /// <summary>Text folded onto one line and escaped, for an XML doc element on a single line.</summary>
    public static string OneLine(string text) =>
        Escape(string.Join(" ", text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries)).Trim());

    public static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public override string ToString() => _sb.ToString();

    private sealed class Closer : IDisposable
    {
        private readonly SourceWriter _writer;

        public Closer(SourceWriter writer) => _writer = writer;

        public void Dispose() => _writer.Close();
    }
}

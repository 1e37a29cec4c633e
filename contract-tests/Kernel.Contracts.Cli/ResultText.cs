using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace Kernel.Contracts.Cli;

/// <summary>
/// Text bound for a result file (JUnit XML, JSON): what XML 1.0 cannot hold (control characters such as ESC or NUL,
/// a lone surrogate, U+FFFE and U+FFFF) becomes a readable <c>\uXXXX</c>, so a response body carrying one cannot stop
/// the files being written, and the reader still sees what was there.
/// </summary>
internal static class ResultText
{
    public static string Clean(string text)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean?.Append(text, i, 2);
                i++;
                continue;
            }

            if (XmlConvert.IsXmlChar(text[i]))
            {
                clean?.Append(text[i]);
                continue;
            }

            clean ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            clean.Append("\\u").Append(((int)text[i]).ToString("x4", CultureInfo.InvariantCulture));
        }

        return clean?.ToString() ?? text;
    }
}

/// <summary>Writes every string of the <c>--json</c> results through <see cref="ResultText.Clean"/> (the same text as the JUnit file).</summary>
internal sealed class ResultTextJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(ResultText.Clean(value));
}

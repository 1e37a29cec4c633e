using System;
using System.Globalization;
using System.Text;

namespace Kernel.Contracts.Pact.Matchers;

/// <summary>Checks examples against Java <c>DateTimeFormatter</c> patterns, the format language Pact uses.</summary>
/// <remarks>
/// Checked subset: <c>y</c>/<c>u</c> (year), <c>M</c> (month, also <c>MMM</c>/<c>MMMM</c> names), <c>d</c>, <c>H</c>,
/// <c>h</c>, <c>m</c>, <c>s</c>, <c>S</c> (fraction, up to 7 digits), <c>a</c> (AM/PM), <c>E</c> (day name),
/// <c>X</c> (offset or <c>Z</c>), <c>x</c>/<c>Z</c> (numeric offset), <c>'quoted'</c> literals and punctuation,
/// parsed with the invariant culture. A pattern using any other letter (<c>G</c>, <c>Q</c>, <c>w</c>, <c>D</c>,
/// <c>z</c>, <c>V</c>, ...) is passed to the core unchecked.
/// </remarks>
internal static class JavaDateTimeFormat
{
    /// <summary>
    /// True when the example parses with the format, or when the format uses letters outside the checked subset.
    /// </summary>
    internal static bool TryCheck(string example, string javaFormat, out string? dotnetFormat)
    {
        dotnetFormat = ToDotNet(javaFormat);
        return dotnetFormat is null ||
               DateTimeOffset.TryParseExact(example, dotnetFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);
    }

    /// <summary>The equivalent .NET custom format, or null when the pattern leaves the checked subset.</summary>
    internal static string? ToDotNet(string javaFormat)
    {
        var result = new StringBuilder();
        for (var i = 0; i < javaFormat.Length;)
        {
            var c = javaFormat[i];
            if (c == '\'')
            {
                // '' is a literal quote; 'text' is literal text, where '' again means a quote.
                if (i + 1 < javaFormat.Length && javaFormat[i + 1] == '\'')
                {
                    result.Append("\\'");
                    i += 2;
                    continue;
                }

                i++;
                while (i < javaFormat.Length)
                {
                    if (javaFormat[i] == '\'')
                    {
                        if (i + 1 < javaFormat.Length && javaFormat[i + 1] == '\'')
                        {
                            result.Append("\\'");
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    result.Append('\\').Append(javaFormat[i]);
                    i++;
                }

                continue;
            }

            if (!char.IsAsciiLetter(c))
            {
                result.Append('\\').Append(c);
                i++;
                continue;
            }

            var run = 1;
            while (i + run < javaFormat.Length && javaFormat[i + run] == c)
            {
                run++;
            }

            var mapped = MapLetters(c, run);
            if (mapped is null)
            {
                return null;
            }

            result.Append(mapped);
            i += run;
        }

        return result.ToString();
    }

    private static string? MapLetters(char letter, int count) => letter switch
    {
        'y' or 'u' => count == 2 ? "yy" : "yyyy",
        'M' => count switch { 1 => "%M", 2 => "MM", 3 => "MMM", _ => "MMMM" },
        'd' => count == 1 ? "%d" : "dd",
        'H' => count == 1 ? "%H" : "HH",
        'h' => count == 1 ? "%h" : "hh",
        'm' => count == 1 ? "%m" : "mm",
        's' => count == 1 ? "%s" : "ss",
        'S' when count <= 7 => count == 1 ? "%f" : new string('f', count),
        'a' => "tt",
        'E' => count <= 3 ? "ddd" : "dddd",
        'X' => "K",
        'x' or 'Z' => "zzz",
        _ => null,
    };
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Kernel.Contracts.Generator;

/// <summary>Turns names from an OpenAPI document into C# identifiers.</summary>
internal static class Naming
{
    /// <summary>
    /// <c>pipeline_name</c>, <c>pipeline-name</c>, <c>pipelineName</c> → <c>PipelineName</c>.
    /// Returns an empty string when the name has no letter or digit to build on.
    /// </summary>
    public static string Pascal(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var word in Words(name))
        {
            sb.Append(char.ToUpperInvariant(word[0]));
            sb.Append(word.Substring(1).ToLowerInvariant());
        }

        if (sb.Length > 0 && char.IsDigit(sb[0]))
        {
            sb.Insert(0, '_');
        }

        return sb.ToString();
    }

    /// <summary>
    /// The words of a name: separators split, and so do case changes (<c>userID</c> → user, ID;
    /// <c>HTTPStatus</c> → HTTP, Status; <c>instanceGPUs</c> → instance, GPUs). A leading <c>+</c> is "Plus",
    /// a <c>-</c> before a digit "Minus", so <c>+1</c> and <c>-1</c> stay apart.
    /// </summary>
    private static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!(c < 128 ? char.IsLetterOrDigit(c) : IsIdentifierPart(c)))
            {
                Flush();
                if (c == '+' && words.Count == 0)
                {
                    words.Add("Plus");
                }
                else if (c == '-' && words.Count == 0 && i + 1 < name.Length && char.IsDigit(name[i + 1]))
                {
                    words.Add("Minus");
                }

                continue;
            }

            if (current.Length > 0)
            {
                var prev = current[current.Length - 1];
                var next = i + 1 < name.Length ? name[i + 1] : '\0';
                var startsWord =
                    (char.IsUpper(c) && char.IsLower(prev))
                    || (char.IsUpper(c) && char.IsUpper(prev) && char.IsLower(next) && !(next == 's' && !(i + 2 < name.Length && char.IsLetter(name[i + 2]))))
                    || (char.IsDigit(c) != char.IsDigit(prev) && char.IsLetter(c) && char.IsUpper(c));
                if (startsWord)
                {
                    Flush();
                }
            }

            current.Append(c);
        }

        Flush();
        return words;
    }

    /// <summary><c>study_id</c> → <c>studyId</c>, escaped with <c>@</c> when it is a keyword.</summary>
    public static string Camel(string name)
    {
        var pascal = Pascal(name);
        if (pascal.Length == 0)
        {
            return pascal;
        }

        var camel = pascal[0] == '_' ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return EscapeKeyword(camel);
    }

    public static string EscapeKeyword(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None
            ? "@" + identifier
            : identifier;

    /// <summary>Returns <paramref name="candidate"/>, or it with the lowest numeric suffix not yet in <paramref name="used"/>.</summary>
    public static string Unique(string candidate, HashSet<string> used)
    {
        var name = candidate;
        for (var i = 2; !used.Add(name); i++)
        {
            name = candidate + i.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    /// <summary>The name of a response status in C# members: <c>Ok</c>, <c>Created</c>, <c>NoContent</c>, <c>Status2XX</c>, <c>Status</c> for default.</summary>
    public static string StatusName(string status) => status.ToUpperInvariant() switch
    {
        "DEFAULT" => "Status",
        var s when s.EndsWith("XX", StringComparison.Ordinal) => "Status" + s,
        var s => Pascal(Reason(s)) is { Length: > 0 } name ? name : "Status" + s,
    };

    /// <summary>The reason phrase of a status, as RFC 9110 names it.</summary>
    public static string Reason(string status) => status switch
    {
        "200" => "OK",
        "201" => "Created",
        "202" => "Accepted",
        "204" => "No Content",
        "301" => "Moved Permanently",
        "302" => "Found",
        "304" => "Not Modified",
        "400" => "Bad Request",
        "401" => "Unauthorized",
        "403" => "Forbidden",
        "404" => "Not Found",
        "405" => "Method Not Allowed",
        "406" => "Not Acceptable",
        "409" => "Conflict",
        "410" => "Gone",
        "412" => "Precondition Failed",
        "413" => "Payload Too Large",
        "415" => "Unsupported Media Type",
        "422" => "Unprocessable Entity",
        "429" => "Too Many Requests",
        "500" => "Internal Server Error",
        "502" => "Bad Gateway",
        "503" => "Service Unavailable",
        "504" => "Gateway Timeout",
        _ => "Status " + status,
    };

    /// <summary>A C# string literal for any text.</summary>
    public static string Literal(string? value) =>
        value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A UTF-8 string literal (<c>"name"u8</c>).</summary>
    public static string Utf8Literal(string value) => Literal(value) + "u8";

    private static bool IsIdentifierPart(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber;
}

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
        var upperNext = true;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c < 128 ? char.IsLetterOrDigit(c) : IsIdentifierPart(c))
            {
                if (upperNext)
                {
                    sb.Append(char.ToUpperInvariant(c));
                    upperNext = false;
                }
                else
                {
                    // ALLCAPS words stay readable: HTTP_STATUS → HttpStatus, but keep camelCase humps.
                    var prevUpper = i > 0 && char.IsUpper(name[i - 1]);
                    sb.Append(prevUpper && char.IsUpper(c) && !(i + 1 < name.Length && char.IsLower(name[i + 1])) ? char.ToLowerInvariant(c) : c);
                }
            }
            else
            {
                if (c == '+' && sb.Length == 0)
                {
                    sb.Append("Plus");
                }
                else if (c == '-' && sb.Length == 0 && i + 1 < name.Length && char.IsDigit(name[i + 1]))
                {
                    sb.Append("Minus");
                }

                upperNext = true;
            }
        }

        if (sb.Length > 0 && char.IsDigit(sb[0]))
        {
            sb.Insert(0, '_');
        }

        return sb.ToString();
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

    /// <summary>A C# string literal for any text.</summary>
    public static string Literal(string? value) =>
        value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A UTF-8 string literal (<c>"name"u8</c>).</summary>
    public static string Utf8Literal(string value) => Literal(value) + "u8";

    private static bool IsIdentifierPart(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber;
}

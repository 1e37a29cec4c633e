using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

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
        // One pass over the words of the name, each written capitalized as it is met. Separators split words, and
        // so do case changes (userID → User, Id; HTTPStatus → Http, Status; instanceGPUs → Instance, Gpus). A
        // leading + is "Plus", a - before a digit "Minus", so +1 and -1 stay apart.
        var sb = new StringBuilder(name.Length);
        var inWord = false;
        var prev = '\0';
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!(c < 128 ? char.IsLetterOrDigit(c) : IsIdentifierPart(c)))
            {
                inWord = false;
                if (c == '+' && sb.Length == 0)
                {
                    sb.Append("Plus");
                }
                else if (c == '-' && sb.Length == 0 && i + 1 < name.Length && char.IsDigit(name[i + 1]))
                {
                    sb.Append("Minus");
                }

                continue;
            }

            if (inWord && StartsWord(name, i, prev))
            {
                inWord = false;
            }

            sb.Append(inWord ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c));
            inWord = true;
            prev = c;
        }

        if (sb.Length > 0 && char.IsDigit(sb[0]))
        {
            sb.Insert(0, '_');
        }

        return sb.ToString();
    }

    // Whether name[i] starts a word after prev, the last character of the word before it: lower to upper (userId),
    // the last capital of an acronym before a lower-case letter (HTTPStatus) unless that is a plural s (GPUs), a
    // capital after digits (v2Beta).
    private static bool StartsWord(string name, int i, char prev)
    {
        var c = name[i];
        var next = i + 1 < name.Length ? name[i + 1] : '\0';
        return (char.IsUpper(c) && char.IsLower(prev))
            || (char.IsUpper(c) && char.IsUpper(prev) && char.IsLower(next) && !(next == 's' && !(i + 2 < name.Length && char.IsLetter(name[i + 2]))))
            || (char.IsDigit(c) != char.IsDigit(prev) && char.IsLetter(c) && char.IsUpper(c));
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
        Keywords.Contains(identifier)
            ? "@" + identifier
            : identifier;

    // C#'s reserved keywords, as Roslyn's SyntaxFacts.GetKeywordKind knows them (NamingTests holds the two equal). Our
    // own list and literal escaping keep kernel-contracts generate from loading Microsoft.CodeAnalysis.CSharp, a tenth
    // of a small document's run; inside the compiler the generator could call Roslyn, but one rule runs both.
    internal static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "__arglist", "__makeref", "__reftype", "__refvalue", "abstract", "as", "base", "bool", "break", "byte", "case", "catch",
        "char", "checked", "class", "const", "continue", "decimal", "default", "delegate", "do", "double", "else", "enum",
        "event", "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in",
        "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint",
        "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

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

    /// <summary>
    /// A C# string literal for any text, escaped as Roslyn's <c>SymbolDisplay.FormatLiteral</c> escapes it (NamingTests
    /// holds the two equal): a quote and a backslash, the simple escapes, and <c>\uXXXX</c> for a control or unassigned
    /// character, a line or paragraph separator and a surrogate that is not half of a pair.
    /// </summary>
    public static string Literal(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var literal = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                literal.Append(c).Append(value[++i]);
                continue;
            }

            switch (c)
            {
                case '"': literal.Append("\\\""); break;
                case '\\': literal.Append("\\\\"); break;
                case '\0': literal.Append("\\0"); break;
                case '\a': literal.Append("\\a"); break;
                case '\b': literal.Append("\\b"); break;
                case '\f': literal.Append("\\f"); break;
                case '\n': literal.Append("\\n"); break;
                case '\r': literal.Append("\\r"); break;
                case '\t': literal.Append("\\t"); break;
                case '\v': literal.Append("\\v"); break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.OtherNotAssigned
                        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate)
                    {
                        literal.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        literal.Append(c);
                    }

                    break;
            }
        }

        return literal.Append('"').ToString();
    }

    /// <summary>A UTF-8 string literal (<c>"name"u8</c>).</summary>
    public static string Utf8Literal(string value) => Literal(value) + "u8";

    private static bool IsIdentifierPart(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber;
}

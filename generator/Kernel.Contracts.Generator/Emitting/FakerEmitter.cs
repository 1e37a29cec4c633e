using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Kernel.Contracts.Generator.Model;

namespace Kernel.Contracts.Generator.Emitting;

/// <summary>
/// Emits Bogus fakers that honour the schemas: required/optional/nullable, enums, formats, lengths, ranges,
/// patterns, item counts and nested objects; deterministic for a seed. <c>{Api}Fakers.X(faker)</c> makes one
/// value; <c>XFaker : Faker&lt;X&gt;</c> is the familiar Bogus entry point (<c>RuleFor</c> overrides a field).
/// </summary>
internal sealed class FakerEmitter
{
    private const string F = "global::Bogus.Faker";

    private readonly ApiModel _api;
    private readonly TypeNames _names;
    private readonly Dictionary<string, TypeModel> _types;
    private readonly PatternTable _patterns = new();

    public FakerEmitter(ApiModel api)
    {
        _api = api;
        _names = new TypeNames(api.Namespace);
        _types = api.Types.ToDictionary(t => t.Name);
    }

    private string Fakers => _api.ApiName + "Fakers";

    public IEnumerable<GeneratedFile> Emit()
    {
        yield return new GeneratedFile(_api.ApiName + ".Fakers.g.cs", Values());
        yield return new GeneratedFile(_api.ApiName + ".Fakers.Support.g.cs", Support());
    }

    private string Values()
    {
        var body = new SourceWriter();
        foreach (var type in _api.Types.OrderBy(t => t.Name, System.StringComparer.Ordinal))
        {
            EmitValue(body, type);
        }

        var w = Emitter.Start(_api.Namespace);
        w.Line("/// <summary>Values for every DTO of " + SourceWriter.OneLine(_api.Title) + " that validate against their schemas; deterministic for a seeded faker.</summary>");
        w.Line(Emitter.GeneratedCodeAttribute);
        using (w.Block("public static partial class " + Fakers))
        {
            _patterns.EmitFields(w, withTimeout: false);
            w.Line("/// <summary>Beyond this depth optional members are left out and arrays are empty, so recursive schemas end.</summary>");
            w.Line("public const int MaxDepth = 4;");
            w.Line();
            w.Lines(body.ToString().TrimEnd('\n'));
        }

        // Faker<T> needs a class: extensible enums (structs) have only the static maker.
        foreach (var type in _api.Types.Where(t => t.Kind != TypeModelKind.Enum).OrderBy(t => t.Name, System.StringComparer.Ordinal))
        {
            w.Line();
            w.Line("/// <summary>A Bogus <c>Faker&lt;" + type.Name + "&gt;</c> whose instances validate against the schema; <c>RuleFor</c> overrides single members.</summary>");
            w.Line(Emitter.GeneratedCodeAttribute);
            using (w.Block("public sealed partial class " + type.Name + "Faker : global::Bogus.Faker<" + _names.Named(type.Name) + ">"))
            {
                w.Line("/// <summary>A faker with a random seed.</summary>");
                w.Line("public " + type.Name + "Faker()");
                w.Line("    : this(null)");
                w.Line("{");
                w.Line("}");
                w.Line();
                w.Line("/// <summary>A faker that makes the same values for the same seed.</summary>");
                using (w.Block("public " + type.Name + "Faker(int? seed)"))
                {
                    w.Line("if (seed is int value) UseSeed(value);");
                    w.Line("CustomInstantiator(f => " + Fakers + "." + type.Name + "(f));");
                }
            }
        }

        return w.ToString();
    }

    private void EmitValue(SourceWriter w, TypeModel type)
    {
        var self = _names.Named(type.Name);
        w.Line("/// <summary>A valid <see cref=\"" + type.Name + "\"/>.</summary>");
        using (w.Block("public static " + self + " " + type.Name + "(" + F + " f, int depth = 0)"))
        {
            switch (type.Kind)
            {
                case TypeModelKind.Enum:
                    w.Line(type.EnumMembers.Count == 0 ? "return new " + self + "(f.Lorem.Word());" : "return f.PickRandom<" + self + ">(" + self + ".KnownValues);");
                    break;
                case TypeModelKind.Union:
                    w.Line("switch (f.Random.Int(0, " + (type.UnionCases.Count - 1).ToString(CultureInfo.InvariantCulture) + "))");
                    w.Line("{");
                    var i = 0;
                    foreach (var c in type.UnionCases)
                    {
                        w.Line(i == type.UnionCases.Count - 1 ? "    default:" : "    case " + i + ":");
                        var value = Value(c.Type, Constraints.None, "depth + 1");
                        if (type.DiscriminatorProperty is { } d && c.DiscriminatorValues.Count > 0 && c.Type.Kind == TypeRefKind.Named
                            && _types.TryGetValue(c.Type.Name!, out var caseType) && caseType.Properties.FirstOrDefault(p => p.JsonName == d) is { } property && property.Type.Kind == TypeRefKind.String)
                        {
                            // The case's discriminator member must carry the value that selects it.
                            value = "(" + value + ") with { " + property.Name + " = " + Naming.Literal(c.DiscriminatorValues[0]) + " }";
                        }

                        w.Line("        return " + self + ".From" + c.Name + "(" + value + ");");
                        i++;
                    }

                    w.Line("}");
                    break;
                default:
                    w.Open("return new " + self);
                    foreach (var p in type.Properties)
                    {
                        var value = Value(p.Type, p.Constraints, "depth + 1");
                        if (!p.Required)
                        {
                            value = "depth < MaxDepth && f.Random.Bool(0.8f) ? " + value + " : " + Null(p.Type);
                        }
                        else if (p.Nullable)
                        {
                            value = "f.Random.Bool(0.9f) ? " + value + " : " + Null(p.Type);
                        }

                        w.Line(p.Name + " = " + value + ",");
                    }

                    w.Close(";");
                    break;
            }
        }

        w.Line();
    }

    private string Null(TypeRef type) => "default(" + _names.Nullable(type) + ")";

    /// <summary>An expression for a valid value of the type, given faker <c>f</c>.</summary>
    private string Value(TypeRef type, Constraints c, string depth)
    {
        var min = c.Minimum is null ? "null" : NumberLiterals.Decimal(c.Minimum);
        var max = c.Maximum is null ? "null" : NumberLiterals.Decimal(c.Maximum);
        var range = min + ", " + (c.ExclusiveMinimum ? "true" : "false") + ", " + max + ", " + (c.ExclusiveMaximum ? "true" : "false");
        return type.Kind switch
        {
            TypeRefKind.String => "FakerSupport.Text(f, " + NumberLiterals.Int(c.MinLength) + ", " + NumberLiterals.Int(c.MaxLength) + ", " + _patterns.Field(c.Pattern) + ", " + Naming.Literal(c.Format) + ")",
            TypeRefKind.Boolean => "f.Random.Bool()",
            TypeRefKind.Int32 => "(int)FakerSupport.Number(f, true, " + range + ", int.MinValue, int.MaxValue)",
            TypeRefKind.Int64 => "(long)FakerSupport.Number(f, true, " + range + ", long.MinValue, long.MaxValue)",
            TypeRefKind.Double => "(double)FakerSupport.Number(f, false, " + range + ", -1e9m, 1e9m)",
            TypeRefKind.Single => "(float)FakerSupport.Number(f, false, " + range + ", -1e6m, 1e6m)",
            TypeRefKind.Decimal => "FakerSupport.Number(f, false, " + range + ", -1e9m, 1e9m)",
            TypeRefKind.DateTimeOffset => "new global::System.DateTimeOffset(f.Date.Recent(30, new global::System.DateTime(2026, 1, 1, 0, 0, 0, global::System.DateTimeKind.Utc)).Ticks / global::System.TimeSpan.TicksPerSecond * global::System.TimeSpan.TicksPerSecond, global::System.TimeSpan.Zero)",
            TypeRefKind.DateOnly => "global::System.DateOnly.FromDateTime(f.Date.Past(5, new global::System.DateTime(2026, 1, 1)))",
            TypeRefKind.TimeSpan => "global::System.TimeSpan.FromSeconds(f.Random.Int(0, 86400))",
            TypeRefKind.Guid => "f.Random.Guid()",
            TypeRefKind.Uri => "new global::System.Uri(f.Internet.UrlWithPath(\"https\"))",
            TypeRefKind.Bytes => "f.Random.Bytes(f.Random.Int(1, 16))",
            TypeRefKind.Any => "FakerSupport.Any(f)",
            TypeRefKind.Named => Fakers + "." + type.Name + "(f, " + depth + ")",
            TypeRefKind.Array => "FakerSupport.List(f, " + NumberLiterals.Int(c.MinItems) + ", " + NumberLiterals.Int(c.MaxItems) + ", " + depth + ", static (f, depth) => " + Value(type.Element!, type.ElementConstraints ?? Constraints.None, "depth") + ")",
            TypeRefKind.Map => "FakerSupport.Map(f, " + depth + ", static (f, depth) => " + Value(type.Element!, type.ElementConstraints ?? Constraints.None, "depth") + ")",
            _ => "default!",
        };
    }




    private string Support()
    {
        var w = Emitter.Start(_api.Namespace);
        w.Lines(Emitter.Template(SupportText));
        return w.ToString();
    }

    private const string SupportText = """
/// <summary>Value makers for the generated fakers.</summary>
$GeneratedCode$
internal static class FakerSupport
{
    public static string Text(global::Bogus.Faker f, int? minLength, int? maxLength, global::System.Text.RegularExpressions.Regex? pattern, string? format)
    {
        var min = minLength ?? 0;
        var max = maxLength ?? global::System.Math.Max(min, 24);
        if (pattern is not null)
        {
            // Sample the pattern until a sample also fits the length bounds.
            for (var attempt = 0; attempt < 200; attempt++)
            {
                var sample = PatternSampler.Sample(f, pattern.ToString(), min, max);
                if (sample is not null && sample.Length >= min && sample.Length <= max && pattern.IsMatch(sample))
                {
                    return sample;
                }
            }

            throw new global::System.InvalidOperationException("No sample of the pattern " + pattern + " fits " + min + ".." + max + " characters; override this member.");
        }

        var text = format switch
        {
            "email" => f.Internet.Email(),
            "hostname" => f.Internet.DomainName(),
            "ipv4" => f.Internet.Ip(),
            "ipv6" => f.Internet.Ipv6(),
            "uri" or "url" => f.Internet.UrlWithPath("https"),
            "uri-reference" => "/" + f.Lorem.Word(),
            "date-time" => f.Date.RecentOffset(30, new global::System.DateTimeOffset(2026, 1, 1, 0, 0, 0, global::System.TimeSpan.Zero)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", global::System.Globalization.CultureInfo.InvariantCulture),
            "date" => f.Date.Past(5, new global::System.DateTime(2026, 1, 1)).ToString("yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture),
            "uuid" => f.Random.Guid().ToString("D"),
            _ => f.Lorem.Sentence(3).TrimEnd('.'),
        };
        if (text.Length > max)
        {
            text = text.Substring(0, max);
        }

        while (text.Length < min)
        {
            text += f.Random.AlphaNumeric(1);
        }

        return text;
    }

    public static decimal Number(global::Bogus.Faker f, bool integer, decimal? minimum, bool exclusiveMinimum, decimal? maximum, bool exclusiveMaximum, decimal lowest, decimal highest)
    {
        var step = integer ? 1m : 0.01m;
        var low = minimum is null ? global::System.Math.Max(lowest, 0m) : minimum.Value + (exclusiveMinimum ? step : 0m);
        var high = maximum is null ? global::System.Math.Min(highest, low + 1000m) : maximum.Value - (exclusiveMaximum ? step : 0m);
        if (integer)
        {
            low = decimal.Ceiling(low);
            high = decimal.Floor(high);
        }

        if (high < low)
        {
            high = low;
        }

        var value = low + (decimal)f.Random.Double() * (high - low);
        return integer ? decimal.Round(value) : decimal.Round(value, 2);
    }

    public static global::System.Collections.Generic.IReadOnlyList<T> List<T>(global::Bogus.Faker f, int? minItems, int? maxItems, int depth, global::System.Func<global::Bogus.Faker, int, T> item)
    {
        var min = minItems ?? 0;
        var max = depth >= 4 ? min : global::System.Math.Max(min, maxItems ?? global::System.Math.Max(min, 3));
        var count = f.Random.Int(min, global::System.Math.Min(max, min + 5));
        var list = new global::System.Collections.Generic.List<T>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(item(f, depth));
        }

        return list;
    }

    public static global::System.Collections.Generic.IReadOnlyDictionary<string, T> Map<T>(global::Bogus.Faker f, int depth, global::System.Func<global::Bogus.Faker, int, T> item)
    {
        var map = new global::System.Collections.Generic.Dictionary<string, T>();
        var count = depth >= 4 ? 0 : f.Random.Int(0, 3);
        for (var i = 0; i < count; i++)
        {
            map[f.Lorem.Word() + i] = item(f, depth);
        }

        return map;
    }

    public static global::System.Text.Json.JsonElement Any(global::Bogus.Faker f)
    {
        using var document = global::System.Text.Json.JsonDocument.Parse("\"" + f.Lorem.Word() + "\"");
        return document.RootElement.Clone();
    }
}

/// <summary>Makes strings that match a regular expression: literals, escapes, classes, groups, alternation, quantifiers.</summary>
$GeneratedCode$
internal static class PatternSampler
{
    private const string Word = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
    private const string Digits = "0123456789";
    private const string Printable = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/ ";

    /// <summary>A sample, or null when the pattern uses something this sampler does not know.</summary>
    public static string? Sample(global::Bogus.Faker f, string pattern, int minLength, int maxLength)
    {
        try
        {
            var position = 0;
            var builder = new global::System.Text.StringBuilder();
            Alternation(f, pattern, ref position, builder, maxLength);
            return builder.ToString();
        }
        catch (global::System.FormatException)
        {
            return null;
        }
    }

    private static void Alternation(global::Bogus.Faker f, string p, ref int i, global::System.Text.StringBuilder sb, int budget)
    {
        var start = i;
        var branches = new global::System.Collections.Generic.List<(int Start, int End)>();
        var depth = 0;
        var branchStart = i;
        for (; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '\\') { i++; continue; }
            if (c == '[') { while (i < p.Length && p[i] != ']') { if (p[i] == '\\') i++; i++; } continue; }
            if (c == '(') depth++;
            else if (c == ')') { if (depth == 0) break; depth--; }
            else if (c == '|' && depth == 0) { branches.Add((branchStart, i)); branchStart = i + 1; }
        }

        branches.Add((branchStart, i));
        var chosen = branches[f.Random.Int(0, branches.Count - 1)];
        Sequence(f, p.Substring(chosen.Start, chosen.End - chosen.Start), sb, budget);
        _ = start;
    }

    private static void Sequence(global::Bogus.Faker f, string p, global::System.Text.StringBuilder sb, int budget)
    {
        var i = 0;
        while (i < p.Length)
        {
            string? choices = null;
            string? group = null;
            var c = p[i];
            if (c is '^' or '$') { i++; continue; }
            if (c == '(')
            {
                var depth = 1;
                var j = i + 1;
                while (j < p.Length && depth > 0) { if (p[j] == '\\') j++; else if (p[j] == '(') depth++; else if (p[j] == ')') depth--; j++; }
                group = p.Substring(i + 1, j - i - 2);
                if (group.StartsWith("?:", global::System.StringComparison.Ordinal)) group = group.Substring(2);
                i = j;
            }
            else if (c == '[')
            {
                var j = i + 1;
                var negate = j < p.Length && p[j] == '^';
                if (negate) j++;
                var set = new global::System.Text.StringBuilder();
                while (j < p.Length && p[j] != ']')
                {
                    var ch = p[j];
                    if (ch == '\\' && j + 1 < p.Length) { set.Append(Escape(p[j + 1])); j += 2; continue; }
                    if (j + 2 < p.Length && p[j + 1] == '-' && p[j + 2] != ']') { for (var x = ch; x <= p[j + 2]; x++) set.Append(x); j += 3; continue; }
                    set.Append(ch);
                    j++;
                }

                choices = negate ? new string(global::System.Linq.Enumerable.ToArray(global::System.Linq.Enumerable.Where(Printable, x => set.ToString().IndexOf(x) < 0))) : set.ToString();
                i = j + 1;
            }
            else if (c == '\\' && i + 1 < p.Length) { choices = Escape(p[i + 1]); i += 2; }
            else if (c == '.') { choices = Printable.Trim(); i++; }
            else { choices = c.ToString(); i++; }

            var (min, max) = Quantifier(p, ref i);
            var count = f.Random.Int(min, global::System.Math.Min(max, global::System.Math.Max(min, budget)));
            for (var n = 0; n < count; n++)
            {
                if (group is not null)
                {
                    var k = 0;
                    Alternation(f, group, ref k, sb, budget);
                }
                else
                {
                    if (choices!.Length == 0) throw new global::System.FormatException();
                    sb.Append(choices[f.Random.Int(0, choices.Length - 1)]);
                }
            }
        }
    }

    private static (int Min, int Max) Quantifier(string p, ref int i)
    {
        if (i >= p.Length) return (1, 1);
        switch (p[i])
        {
            case '?': i++; Lazy(p, ref i); return (0, 1);
            case '*': i++; Lazy(p, ref i); return (0, 64);
            case '+': i++; Lazy(p, ref i); return (1, 64);
            case '{':
                var end = p.IndexOf('}', i);
                if (end < 0) throw new global::System.FormatException();
                var parts = p.Substring(i + 1, end - i - 1).Split(',');
                i = end + 1;
                Lazy(p, ref i);
                var low = int.Parse(parts[0], global::System.Globalization.CultureInfo.InvariantCulture);
                var high = parts.Length == 1 ? low : parts[1].Length == 0 ? low + 64 : int.Parse(parts[1], global::System.Globalization.CultureInfo.InvariantCulture);
                return (low, high);
            default:
                return (1, 1);
        }
    }

    private static void Lazy(string p, ref int i)
    {
        if (i < p.Length && p[i] == '?') i++;
    }

    private static string Escape(char c) => c switch
    {
        'd' => Digits,
        'w' => Word,
        's' => " ",
        'n' => "\n",
        't' => "\t",
        'D' or 'W' or 'S' or 'b' or 'B' => throw new global::System.FormatException(),
        _ => c.ToString(),
    };
}
""";
}

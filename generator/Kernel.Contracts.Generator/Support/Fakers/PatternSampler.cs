// Emitted as {Api}.Fakers.Support.g.cs (FakerEmitter), after FakerSupport.cs.
namespace Kernel.Contracts.Support;

/// <summary>Makes strings that match a regular expression: literals, escapes, classes, groups, alternation, quantifiers.</summary>
[System.CodeDom.Compiler.GeneratedCode("Kernel.Contracts.Generator", "0.0.0")]
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
            var builder = new System.Text.StringBuilder();
            Alternation(f, pattern, ref position, builder, maxLength);
            return builder.ToString();
        }
        catch (System.FormatException)
        {
            return null;
        }
    }

    private static void Alternation(global::Bogus.Faker f, string p, ref int i, System.Text.StringBuilder sb, int budget)
    {
        var start = i;
        var branches = new System.Collections.Generic.List<(int Start, int End)>();
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

    private static void Sequence(global::Bogus.Faker f, string p, System.Text.StringBuilder sb, int budget)
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
                if (group.StartsWith("?:", System.StringComparison.Ordinal)) group = group.Substring(2);
                i = j;
            }
            else if (c == '[')
            {
                var j = i + 1;
                var negate = j < p.Length && p[j] == '^';
                if (negate) j++;
                var set = new System.Text.StringBuilder();
                while (j < p.Length && p[j] != ']')
                {
                    var ch = p[j];
                    if (ch == '\\' && j + 1 < p.Length) { set.Append(Escape(p[j + 1])); j += 2; continue; }
                    if (j + 2 < p.Length && p[j + 1] == '-' && p[j + 2] != ']') { for (var x = ch; x <= p[j + 2]; x++) set.Append(x); j += 3; continue; }
                    set.Append(ch);
                    j++;
                }

                choices = negate ? new string(System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Where(Printable, x => set.ToString().IndexOf(x) < 0))) : set.ToString();
                i = j + 1;
            }
            else if (c == '\\' && i + 1 < p.Length) { choices = Escape(p[i + 1]); i += 2; }
            else if (c == '.') { choices = Printable.Trim(); i++; }
            else { choices = c.ToString(); i++; }

            var (min, max) = Quantifier(p, ref i);
            var count = f.Random.Int(min, System.Math.Min(max, System.Math.Max(min, budget)));
            for (var n = 0; n < count; n++)
            {
                if (group is not null)
                {
                    var k = 0;
                    Alternation(f, group, ref k, sb, budget);
                }
                else
                {
                    if (choices!.Length == 0) throw new System.FormatException();
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
                if (end < 0) throw new System.FormatException();
                var parts = p.Substring(i + 1, end - i - 1).Split(',');
                i = end + 1;
                Lazy(p, ref i);
                var low = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
                var high = parts.Length == 1 ? low : parts[1].Length == 0 ? low + 64 : int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
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
        'D' or 'W' or 'S' or 'b' or 'B' => throw new System.FormatException(),
        _ => c.ToString(),
    };
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Kernel.Contracts.Conformance.Probing;

/// <summary>
/// Samples strings that match a regular expression, and near misses that do not, for the subset OpenAPI patterns use:
/// literals and escapes, <c>\d \w \s</c> and their negations, character classes (ranges, negation), groups,
/// alternation, the quantifiers <c>? * + {n} {n,m} {n,}</c> and the anchors <c>^ $</c>. Anything else (lookarounds,
/// back-references, word boundaries, inline options, Unicode categories) is refused naming the construct and its
/// position, so the caller can fall back to the document's examples. Samples are printable ASCII where the pattern
/// allows it, so they travel in paths, queries and headers as a user's values would.
/// </summary>
internal sealed class RegexSampler
{
    // An unbounded quantifier repeats at most this many times more than its minimum (more when a length asks for it).
    private const int Spread = 8;
    private const int Attempts = 40;

    private readonly Node _root;
    private readonly Regex _regex;

    private RegexSampler(string pattern, Node root, Regex regex)
    {
        Pattern = pattern;
        _root = root;
        _regex = regex;
    }

    /// <summary>The pattern, as the document writes it.</summary>
    public string Pattern { get; }

    /// <summary>A sampler for <paramref name="pattern"/>, or null with the reason (an unsupported construct, an invalid pattern).</summary>
    public static RegexSampler? TryCreate(string pattern, out string? unsupported)
    {
        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            unsupported = "is not a valid regular expression (" + e.Message + ")";
            return null;
        }

        try
        {
            unsupported = null;
            return new RegexSampler(pattern, new Parser(pattern).ParseAll(), regex);
        }
        catch (FormatException e)
        {
            unsupported = e.Message;
            return null;
        }
    }

    /// <summary>A string the pattern matches, as long as asked; null when none came out in a few attempts.</summary>
    public string? Sample(Random random, int minLength = 0, int maxLength = int.MaxValue)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var text = new StringBuilder();
            if (!Emit(random, text, null, minLength, maxLength)) return null;
            if (text.Length >= minLength && text.Length <= maxLength) return text.ToString();
        }

        return null;
    }

    /// <summary>One attempt: a length is chosen in what the pattern and the caller allow, and the repetitions fill it.</summary>
    private bool Emit(Random random, StringBuilder text, List<CharSet>? origins, int minLength, int maxLength)
    {
        var low = Math.Max(minLength, _root.MinLength);
        var high = Math.Min(maxLength, _root.MaxLength ?? low + Spread);
        if (low > high) return false;
        _root.Emit(random, text, origins, random.Next(low, high + 1), 0);
        return true;
    }

    /// <summary>
    /// A sample with one character swapped for one outside the class that produced it (a hex id with a <c>g</c>), which
    /// the pattern does not match; null when no swap breaks it (an unanchored pattern that matches almost anything).
    /// </summary>
    public string? OutsideClass(Random random, int minLength = 0, int maxLength = int.MaxValue)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var text = new StringBuilder();
            var origins = new List<CharSet>();
            if (!Emit(random, text, origins, minLength, maxLength)) return null;
            if (text.Length == 0 || text.Length < minLength || text.Length > maxLength) continue;
            foreach (var i in Enumerable.Range(0, text.Length).OrderBy(_ => random.Next()).ToList())
            {
                if (origins[i].Outside(random) is not { } swapped) continue;
                var original = text[i];
                text[i] = swapped;
                var candidate = text.ToString();
                // Whether a swap breaks the match depends on the whole pattern (unanchored ones search): ask the engine.
                if (!_regex.IsMatch(candidate)) return candidate;
                text[i] = original;
            }
        }

        return null;
    }

    /// <summary>A set of characters: ranges and nested sets (<c>[\W_]</c>), possibly negated.</summary>
    private sealed class CharSet
    {
        // What samples are drawn from: printable ASCII, else a few Latin-1 symbols no built-in class claims.
        private static readonly char[] Ascii = [.. Enumerable.Range(0x20, 0x5F).Select(c => (char)c)];
        private static readonly char[] Latin1 = [.. "¡¢£¤¥¦§¨©«¬®¯°±´¶·¸»¿"];

        private readonly bool _negated;
        private readonly List<(char Lo, char Hi)> _ranges;
        private readonly List<CharSet> _nested;
        private char[]? _members;
        private char[]? _outside;

        public CharSet(bool negated, List<(char Lo, char Hi)> ranges, List<CharSet> nested)
        {
            _negated = negated;
            _ranges = ranges;
            _nested = nested;
        }

        /// <summary>A set from pairs of characters, each a range (<c>"AZaz"</c>).</summary>
        public static CharSet Of(string ranges, bool negated = false)
        {
            var list = new List<(char, char)>();
            for (var i = 0; i < ranges.Length; i += 2) list.Add((ranges[i], ranges[i + 1]));
            return new CharSet(negated, list, []);
        }

        public static CharSet Single(char c) => new(false, [(c, c)], []);

        public bool Contains(char c) => (_ranges.Any(r => c >= r.Lo && c <= r.Hi) || _nested.Any(n => n.Contains(c))) != _negated;

        public char? Pick(Random random)
        {
            _members ??= FirstNonEmpty(Ascii.Where(Contains), Latin1.Where(Contains));
            if (_members.Length > 0) return _members[random.Next(_members.Length)];
            // Only characters beyond those (a tab, a CJK range): take them from the explicit ranges.
            List<(char Lo, char Hi)> beyond = _negated ? [] : [.. _ranges, .. _nested.Where(n => !n._negated).SelectMany(n => n._ranges)];
            var total = beyond.Sum(r => r.Hi - r.Lo + 1);
            if (total == 0) return null;
            var index = random.Next(total);
            foreach (var (lo, hi) in beyond)
            {
                if (index <= hi - lo) return (char)(lo + index);
                index -= hi - lo + 1;
            }

            return null;
        }

        /// <summary>A character the set does not hold, a letter or digit when there is one (the likelier typo).</summary>
        public char? Outside(Random random)
        {
            if (_outside is null)
            {
                var outside = Ascii.Where(c => !Contains(c)).ToList();
                _outside = FirstNonEmpty(outside.Where(char.IsAsciiLetterOrDigit), outside, Latin1.Where(c => !Contains(c)));
            }

            return _outside.Length > 0 ? _outside[random.Next(_outside.Length)] : null;
        }

        private static char[] FirstNonEmpty(params IEnumerable<char>[] choices) =>
            choices.Select(c => c.ToArray()).FirstOrDefault(c => c.Length > 0) ?? [];
    }

    /// <summary>
    /// A part of the pattern. <see cref="Emit"/> appends a string it matches, aiming at <c>target</c> characters in
    /// all while leaving <c>reserve</c> for the parts after it, so unbounded repetitions stop at a chosen length.
    /// </summary>
    private abstract class Node
    {
        /// <summary>The fewest characters the part matches.</summary>
        public abstract int MinLength { get; }

        /// <summary>The most characters the part matches; null for unbounded.</summary>
        public abstract int? MaxLength { get; }

        public abstract void Emit(Random random, StringBuilder text, List<CharSet>? origins, int target, int reserve);
    }

    private sealed class CharNode(CharSet set) : Node
    {
        public override int MinLength => 1;

        public override int? MaxLength => 1;

        public override void Emit(Random random, StringBuilder text, List<CharSet>? origins, int target, int reserve)
        {
            // A set with nothing to pick (an empty class) leaves the sample short, and it is tried again.
            if (set.Pick(random) is not { } c) return;
            text.Append(c);
            origins?.Add(set);
        }
    }

    private sealed class Sequence(List<Node> items) : Node
    {
        public override int MinLength => items.Sum(i => i.MinLength);

        public override int? MaxLength => items.Any(i => i.MaxLength is null) ? null : Bounded(items.Sum(i => (long)i.MaxLength!.Value));

        public override void Emit(Random random, StringBuilder text, List<CharSet>? origins, int target, int reserve)
        {
            for (var i = 0; i < items.Count; i++)
            {
                items[i].Emit(random, text, origins, target, reserve + items.Skip(i + 1).Sum(n => n.MinLength));
            }
        }
    }

    private sealed class Alternation(List<Node> branches) : Node
    {
        public override int MinLength => branches.Min(b => b.MinLength);

        public override int? MaxLength => branches.Any(b => b.MaxLength is null) ? null : branches.Max(b => b.MaxLength);

        public override void Emit(Random random, StringBuilder text, List<CharSet>? origins, int target, int reserve) =>
            branches[random.Next(branches.Count)].Emit(random, text, origins, target, reserve);
    }

    private sealed class Repeat(Node item, int min, int? max) : Node
    {
        public override int MinLength => Bounded((long)min * item.MinLength);

        public override int? MaxLength => max is null || item.MaxLength is null ? null : Bounded((long)max.Value * item.MaxLength.Value);

        public override void Emit(Random random, StringBuilder text, List<CharSet>? origins, int target, int reserve)
        {
            var count = 0;
            for (; count < min; count++) item.Emit(random, text, origins, target, reserve);
            // More while the chosen length has room (an empty item repeats once at most: it cannot fill anything).
            while ((max is null || count < max) && text.Length + Math.Max(item.MinLength, 1) + reserve <= target)
            {
                item.Emit(random, text, origins, target, reserve);
                count++;
            }
        }
    }

    private sealed class Anchor : Node
    {
        public override int MinLength => 0;

        public override int? MaxLength => 0;

        public override void Emit(Random random, StringBuilder text, List<CharSet>? origins, int target, int reserve)
        {
        }
    }

    private static int Bounded(long length) => (int)Math.Min(length, 1_000_000);

    /// <summary>Recursive descent over the pattern; an unsupported construct is a <see cref="FormatException"/> saying what and where.</summary>
    private sealed class Parser(string pattern)
    {
        private static readonly CharSet Digit = CharSet.Of("09");
        private static readonly CharSet Word = CharSet.Of("AZaz09__");
        private static readonly CharSet Space = CharSet.Of("  \t\r"); // ' ' and \t \n \v \f \r
        private int _at;

        public Node ParseAll()
        {
            var node = ParseAlternation();
            if (_at < pattern.Length) throw Unsupported("an unbalanced ')'", _at);
            return node;
        }

        private Node ParseAlternation()
        {
            var branches = new List<Node> { ParseSequence() };
            while (Peek() == '|')
            {
                _at++;
                branches.Add(ParseSequence());
            }

            return branches.Count == 1 ? branches[0] : new Alternation(branches);
        }

        private Node ParseSequence()
        {
            var items = new List<Node>();
            while (_at < pattern.Length && Peek() is not ('|' or ')'))
            {
                items.Add(ParseQuantified(ParseAtom()));
            }

            return new Sequence(items);
        }

        private Node ParseQuantified(Node atom)
        {
            while (true)
            {
                var start = _at;
                int min;
                int? max;
                switch (Peek())
                {
                    case '?': (min, max) = (0, 1); _at++; break;
                    case '*': (min, max) = (0, null); _at++; break;
                    case '+': (min, max) = (1, null); _at++; break;
                    case '{' when Braces() is { } braces: (min, max) = braces; break;
                    default: return atom;
                }

                if (atom is Anchor) throw Unsupported("a quantifier on an anchor", start);
                if (Peek() == '?') _at++; // lazy: the same strings match
                else if (Peek() == '+') throw Unsupported("a possessive quantifier", _at);
                atom = new Repeat(atom, min, max);
            }
        }

        /// <summary><c>{n}</c>, <c>{n,}</c>, <c>{n,m}</c>; null (and nothing read) when the brace is a literal.</summary>
        private (int, int?)? Braces()
        {
            var match = Regex.Match(pattern[_at..], @"^\{(\d+)(,(\d*))?\}");
            if (!match.Success) return null;
            _at += match.Length;
            var min = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            int? max = !match.Groups[2].Success ? min : match.Groups[3].Value.Length == 0 ? null : int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
            return (min, max);
        }

        private Node ParseAtom()
        {
            var start = _at;
            var c = pattern[_at++];
            switch (c)
            {
                case '(':
                    if (Peek() == '?')
                    {
                        var rest = pattern[_at..];
                        if (rest.StartsWith("?:", StringComparison.Ordinal)) _at += 2;
                        else if (Regex.Match(rest, @"^\?P?<[A-Za-z_][A-Za-z0-9_]*>") is { Success: true } named) _at += named.Length;
                        else if (rest.StartsWith("?=", StringComparison.Ordinal) || rest.StartsWith("?!", StringComparison.Ordinal)) throw Unsupported("a lookahead '(" + rest[..2] + "'", start);
                        else if (rest.StartsWith("?<=", StringComparison.Ordinal) || rest.StartsWith("?<!", StringComparison.Ordinal)) throw Unsupported("a lookbehind '(" + rest[..3] + "'", start);
                        else throw Unsupported("an inline option or special group '(" + rest[..Math.Min(2, rest.Length)] + "'", start);
                    }

                    var inner = ParseAlternation();
                    if (Peek() != ')') throw Unsupported("an unclosed '('", start);
                    _at++;
                    return inner;
                case '[':
                    return new CharNode(ParseClass(start));
                case '.':
                    return new CharNode(CharSet.Of("\n\n", negated: true));
                case '^':
                case '$':
                    return new Anchor();
                case '\\':
                    return ParseEscape(start, inClass: false) switch
                    {
                        CharSet set => new CharNode(set),
                        char literal => new CharNode(CharSet.Single(literal)),
                        _ => throw Unsupported("an escape", start),
                    };
                case '*' or '+' or '?':
                    throw Unsupported("a quantifier with nothing to repeat", start);
                default:
                    return new CharNode(CharSet.Single(c));
            }
        }

        private CharSet ParseClass(int start)
        {
            var negated = Peek() == '^';
            if (negated) _at++;
            var ranges = new List<(char, char)>();
            var nested = new List<CharSet>();
            var first = true;
            while (true)
            {
                if (_at >= pattern.Length) throw Unsupported("an unclosed '['", start);
                var c = pattern[_at];
                if (c == ']' && !first) break;
                first = false;
                if (c == '[' && _at + 1 < pattern.Length && pattern[_at + 1] == ':') throw Unsupported("a POSIX class '[:'", _at);
                if (c == '-' && _at + 1 < pattern.Length && pattern[_at + 1] == '[') throw Unsupported("a class subtraction '-['", _at);
                var low = ClassItem();
                if (low is CharSet set)
                {
                    nested.Add(set);
                    continue;
                }

                var lo = (char)low;
                if (Peek() == '-' && _at + 1 < pattern.Length && pattern[_at + 1] != ']')
                {
                    if (pattern[_at + 1] == '[') throw Unsupported("a class subtraction '-['", _at);
                    _at++;
                    var rangeStart = _at;
                    if (ClassItem() is not char hi || hi < lo) throw Unsupported("a range that is not from one character to a later one", rangeStart);
                    ranges.Add((lo, hi));
                }
                else
                {
                    ranges.Add((lo, lo));
                }
            }

            _at++;
            return new CharSet(negated, ranges, nested);
        }

        /// <summary>One character of a class or a built-in set (<c>\d</c>).</summary>
        private object ClassItem()
        {
            var start = _at;
            var c = pattern[_at++];
            return c == '\\' ? ParseEscape(start, inClass: true) : c;
        }

        /// <summary>After a backslash: a built-in set (<see cref="CharSet"/>) or a literal character.</summary>
        private object ParseEscape(int start, bool inClass)
        {
            if (_at >= pattern.Length) throw Unsupported("a trailing backslash", start);
            var c = pattern[_at++];
            switch (c)
            {
                case 'd': return Digit;
                case 'D': return new CharSet(true, [], [Digit]);
                case 'w': return Word;
                case 'W': return new CharSet(true, [], [Word]);
                case 's': return Space;
                case 'S': return new CharSet(true, [], [Space]);
                case 't': return '\t';
                case 'n': return '\n';
                case 'r': return '\r';
                case 'f': return '\f';
                case 'v': return '\v';
                case 'b' when inClass: return '\b';
                case 'b' or 'B': throw Unsupported("a word boundary '\\" + c + "'", start);
                case 'A' or 'Z' or 'z' or 'G': throw Unsupported("the anchor '\\" + c + "'", start);
                case 'p' or 'P': throw Unsupported("a Unicode category '\\" + c + "'", start);
                case 'x' or 'u':
                    var digits = c == 'x' ? 2 : 4;
                    if (_at + digits <= pattern.Length && int.TryParse(pattern.AsSpan(_at, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                    {
                        _at += digits;
                        return (char)code;
                    }

                    throw Unsupported("a malformed '\\" + c + "' escape", start);
                case '0': return '\0';
                case >= '1' and <= '9' or 'k': throw Unsupported("a back-reference '\\" + c + "'", start);
                default:
                    // An escaped punctuation character is itself (\. \- \/ \$); an unknown letter escape is not ours to guess.
                    if (char.IsAsciiLetterOrDigit(c)) throw Unsupported("the escape '\\" + c + "'", start);
                    return c;
            }
        }

        private char? Peek() => _at < pattern.Length ? pattern[_at] : null;

        private FormatException Unsupported(string what, int at) =>
            new("uses " + what + " at position " + at.ToString(CultureInfo.InvariantCulture) + ", which the probe's pattern sampler does not support");
    }
}

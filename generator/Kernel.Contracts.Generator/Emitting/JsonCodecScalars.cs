using System.Collections.Generic;
using System.Linq;
using Kernel.Contracts.Generator.Model;

namespace Kernel.Contracts.Generator.Emitting;

/// <summary>
/// <c>JsonCodec</c> holds four members per scalar kind (<c>Read{Kind}</c>, <c>Read{Kind}OrNull</c>, <c>Write{Kind}</c> and a
/// <c>WriteMember</c> overload); an API gets those of the kinds its document uses, so a consumer's build compiles no
/// helper nothing calls, and binds each <c>WriteMember</c> call against fewer overloads.
/// </summary>
internal static class JsonCodecScalars
{
    private static readonly TypeNames Names = new(string.Empty);

    private static readonly TypeRefKind[] Scalars =
    {
        TypeRefKind.String, TypeRefKind.Boolean, TypeRefKind.Int32, TypeRefKind.Int64, TypeRefKind.Double, TypeRefKind.Single, TypeRefKind.Decimal,
        TypeRefKind.DateTimeOffset, TypeRefKind.DateOnly, TypeRefKind.TimeSpan, TypeRefKind.Guid, TypeRefKind.Uri, TypeRefKind.Bytes, TypeRefKind.Any,
    };

    /// <summary>
    /// The kinds an API's generated code reads or writes through <c>JsonCodec</c>: every scalar in its types and operations, and
    /// always a string (enums, problems) and any JSON (unknown members, a JSON body without a schema).
    /// </summary>
    public static KindSet Used(ApiModel api)
    {
        var used = new KindSet();
        used.Add(TypeRefKind.String);
        used.Add(TypeRefKind.Any);
        void Add(TypeRef? type)
        {
            for (var t = type; t is not null; t = t.Element)
            {
                used.Add(t.Kind);
            }
        }

        foreach (var type in api.Types)
        {
            Add(type.AdditionalProperties);
            foreach (var p in type.Properties) Add(p.Type);
            foreach (var c in type.UnionCases) Add(c.Type);
        }

        foreach (var op in api.Operations)
        {
            foreach (var p in op.Parameters) Add(p.Type);
            Add(op.Body?.Type);
            foreach (var r in op.Responses) Add(r.Type);
            if (op.Body?.Format == BodyFormat.Binary || op.Responses.Any(r => r.Format == BodyFormat.Binary))
            {
                used.Add(TypeRefKind.Bytes);
            }
        }

        return used;
    }

    private const string Path = "Json/JsonCodec.cs";

    // The support file cut once per generator load into the members of its class; each API's copy leaves some out.
    private static readonly System.Lazy<Pieces> Codec = new(() => Pieces.Of(SupportFiles.Types(Path, SupportFiles.Namespace), "internal static class JsonCodec"));

    /// <summary>The support file's types in <paramref name="namespace"/>, without the members of the kinds not in <paramref name="used"/>.</summary>
    public static string Types(KindSet used, string @namespace) =>
        SupportFiles.InNamespace(Codec.Value.Join(member => KindOf(member) is not { } kind || used.Contains(kind)), @namespace);

    /// <summary>The scalar kind a member of JsonCodec serves, by its name (<c>ReadGuid</c>, <c>ReadGuidOrNull</c>, <c>WriteGuid</c>) or, for <c>WriteMember</c>, its value's type; null for the rest.</summary>
    private static TypeRefKind? KindOf(Member member)
    {
        if (member.Name == "WriteMember")
        {
            var value = member.Parameters.Count > 2 ? member.Parameters[2].Substring(0, member.Parameters[2].LastIndexOf(' ')) : null;
            foreach (var kind in Scalars)
            {
                if (Names.Nullable(new TypeRef(kind)) == value)
                {
                    return kind;
                }
            }

            return null;
        }

        foreach (var kind in Scalars)
        {
            if (member.Name == "Read" + kind || member.Name == "Read" + kind + "OrNull" || member.Name == "Write" + kind)
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>
    /// A set of kinds, as bits: a <c>HashSet&lt;TypeRefKind&gt;</c> would be one more generic collection over a value type
    /// that the ReadyToRun tool compiles at start (spec/DECISIONS.md, "kernel-contracts generate as a whole process").
    /// </summary>
    internal sealed class KindSet
    {
        private ulong _bits;

        public static KindSet Every()
        {
            var every = new KindSet();
            foreach (TypeRefKind kind in System.Enum.GetValues(typeof(TypeRefKind)))
            {
                every.Add(kind);
            }

            return every;
        }

        public void Add(TypeRefKind kind) => _bits |= Bit(kind);

        public bool Contains(TypeRefKind kind) => (_bits & Bit(kind)) != 0;

        private static ulong Bit(TypeRefKind kind) =>
            (int)kind is >= 0 and < 64 ? 1UL << (int)kind : throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "a kind set holds 64 kinds");
    }

    /// <summary>A member of a support class: its name and its parameters as written (<c>string? value</c>); a piece that declares nothing (a comment) has neither.</summary>
    internal sealed record Member(string Text, string? Name, IReadOnlyList<string> Parameters);

    /// <summary>
    /// A support file as the text before one class's members, the members, and the text after them. Plain text, not a C#
    /// parser (loading and running Roslyn's parser was a third of a small document's whole <c>generate</c>): the file is
    /// ours and formatted, so a member is the lines from one at the class's own indentation after a blank line up to the
    /// next blank line followed by such a line. SupportFilesTests holds the file to that shape.
    /// </summary>
    internal sealed class Pieces
    {
        private const string Indent = "    ";

        private Pieces(string head, IReadOnlyList<Member> members, string tail)
        {
            Head = head;
            Members = members;
            Tail = tail;
        }

        public string Head { get; }

        public IReadOnlyList<Member> Members { get; }

        public string Tail { get; }

        /// <summary>The members of the class declared by the line <paramref name="declaration"/>, whose braces stand alone on their lines.</summary>
        public static Pieces Of(string text, string declaration)
        {
            var at = text.IndexOf("\n" + declaration + "\n{\n", System.StringComparison.Ordinal);
            var close = at < 0 ? -1 : text.IndexOf("\n}\n", at, System.StringComparison.Ordinal);
            if (close < 0)
            {
                throw new System.InvalidOperationException("The support file has no '" + declaration + "' whose braces stand alone at the start of a line.");
            }

            var bodyStart = at + declaration.Length + 4;
            var lines = text.Substring(bodyStart, close + 1 - bodyStart).Split('\n');
            var members = new List<Member>();
            var current = new List<string>();
            for (var i = 0; i < lines.Length; i++)
            {
                var startsMember = lines[i].Length == 0 && (i + 1 == lines.Length || IsMemberLine(lines[i + 1]));
                if (!startsMember)
                {
                    current.Add(lines[i]);
                    continue;
                }

                members.Add(Read(string.Join("\n", current)));
                current.Clear();
            }

            return new Pieces(text.Substring(0, bodyStart), members, text.Substring(close + 1));
        }

        /// <summary>The file again with the members <paramref name="keep"/> says yes to, a blank line between two.</summary>
        public string Join(System.Func<Member, bool> keep) =>
            Head + string.Join("\n\n", Members.Where(keep).Select(m => m.Text)) + "\n" + Tail;

        private static bool IsMemberLine(string line) => line.StartsWith(Indent, System.StringComparison.Ordinal) && line.Length > Indent.Length && line[Indent.Length] != ' ';

        // The declaration is the first line that is neither a comment nor an attribute: "public static T Name<T>(Type a, Type b) => …".
        private static Member Read(string text)
        {
            var declaration = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith("//", System.StringComparison.Ordinal) && l[0] != '[');
            var open = declaration?.IndexOf('(') ?? -1;
            if (declaration is null || open < 0)
            {
                return new Member(text, null, System.Array.Empty<string>());
            }

            // The word before the parenthesis, without its type parameters ("ReadList<T>"); the return type may have some too.
            var head = declaration.Substring(0, open);
            if (head.EndsWith(">", System.StringComparison.Ordinal))
            {
                head = head.Substring(0, head.LastIndexOf('<'));
            }

            var words = head.Split(' ');
            return new Member(text, words[words.Length - 1], Parameters(declaration, open + 1));
        }

        // The parameters between the declaration's parentheses, split at the commas outside angle brackets.
        private static IReadOnlyList<string> Parameters(string declaration, int from)
        {
            var parameters = new List<string>();
            var depth = 0;
            var start = from;
            for (var i = from; i < declaration.Length; i++)
            {
                var c = declaration[i];
                if (c is '<' or '(')
                {
                    depth++;
                }
                else if ((c is '>' or ')') && depth > 0)
                {
                    depth--;
                }
                else if (depth == 0 && c is ',' or ')')
                {
                    parameters.Add(declaration.Substring(start, i - start).Trim());
                    start = i + 1;
                    if (c == ')')
                    {
                        break;
                    }
                }
            }

            return parameters.Where(p => p.Length > 0).ToList();
        }
    }
}

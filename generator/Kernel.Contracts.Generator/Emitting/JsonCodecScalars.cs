using System.Collections.Generic;
using System.Linq;
using Kernel.Contracts.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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
    public static HashSet<TypeRefKind> Used(ApiModel api)
    {
        var used = new HashSet<TypeRefKind> { TypeRefKind.String, TypeRefKind.Any };
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

    // The support file parsed once per generator load, in its own namespace; each API's copy is cut from it.
    private static readonly System.Lazy<SyntaxNode> Codec = new(() =>
        CSharpSyntaxTree.ParseText(SupportFiles.Types(Path, SupportFiles.Namespace), new CSharpParseOptions(LanguageVersion.Latest)).GetRoot());

    private const string Path = "Json/JsonCodec.cs";

    /// <summary>The support file's types in <paramref name="namespace"/>, without the members of the kinds not in <paramref name="used"/>.</summary>
    public static string Types(ISet<TypeRefKind> used, string @namespace)
    {
        var root = Codec.Value;
        var unused = root.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(m => KindOf(m) is { } kind && !used.Contains(kind)).ToList();
        var text = unused.Count == 0 ? root.ToFullString() : root.RemoveNodes(unused, SyntaxRemoveOptions.KeepNoTrivia)!.ToFullString();
        return SupportFiles.InNamespace(text, @namespace);
    }

    /// <summary>The scalar kind a member of JsonCodec serves, by its name (<c>ReadGuid</c>, <c>ReadGuidOrNull</c>, <c>WriteGuid</c>) or, for <c>WriteMember</c>, its value's type; null for the rest.</summary>
    private static TypeRefKind? KindOf(MethodDeclarationSyntax method)
    {
        var name = method.Identifier.ValueText;
        if (name == "WriteMember")
        {
            var value = method.ParameterList.Parameters.Count > 2 ? method.ParameterList.Parameters[2].Type?.ToString() : null;
            return Scalars.Cast<TypeRefKind?>().FirstOrDefault(k => Names.Nullable(new TypeRef(k!.Value)) == value);
        }

        return Scalars.Cast<TypeRefKind?>().FirstOrDefault(k => name == "Read" + k || name == "Read" + k + "OrNull" || name == "Write" + k);
    }
}

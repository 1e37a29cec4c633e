using System;
using System.IO;
using System.Linq;
using Kernel.Contracts.Generator.Emitting;
using Xunit;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>Emitting/SupportFiles: the support files under Support/ reach the generated code in the API's namespace.</summary>
public class SupportFilesTests
{
    private static readonly string SupportFolder = Path.Combine(GeneratorHarness.RepoRoot, "generator", "Kernel.Contracts.Generator", "Support");

    [Fact]
    public void Every_support_file_is_embedded_and_reads_in_any_namespace()
    {
        var files = Directory.GetFiles(SupportFolder, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(SupportFolder, f).Replace('\\', '/'))
            .ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = SupportFiles.Types(file, "My.Api");
            Assert.DoesNotContain(SupportFiles.Namespace, text, StringComparison.Ordinal);
            Assert.DoesNotContain("namespace ", text, StringComparison.Ordinal);
            Assert.DoesNotContain(SupportFiles.UnstampedGeneratedCode, text, StringComparison.Ordinal);
        }

        Assert.Contains("global::My.Api.JsonCodec.Expect(", SupportFiles.Types("Json/ApiProblem.cs", "My.Api"), StringComparison.Ordinal);
        Assert.Equal("No support file Json/Missing.cs is embedded in the generator.", Assert.Throws<InvalidOperationException>(() => SupportFiles.Types("Json/Missing.cs", "My.Api")).Message);
    }

    [Fact]
    public void Members_are_the_class_body_one_level_less_indented()
    {
        var members = SupportFiles.Members("Client/PathSegment.cs", "My.Api");

        Assert.StartsWith("/// <summary>An escaped path segment", members, StringComparison.Ordinal);
        Assert.EndsWith(": System.Uri.EscapeDataString(value);", members, StringComparison.Ordinal);
        Assert.DoesNotContain("ClientMembers", members, StringComparison.Ordinal);
        Assert.Contains("\nprivate static string PathSegment(", "\n" + members, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kernel-platform.openapi.yaml", "Kernel.Platform.Client")]
    [InlineData("kernel-sessions.openapi.yaml", "Kernel.Sessions.Client")]
    public void No_placeholder_of_the_support_files_reaches_the_generated_code(string spec, string ns)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.FromFile(GeneratorHarness.SpecPath(spec), ns, "Models;Client;Server"));

        Assert.All(result.Run.GeneratedSources, source =>
        {
            var text = source.SourceText.ToString();
            Assert.DoesNotContain(SupportFiles.Namespace, text, StringComparison.Ordinal);
            Assert.DoesNotContain(SupportFiles.UnstampedGeneratedCode, text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void JsonCodec_carries_the_scalar_kinds_the_document_uses_and_no_others()
    {
        const string Spec = """
            openapi: 3.1.0
            info: { title: Kinds, version: '1' }
            paths:
              /things/{id}:
                get:
                  operationId: getThing
                  parameters: [ { name: id, in: path, required: true, schema: { type: string, format: uuid } } ]
                  responses:
                    '200': { description: A thing, content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    when: { type: string, format: date-time }
                    sizes: { type: array, items: { type: number, format: float } }
            """;
        var result = GeneratorHarness.Run(new GeneratorHarness.Spec("kinds.openapi.yaml", Spec));
        Assert.Empty(result.CompileErrorsAndWarnings());
        var codec = result.Source("Kinds.Support.JsonCodec.g.cs");

        // Used: a date-time member, float items (inside a list), a uuid parameter; always a string and any JSON.
        foreach (var kept in new[] { "ReadDateTimeOffsetOrNull(", "WriteMember(System.Text.Json.Utf8JsonWriter writer, System.ReadOnlySpan<byte> name, System.DateTimeOffset? value", "ReadSingle(", "WriteSingle(", "ReadGuid(", "ReadString(", "ReadAny(", "WriteAny(", "ReadList<T>(", "Deserialize<T>(" })
        {
            Assert.Contains(kept, codec, StringComparison.Ordinal);
        }

        foreach (var dropped in new[] { "ReadDecimal", "WriteDecimal", "ReadDateOnly", "ReadTimeSpan", "ReadBytes", "ReadInt32", "ReadBoolean", "byte[]? value", "bool? value" })
        {
            Assert.DoesNotContain(dropped, codec, StringComparison.Ordinal);
        }

        // With every kind, the file is the support file whole.
        var every = JsonCodecScalars.KindSet.Every();
        Assert.Equal(SupportFiles.Types("Json/JsonCodec.cs", "Kinds"), JsonCodecScalars.Types(every, "Kinds"));
    }

    [Fact]
    public void JsonCodec_cut_as_text_has_the_members_a_CSharp_parser_finds()
    {
        var text = SupportFiles.Types("Json/JsonCodec.cs", SupportFiles.Namespace);
        var pieces = JsonCodecScalars.Pieces.Of(text, "internal static class JsonCodec");

        var codec = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(text).GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>().Single(c => c.Identifier.ValueText == "JsonCodec");
        // Methods and delegates, in the file's order; fields and comments declare no name.
        var names = new System.Collections.Generic.List<string>();
        var parameters = new System.Collections.Generic.List<string>();
        foreach (var member in codec.Members)
        {
            var (name, list) = member switch
            {
                Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax method => (method.Identifier.ValueText, method.ParameterList),
                Microsoft.CodeAnalysis.CSharp.Syntax.DelegateDeclarationSyntax @delegate => (@delegate.Identifier.ValueText, @delegate.ParameterList),
                _ => (string.Empty, null),
            };
            if (list is not null)
            {
                names.Add(name);
                parameters.Add(string.Join("|", list.Parameters.Select(p => p.ToString())));
            }
        }

        var found = pieces.Members.Where(m => m.Name is not null).ToList();
        Assert.Equal(names, found.Select(m => m.Name!).ToList());
        Assert.Equal(parameters, found.Select(m => string.Join("|", m.Parameters)).ToList());

        // Every member whole: the pieces put back together are the file.
        Assert.Equal(text, pieces.Join(_ => true));
        Assert.All(pieces.Members, m => Assert.DoesNotContain("\n\n    public", m.Text, StringComparison.Ordinal));
    }
}

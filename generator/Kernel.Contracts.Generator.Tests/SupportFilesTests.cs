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
        Assert.EndsWith(": global::System.Uri.EscapeDataString(value);", members, StringComparison.Ordinal);
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
}

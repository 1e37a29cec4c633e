using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>
/// The generated code's nullable context: annotated for its users either way; analysed by the compiler only with
/// <c>KernelContractsNullableWarnings</c> (this repository's builds and tests), not in every consumer's build.
/// </summary>
public class NullableContextTests
{
    private static GeneratorHarness.Spec Platform() =>
        GeneratorHarness.FromFile(GeneratorHarness.SpecPath("kernel-platform.openapi.yaml"), "Test.Api", "Models;Client;Server;Fakers");

    [Fact]
    public void As_shipped_every_file_is_annotated_without_the_analysis()
    {
        var result = GeneratorHarness.RunAsShipped(Platform());

        Assert.NotEmpty(result.Run.GeneratedSources);
        foreach (var source in result.Run.GeneratedSources)
        {
            var lines = source.SourceText.ToString().Split('\n');
            Assert.True(lines[1] == "#nullable enable annotations" && lines[2] == "#nullable disable warnings", source.HintName + " starts: " + lines[1] + " / " + lines[2]);
        }

        Assert.Empty(result.CompileErrorsAndWarnings());
        AssertAnnotated(result.Output);
    }

    [Fact]
    public void With_nullable_warnings_every_file_is_analysed()
    {
        var result = GeneratorHarness.Run(Platform());

        Assert.NotEmpty(result.Run.GeneratedSources);
        foreach (var source in result.Run.GeneratedSources)
        {
            var text = source.SourceText.ToString();
            Assert.Equal("#nullable enable", text.Split('\n')[1]);
            Assert.DoesNotContain("#nullable disable", text, StringComparison.Ordinal);
        }

        Assert.Empty(result.CompileErrorsAndWarnings());
        AssertAnnotated(result.Output);
    }

    [Fact]
    public void Only_true_turns_the_analysis_on()
    {
        var spec = Platform();
        foreach (var (value, expected) in new[] { ("true", "#nullable enable"), (" True ", "#nullable enable"), ("false", "#nullable enable annotations"), ("yes", "#nullable enable annotations") })
        {
            var driver = GeneratorHarness.CreateDriver(value, spec);
            var result = GeneratorHarness.Run(driver, GeneratorHarness.CreateCompilation("public static class Placeholder { }"));
            Assert.All(result.Run.GeneratedSources, s => Assert.Equal(expected, s.SourceText.ToString().Split('\n')[1]));
        }
    }

    // What a consumer's code sees is the same either way: a nullable member is annotated, a required one is not.
    private static void AssertAnnotated(Compilation compilation)
    {
        var dataset = compilation.GetTypeByMetadataName("Test.Api.Dataset") ?? throw new InvalidOperationException("no Dataset type");
        var properties = dataset.GetMembers().OfType<IPropertySymbol>().Where(p => p.Type.IsReferenceType).ToList();
        Assert.Contains(properties, p => p.NullableAnnotation == NullableAnnotation.Annotated);
        Assert.Contains(properties, p => p.NullableAnnotation == NullableAnnotation.NotAnnotated);
        Assert.DoesNotContain(properties, p => p.NullableAnnotation == NullableAnnotation.None);
    }
}

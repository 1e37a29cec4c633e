using System;
using System.Linq;
using Xunit;
using Kernel.Contracts.Generator.Parsing;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>YAML and JSON, OpenAPI 3.0 and 3.1: the same API gives the same code.</summary>
public class FormatTests
{
    [Fact]
    public void The_same_document_as_JSON_generates_the_same_code_as_YAML()
    {
        var yamlSpec = GeneratorHarness.FromFile(GeneratorHarness.SpecPath("kernel-sessions.openapi.yaml"), "Same.Api", "Models;Client", "Same");
        var json = YamlToJson.Parse(yamlSpec.Text)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        var jsonSpec = yamlSpec with { Path = "/specs/kernel-sessions.openapi.json", Text = json };

        var fromYaml = GeneratorHarness.Run(yamlSpec).Run.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var fromJson = GeneratorHarness.Run(jsonSpec);

        Assert.Empty(fromJson.GeneratorDiagnostics);
        Assert.Equal(fromYaml.Keys.OrderBy(k => k), fromJson.Run.GeneratedSources.Select(s => s.HintName).OrderBy(k => k));
        foreach (var source in fromJson.Run.GeneratedSources)
        {
            Assert.Equal(fromYaml[source.HintName], source.SourceText.ToString());
        }
    }

    [Fact]
    public void OpenAPI_3_0_nullable_means_the_same_as_a_3_1_null_type()
    {
        const string v30 = """
            openapi: 3.0.3
            info: { title: Legacy, version: '1' }
            paths: {}
            components:
              schemas:
                Note:
                  type: object
                  required: [text]
                  properties:
                    text: { type: string, nullable: true }
                    count: { type: integer, format: int32, nullable: true }
            """;
        var v31 = v30.Replace("openapi: 3.0.3", "openapi: 3.1.0", StringComparison.Ordinal)
            .Replace("{ type: string, nullable: true }", "{ type: [string, 'null'] }", StringComparison.Ordinal)
            .Replace("{ type: integer, format: int32, nullable: true }", "{ type: [integer, 'null'], format: int32 }", StringComparison.Ordinal);

        var a = GeneratorHarness.Run(new GeneratorHarness.Spec("/specs/a.yaml", v30)).Source("Legacy.Models.Note.g.cs");
        var b = GeneratorHarness.Run(new GeneratorHarness.Spec("/specs/a.yaml", v31)).Source("Legacy.Models.Note.g.cs");

        Assert.Equal(a, b);
        Assert.Contains("public required string? Text { get; init; }", a, StringComparison.Ordinal);
        Assert.Contains("public int? Count { get; init; }", a, StringComparison.Ordinal);
    }
}

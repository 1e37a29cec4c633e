using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>
/// Keywords the document's OpenAPI version does not define are warnings at their own place, never errors, and
/// the generator does the sensible thing with them: a <c>$recursiveRef</c> is a reference.
/// </summary>
public sealed class ForeignKeywordTests
{
    private const string Document = """
        openapi: 3.0.3
        info:
          title: Foreign
          version: '1'
        paths:
          /things:
            get:
              operationId: getThing
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Thing'
        components:
          schemas:
            Thing:
              type: object
              $recursiveAnchor: true
              properties:
                name:
                  type: string
                  optional: true
                tags:
                  type: array
                  max_items: 3
                  items:
                    type: string
                children:
                  type: array
                  items:
                    $recursiveRef: '#'
        """;

    [Fact]
    public void Unknown_and_out_of_version_keywords_are_warnings_at_their_line_and_the_rest_generates()
    {
        var result = GeneratorHarness.Run(new GeneratorHarness.Spec("/specs/foreign.yaml", Document, "Foreign.Api"));

        // The harness compiles with warnings as errors, so severities are read as declared.
        Assert.False(result.GeneratorDiagnostics.Any(d => d.DefaultSeverity == DiagnosticSeverity.Error), string.Join("\n", result.GeneratorDiagnostics));
        var warnings = result.GeneratorDiagnostics.Where(d => d.Id == "KCG012").ToDictionary(d => d.GetMessage().Split('\'')[1]);
        Assert.Equal(["$recursiveAnchor", "$recursiveRef", "max_items", "optional"], warnings.Keys.Order(StringComparer.Ordinal));
        Assert.All(warnings.Values, d => Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity));
        Assert.Equal((20, 7), At(warnings["$recursiveAnchor"]));
        Assert.Equal((24, 11), At(warnings["optional"]));
        Assert.Equal((27, 11), At(warnings["max_items"]));
        Assert.Equal((33, 13), At(warnings["$recursiveRef"]));
        Assert.Contains("read as a $ref to '#/components/schemas/Thing'", warnings["$recursiveRef"].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("is not an OpenAPI 3.0.3 keyword here; it is ignored", warnings["max_items"].GetMessage(), StringComparison.Ordinal);

        // The recursive reference became a reference to Thing itself.
        Assert.Contains("System.Collections.Generic.IReadOnlyList<Thing>? Children", result.Source("Foreign.Models.Thing.g.cs"), StringComparison.Ordinal);
        Assert.Empty(result.CompileErrorsAndWarnings());
    }

    [Fact]
    public void The_items_NoWarn_silences_warnings_of_that_document_only_and_never_errors()
    {
        var broken = Document.Replace("openapi: 3.0.3", "openapi: 3.0.3\nservers: 42", StringComparison.Ordinal);
        var result = GeneratorHarness.Run(
            new GeneratorHarness.Spec("/specs/foreign.yaml", broken, "Foreign.Api", NoWarn: "KCG012;KCG002"),
            new GeneratorHarness.Spec("/specs/other.yaml", Document.Replace("title: Foreign", "title: Other", StringComparison.Ordinal), "Other.Api"));

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "KCG012" && d.Location.GetLineSpan().Path == "/specs/foreign.yaml");
        Assert.Equal(4, result.GeneratorDiagnostics.Count(d => d.Id == "KCG012" && d.Location.GetLineSpan().Path == "/specs/other.yaml"));
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "KCG002" && d.DefaultSeverity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void In_a_json_document_the_warnings_and_errors_stand_at_their_json_line_and_column()
    {
        const string json = """
            {
              "openapi": "3.0.3",
              "info": { "title": "Foreign", "version": "1" },
              "paths": {
                "/things": {
                  "get": {
                    "operationId": "getThing",
                    "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Nothing" } } } } }
                  }
                }
              },
              "components": {
                "schemas": {
                  "Thing": {
                    "type": "object",
                    "properties": {
                      "tags": { "type": "array", "max_items": 3, "items": { "type": "string" } }
                    }
                  }
                }
              }
            }
            """;

        var result = GeneratorHarness.Run(new GeneratorHarness.Spec("/specs/foreign.json", json, "Foreign.Api"));

        var keyword = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "KCG012");
        Assert.Equal((17, 38), AtIn(keyword, "/specs/foreign.json"));
        var reference = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "KCG003");
        Assert.Equal((8, 101), AtIn(reference, "/specs/foreign.json"));
    }

    private static (int Line, int Column) AtIn(Diagnostic diagnostic, string path)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        return (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    private static (int Line, int Column) At(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/specs/foreign.yaml", span.Path);
        return (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }
}

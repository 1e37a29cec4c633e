using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Kernel.Contracts.Generator.Tests.Mutation;

/// <summary>
/// One test per failure the mutation test found: each document made Microsoft.OpenApi's reader or the emitted
/// code fail; now each problem is a KCG diagnostic at its place, and the rest of the document still generates.
/// </summary>
public class FoundByMutationTests
{
    private const string Document = """
        openapi: 3.1.0
        info:
          title: Probe
          version: '1'
        paths:
          /things:
            post:
              operationId: addThing
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Thing'
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
              properties:
                name:
                  type: string
            Other:
              type: object
              properties:
                size:
                  type: integer
        """;

    private static GeneratorHarness.Result Generate(string text, string path = "/specs/probe.yaml")
    {
        var result = GeneratorHarness.Run(new GeneratorHarness.Spec(path, text, "Probe.Api"));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CS8785" or "AD0001" or "KCG008");
        Assert.Null(result.Run.Exception);
        return result;
    }

    private static Diagnostic Single(GeneratorHarness.Result result, string id, int line, int column)
    {
        var d = Assert.Single(result.GeneratorDiagnostics, x => x.Id == id);
        var start = d.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((line, column), (start.Line + 1, start.Character + 1));
        return d;
    }

    private static string Replace(string from, string to)
    {
        Assert.Contains(from, Document, StringComparison.Ordinal);
        return Document.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void References_that_lead_back_to_themselves_are_KCG003_and_the_rest_generates()
    {
        var text = Replace("    Other:\n      type: object\n      properties:\n        size:\n          type: integer", "    Other:\n      $ref: '#/components/schemas/Again'\n    Again:\n      $ref: '#/components/schemas/Other'");

        var result = Generate(text);

        var d = Single(result, "KCG003", 30, 7);
        Assert.Equal("The reference '#/components/schemas/Again' cannot be resolved: it leads back to itself through references alone, so it describes nothing", d.GetMessage());
        Assert.Contains(result.Run.GeneratedSources, s => s.HintName == "Probe.Models.Thing.g.cs");
        Assert.Empty(result.CompileErrorsAndWarnings());
    }

    [Theory]
    [InlineData("'#'", "The reference '#' cannot be resolved: it ends without a name; a reference names a part of a document, such as '#/components/schemas/Name'")]
    [InlineData("'#/components/schemas/'", "The reference '#/components/schemas/' cannot be resolved: it ends without a name; a reference names a part of a document, such as '#/components/schemas/Name'")]
    [InlineData("42", "The reference '42' cannot be resolved: a reference is a string, such as '#/components/schemas/Name'")]
    public void A_reference_without_a_name_is_KCG003_at_the_ref(string reference, string message)
    {
        var text = Replace("              $ref: '#/components/schemas/Thing'\n      responses:", "              $ref: " + reference + "\n      responses:");

        var d = Single(Generate(text), "KCG003", 14, 15);

        Assert.Equal(message, d.GetMessage());
    }

    [Fact]
    public void A_reference_to_a_value_is_KCG003_at_the_ref()
    {
        var text = Replace("              $ref: '#/components/schemas/Thing'\n      responses:", "              $ref: '#/info/title'\n      responses:");

        var d = Single(Generate(text), "KCG003", 14, 15);

        Assert.Equal("The reference '#/info/title' cannot be resolved: it points at a value (\"Probe\"), and a reference points at an object", d.GetMessage());
    }

    [Fact]
    public void A_component_that_only_refers_outside_components_is_KCG003_and_the_rest_generates()
    {
        var text = Replace("    Other:\n      type: object\n      properties:\n        size:\n          type: integer", "    Other:\n      $ref: '#/paths/~1things'");

        var result = Generate(text);

        var d = Single(result, "KCG003", 30, 7);
        Assert.Equal("The reference '#/paths/~1things' cannot be resolved: a component that is only a reference must name another component, such as '#/components/schemas/Name'", d.GetMessage());
        Assert.Empty(result.CompileErrorsAndWarnings());
    }

    [Fact]
    public void Thousands_of_problems_are_each_placed_without_reading_the_text_again_for_each()
    {
        // Each problem used to re-read the whole text to find its place: 5,000 of them took minutes.
        var schemes = string.Concat(Enumerable.Range(0, 5_000).Select(i => "    s" + i + ":\n      type: string\n"));
        var text = Document + "\n  securitySchemes:\n" + schemes;

        var (result, elapsed, _) = HostileDocuments.Measure(() => Generate(text));

        var lines = result.GeneratorDiagnostics.Where(d => d.Id == "KCG002").Select(d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();
        Assert.Equal(5_000, lines.Distinct().Count());
        Assert.True(elapsed < TimeSpan.FromSeconds(20), "took " + elapsed);
    }

    [Fact]
    public void A_swagger_reference_that_is_not_a_string_is_KCG003()
    {
        const string swagger = "swagger: '2.0'\ninfo: {title: Probe, version: '1'}\npaths: {}\ndefinitions:\n  Thing:\n    type: object\n    properties:\n      other:\n        $ref: -1\n";

        var d = Single(Generate(swagger), "KCG003", 9, 9);

        Assert.Equal("The reference '-1' cannot be resolved: a reference is a string, such as '#/components/schemas/Name'", d.GetMessage());
    }

    [Fact]
    public void A_swagger_bound_that_is_no_number_is_KCG002_not_a_crash()
    {
        // Found with seed 54580037: Microsoft.OpenApi wrote "minimum": True back when converting to 3.0, which is not JSON (KCG008).
        const string swagger = "swagger: '2.0'\ninfo: {title: Probe, version: '1'}\npaths: {}\ndefinitions:\n  Thing:\n    type: object\n    properties:\n      size:\n        type: integer\n        minimum: true\n";

        var result = Generate(swagger);

        var d = Single(result, "KCG002", 10, 9);
        Assert.Equal("The OpenAPI document is not valid: 'minimum' must be a number, not true", d.GetMessage());
        Assert.Contains(result.Run.GeneratedSources, s => s.HintName == "Probe.Models.Thing.g.cs");
    }

    [Theory]
    [InlineData("minLength: 1e400", "'minLength' must be a whole number from 0 to 2147483647, not \"1e400\"")]
    [InlineData("maxItems: -1", "'maxItems' must be a whole number from 0 to 2147483647, not -1")]
    [InlineData("uniqueItems: sometimes", "'uniqueItems' must be true or false, not \"sometimes\"")]
    [InlineData("multipleOf: half", "'multipleOf' must be a number, not \"half\"")]
    [InlineData("readOnly: 1", "'readOnly' must be true or false, not 1")]
    [InlineData("minimum: true", "'minimum' must be a number, not true")]
    [InlineData("exclusiveMaximum: many", "'exclusiveMaximum' must be a number, not \"many\"")]
    public void A_member_the_reader_cannot_convert_is_KCG002_at_the_member(string member, string message)
    {
        var text = Replace("        name:\n          type: string\n", "        name:\n          type: string\n          " + member + "\n");

        var result = Generate(text);

        var d = Single(result, "KCG002", 29, 11);
        Assert.Equal("The OpenAPI document is not valid: " + message, d.GetMessage());
        Assert.Contains(result.Run.GeneratedSources, s => s.HintName == "Probe.Models.Thing.g.cs");
    }

    [Fact]
    public void A_map_entry_that_is_not_an_object_is_KCG002_at_the_entry()
    {
        var text = Replace("        name:\n          type: string\n", "        name:\n          type: string\n        broken: ~\n");

        var d = Single(Generate(text), "KCG002", 29, 9);

        Assert.Equal("The OpenAPI document is not valid: each entry of 'properties' must be an object, and 'broken' is null", d.GetMessage());
    }

    [Fact]
    public void A_property_named_like_a_keyword_is_left_alone()
    {
        // "content" and "required" are keywords elsewhere; as property names they hold schemas.
        var text = Replace("        name:\n          type: string\n", "        name:\n          type: string\n        content:\n          type: string\n        required:\n          type: boolean\n");

        var result = Generate(text);

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(result.CompileErrorsAndWarnings());
    }

    [Fact]
    public void A_discriminator_mapping_to_no_schema_is_KCG002()
    {
        var text = Replace("    Thing:\n      type: object\n", "    Thing:\n      type: object\n      discriminator:\n        propertyName: name\n        mapping:\n          a: ''\n");

        var d = Single(Generate(text), "KCG002", 29, 11);

        Assert.Equal("The OpenAPI document is not valid: each value of 'mapping' must name a schema, such as '#/components/schemas/Name', and 'a' has \"\"", d.GetMessage());
    }

    [Theory]
    [InlineData("      security:\n        - ' ': []\n", "a security requirement names security schemes, and ' ' is blank")]
    [InlineData("      security:\n        - key: {a: []}\n", "the scopes of 'key' in a security requirement must be a list, not {\"a\":[]}")]
    public void A_security_requirement_with_a_blank_name_or_scopes_not_a_list_is_KCG002(string security, string message)
    {
        // Found with seed 46327572: "$.security[0]" copied under the name " " made Microsoft.OpenApi throw (KCG008).
        var text = Replace("      operationId: addThing\n", "      operationId: addThing\n" + security);

        var result = Generate(text);

        // At the scheme's name, on the line after "security:".
        var d = Single(result, "KCG002", 10, 11);
        Assert.Equal("The OpenAPI document is not valid: " + message, d.GetMessage());
        Assert.Contains(result.Run.GeneratedSources, s => s.HintName == "Probe.Client.g.cs");
    }

    [Fact]
    public void A_response_for_no_status_is_KCG002_at_its_key_and_the_rest_compiles()
    {
        // Found with seed 49796972: a response "999" gave the server's result a factory whose status check is "false",
        // unreachable code (CS0162) that broke the build with no generator error.
        var text = Replace("      responses:\n        '200':", "      responses:\n        '999':\n          description: none\n        '200':");

        var result = GeneratorHarness.Run(new GeneratorHarness.Spec("/specs/probe.yaml", text, "Probe.Api", "Models;Client;Server"));

        var d = Assert.Single(result.GeneratorDiagnostics, x => x.Id == "KCG002");
        Assert.Equal((16, 9), (d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Location.GetLineSpan().StartLinePosition.Character + 1));
        Assert.Equal("The OpenAPI document is not valid: a response is for 'default', a status from 100 to 599 or a class such as '4XX', and '999' is none of these", d.GetMessage());
        Assert.DoesNotContain("999", result.Source("Probe.Server.Results.AddThingResult.g.cs"), StringComparison.Ordinal);
        Assert.Empty(result.CompileErrorsAndWarnings());
    }

    [Fact]
    public void An_unknown_openapi_version_is_KCG002_at_the_version()
    {
        var d = Single(Generate(Replace("openapi: 3.1.0", "openapi: '0'")), "KCG002", 1, 1);

        Assert.Contains("'0'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{type: integer}")]
    [InlineData("{type: string, enum: [a, b]}")]
    public void A_required_body_of_a_value_type_compiles(string schema)
    {
        var text = Replace("              $ref: '#/components/schemas/Thing'\n      responses:", "              " + schema + "\n      responses:").Replace("            schema:\n              {", "            schema: {", StringComparison.Ordinal);

        var result = Generate(text);

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(result.CompileErrorsAndWarnings());
    }
}

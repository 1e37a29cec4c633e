using System.Linq;
using Kernel.Contracts.Generator.Model;
using Kernel.Contracts.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>One broken document per diagnostic ID: the ID, the message, and the line and column in the document.</summary>
public class DiagnosticTests
{
    private const string Valid = """
        openapi: 3.1.0
        info:
          title: Probe
          version: '1'
        paths:
          /things:
            get:
              operationId: listThings
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
        """;

    private static Diagnostic Single(string id, params GeneratorHarness.Spec[] specs)
    {
        var result = GeneratorHarness.Run(specs);
        var matching = result.GeneratorDiagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, "expected one " + id + ", got: " + string.Join("\n", result.GeneratorDiagnostics));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CS8785" or "AD0001");
        return matching[0];
    }

    private static GeneratorHarness.Spec Spec(string text, string path = "/specs/probe.yaml", string? generate = "Models;Client") =>
        new(path, text, "Probe.Api", generate);

    private static void AssertAt(Diagnostic diagnostic, string path, int line, int column)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }

    [Fact]
    public void KCG001_yaml_syntax_error_at_its_line_and_column()
    {
        var broken = Valid.Replace("  title: Probe", "  title: [Probe", System.StringComparison.Ordinal);

        var d = Single("KCG001", Spec(broken));

        Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity);
        Assert.StartsWith("The OpenAPI document cannot be read: ", d.GetMessage(), System.StringComparison.Ordinal);
        AssertAt(d, "/specs/probe.yaml", 3, 10);
    }

    [Fact]
    public void KCG001_json_syntax_error_at_its_line_and_column()
    {
        const string json = "{\n  \"openapi\": \"3.1.0\",\n  \"info\": { \"title\": \"x\" \"version\": \"1\" }\n}";

        var d = Single("KCG001", Spec(json, "/specs/probe.json"));

        Assert.Contains("'\"' is invalid after a value", d.GetMessage(), System.StringComparison.Ordinal);
        AssertAt(d, "/specs/probe.json", 3, 26);
    }

    [Fact]
    public void KCG001_json_member_repeated_at_the_repeat()
    {
        const string json = "{\n  \"openapi\": \"3.1.0\",\n  \"info\": { \"title\": \"x\", \"version\": \"1\", \"title\": \"y\" },\n  \"paths\": {}\n}";

        var d = Single("KCG001", Spec(json, "/specs/probe.json"));

        Assert.Equal("The OpenAPI document cannot be read: Duplicate key 'title'.", d.GetMessage());
        AssertAt(d, "/specs/probe.json", 3, 43);
    }

    [Fact]
    public void KCG002_invalid_openapi_at_the_offending_member()
    {
        var broken = Valid.Replace("openapi: 3.1.0\n", "openapi: 3.1.0\nservers: 42\n", System.StringComparison.Ordinal);

        var result = GeneratorHarness.Run(Spec(broken));
        var d = Assert.Single(result.GeneratorDiagnostics, x => x.Id == "KCG002");

        Assert.StartsWith("The OpenAPI document is not valid: ", d.GetMessage(), System.StringComparison.Ordinal);
        AssertAt(d, "/specs/probe.yaml", 2, 1);
    }

    [Fact]
    public void KCG002_a_property_named_like_an_extension_must_still_be_a_schema()
    {
        // A property's name is a name: "x-" makes no extension there (a mutant found this throwing inside Microsoft.OpenApi).
        var broken = Valid.Replace("        name:\n", "        x-added: '1'\n        name:\n", System.StringComparison.Ordinal);

        var result = GeneratorHarness.Run(Spec(broken));
        var d = Assert.Single(result.GeneratorDiagnostics, x => x.Id == "KCG002");

        Assert.Equal("The OpenAPI document is not valid: each entry of 'properties' must be an object, and 'x-added' is \"1\"", d.GetMessage());
        AssertAt(d, "/specs/probe.yaml", 21, 9);
        Assert.DoesNotContain(result.GeneratorDiagnostics, x => x.Id == "KCG008");
        Assert.Contains(result.Run.GeneratedSources, s => s.HintName == "Probe.Models.Thing.g.cs");
    }

    [Fact]
    public void KCG003_unresolved_local_ref_at_the_ref()
    {
        var broken = Valid.Replace("#/components/schemas/Thing", "#/components/schemas/Thingy", System.StringComparison.Ordinal);

        var d = Single("KCG003", Spec(broken));

        Assert.Equal("The reference '#/components/schemas/Thingy' cannot be resolved: nothing is at '#/components/schemas/Thingy' in probe.yaml", d.GetMessage());
        AssertAt(d, "/specs/probe.yaml", 15, 17);
    }

    [Fact]
    public void KCG003_ref_to_a_file_that_is_not_an_OpenApiSpec_item()
    {
        var broken = Valid.Replace("#/components/schemas/Thing", "common.yaml#/components/schemas/Thing", System.StringComparison.Ordinal);

        var d = Single("KCG003", Spec(broken));

        Assert.Contains("the file 'common.yaml' is not an OpenApiSpec item of this project", d.GetMessage(), System.StringComparison.Ordinal);
        AssertAt(d, "/specs/probe.yaml", 15, 17);
    }

    [Fact]
    public void KCG004_unsupported_construct_still_generates_the_rest()
    {
        var broken = Valid.Replace("          type: string", "          type: string\n          not:\n            enum: [x]", System.StringComparison.Ordinal);

        var result = GeneratorHarness.Run(Spec(broken));
        var d = Assert.Single(result.GeneratorDiagnostics, x => x.Id == "KCG004");

        Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity);
        Assert.Equal("The 'not' keyword is not supported by the generator; values are not checked against it", d.GetMessage());
        AssertAt(d, "/specs/probe.yaml", 23, 11);
        Assert.Contains(result.Run.GeneratedSources, s => s.HintName == "Probe.Models.Thing.g.cs");
    }

    [Fact]
    public void KCG005_name_without_letters_or_digits()
    {
        var broken = Valid.Replace("        name:\n", "        '$$':\n", System.StringComparison.Ordinal);

        var d = Single("KCG005", Spec(broken));

        Assert.Equal("The name '$$' cannot become a C# identifier; the property is named 'Property' instead", d.GetMessage());
        AssertAt(d, "/specs/probe.yaml", 21, 9);
    }

    [Fact]
    public void KCG006_duplicate_operation_id_at_the_second_one()
    {
        var broken = Valid.Replace("components:", "  /others:\n    get:\n      operationId: listThings\n      responses:\n        '204':\n          description: none\ncomponents:", System.StringComparison.Ordinal);

        var d = Single("KCG006", Spec(broken));

        Assert.Equal("The operationId 'listThings' is used more than once (also at GET /things); each operation needs its own", d.GetMessage());
        AssertAt(d, "/specs/probe.yaml", 18, 7);
    }

    [Fact]
    public void KCG007_bad_generate_metadata()
    {
        var d = Single("KCG007", Spec(Valid, generate: "Models;Clients"));

        Assert.Equal("The OpenApiSpec item 'probe.yaml' has invalid metadata: Generate='Models,Clients': 'Clients' is not one of Models, Client, Server, Fakers, Validators", d.GetMessage());
        AssertAt(d, "/specs/probe.yaml", 1, 1);
    }

    [Fact]
    public void KCG008_a_failure_inside_the_generator_is_reported_not_thrown()
    {
        // A null text makes the reader fail: the failure must come back as a diagnostic.
        var result = SpecParser.Parse(new SpecRequest(new SpecInput("/specs/probe.yaml", null!, "Probe.Api", null, null, null), EquatableArray<SpecInput>.Empty));

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("KCG008", d.Id);
        Assert.Null(result.Model);
        Assert.Equal("probe.yaml", d.MessageArgs[0]);
    }

    [Fact]
    public void KCG009_operation_without_operation_id_is_named_after_its_path()
    {
        var broken = Valid.Replace("      operationId: listThings\n", string.Empty, System.StringComparison.Ordinal);

        var result = GeneratorHarness.Run(Spec(broken));
        var d = Assert.Single(result.GeneratorDiagnostics, x => x.Id == "KCG009");

        Assert.Equal(DiagnosticSeverity.Info, d.DefaultSeverity);
        Assert.Equal("The operation GET /things has no operationId; the method is named 'GetThings' after its path (add an operationId to choose the name)", d.GetMessage());
        AssertAt(d, "/specs/probe.yaml", 7, 5);
        Assert.Contains("GetThingsAsync(", result.Source("Probe.Client.g.cs"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void KCG010_server_stubs_without_aspnetcore()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.CreateDriver(Spec(Valid, generate: "Models;Server")), GeneratorHarness.CreateCompilation(withAspNetCore: false, "public static class Placeholder { }"));

        var d = Assert.Single(result.GeneratorDiagnostics, x => x.Id == "KCG010");
        Assert.StartsWith("Generate includes Server for 'Probe', but the project does not reference ASP.NET Core", d.GetMessage(), System.StringComparison.Ordinal);
        Assert.DoesNotContain(result.Run.GeneratedSources, s => s.HintName.Contains(".Server.", System.StringComparison.Ordinal));
    }

    [Fact]
    public void One_broken_schema_does_not_stop_the_rest()
    {
        var broken = Valid.Replace("components:", "  /broken:\n    get:\n      operationId: broken\n      responses:\n        '200':\n          description: x\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/Missing'\ncomponents:", System.StringComparison.Ordinal);

        var result = GeneratorHarness.Run(Spec(broken));

        Assert.Single(result.GeneratorDiagnostics, x => x.Id == "KCG003");
        var client = result.Source("Probe.Client.g.cs");
        Assert.Contains("ListThingsAsync(", client, System.StringComparison.Ordinal);
        Assert.Contains("BrokenAsync(", client, System.StringComparison.Ordinal);
        Assert.Empty(result.CompileErrorsAndWarnings());
    }
}

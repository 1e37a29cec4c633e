using System.Linq;
using Kernel.Contracts.Generator.Model;
using Kernel.Contracts.Generator.Parsing;
using Xunit;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>
/// What the model builder reads of a document: through references (any local pointer, resolved once), with each
/// version's rules (3.0's <c>nullable</c> and boolean <c>exclusiveMinimum</c>, 3.1's type lists and boolean schemas).
/// </summary>
public class ModelReadingTests
{
    private const string Document = """
        openapi: 3.1.0
        info: { title: Reading, version: "1" }
        paths:
          /things:
            get:
              operationId: listThings
              parameters:
                - $ref: "#/components/parameters/Limit"
                  description: the operation's own words
              responses:
                "200": { description: ok }
            post:
              operationId: addThing
              parameters:
                - $ref: "#/components/parameters/Limit"
                - $ref: "#/components/parameters/Missing"
              responses:
                "200": { description: ok }
        components:
          parameters:
            Limit:
              name: limit
              in: query
              required: true
              description: the shared words
              schema: { $ref: "#/components/schemas/Small" }
          schemas:
            Small: { type: integer, format: int32, minimum: 1, maximum: 50 }
        """;

    [Fact]
    public void A_referenced_parameter_keeps_its_target_and_a_description_of_its_own()
    {
        var result = SpecParser.Parse(new SpecRequest(new SpecInput("reading.yaml", Document, "Reading", "Models;Client", null, null), EquatableArray<SpecInput>.Empty));

        var operations = result.Model!.Operations.ToDictionary(o => o.OperationId);
        var own = Assert.Single(operations["listThings"].Parameters);
        var shared = Assert.Single(operations["addThing"].Parameters);
        foreach (var parameter in new[] { own, shared })
        {
            Assert.Equal(("limit", ParameterLocationKind.Query, true, TypeRefKind.Int32), (parameter.WireName, parameter.In, parameter.Required, parameter.Type.Kind));
            Assert.Equal(("1", "50"), (parameter.Constraints.Minimum, parameter.Constraints.Maximum));
        }

        Assert.Equal("the operation's own words", own.Description);
        Assert.Equal("the shared words", shared.Description);
        Assert.Contains(result.Diagnostics, d => d.Id == "KCG003" && d.MessageArgs.Contains("#/components/parameters/Missing"));
    }

    private static ParseResult Parse(string text) =>
        SpecParser.Parse(new SpecRequest(new SpecInput("reading.yaml", text, "Reading", "Models;Client", null, null), EquatableArray<SpecInput>.Empty));

    private static string Paths(string operations) => "paths:\n  /things:\n    get:\n      operationId: getThing\n" + operations;

    [Fact]
    public void A_schema_referenced_outside_the_schemas_is_one_type_named_after_its_place()
    {
        // PagerDuty's REST document points at response schemas this way; they used to be read as any JSON (Microsoft.OpenApi
        // resolved only #/components/schemas/Name in 3.0), then each use would have made a type of its own.
        const string Text = """
            openapi: 3.0.3
            info: { title: Reading, version: "1" }
            paths:
              /things:
                get:
                  operationId: getThing
                  responses:
                    "409": { $ref: "#/components/responses/Conflict" }
                    "400":
                      description: bad
                      content:
                        application/json:
                          schema: { $ref: "#/components/responses/Conflict/content/application~1json/schema" }
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              last: { $ref: "#/components/responses/Conflict/content/application~1json/schema" }
            components:
              responses:
                Conflict:
                  description: conflict
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          code: { type: integer }
            """;

        var result = Parse(Text);

        Assert.Empty(result.Diagnostics);
        var responses = Assert.Single(result.Model!.Operations).Responses.ToDictionary(r => r.StatusCode);
        Assert.Equal("GetThingError409", responses["409"].Type!.Name);
        Assert.Equal("Conflict", responses["400"].Type!.Name);
        var thing = result.Model.Types.Single(t => t.Name == responses["200"].Type!.Name);
        Assert.Equal("Conflict", thing.Properties.Single().Type.Name);
        Assert.Single(result.Model.Types, t => t.Name == "Conflict");
    }

    [Fact]
    public void A_parameter_referenced_by_a_pointer_into_another_operation_is_read()
    {
        // PagerDuty's Teams document shares its header parameters so ('%7B' is '{' in the pointer).
        var text = "openapi: 3.0.3\ninfo: { title: Reading, version: '1' }\n"
            + "paths:\n  /a/{id}:\n    post:\n      operationId: postA\n      parameters:\n        - { name: Accept, in: header, required: true, schema: { type: string } }\n        - { name: id, in: path, required: true, schema: { type: string } }\n      responses: { '204': { description: none } }\n"
            + "  /b/{id}:\n    get:\n      operationId: getB\n      parameters:\n        - $ref: '#/paths/~1a~1%7Bid%7D/post/parameters/0'\n        - $ref: '#/paths/~1a~1%7Bid%7D/post/parameters/1'\n      responses: { '204': { description: none } }\n";

        var result = Parse(text);

        Assert.Empty(result.Diagnostics);
        var getB = result.Model!.Operations.Single(o => o.OperationId == "getB");
        Assert.Equal(new[] { ("id", ParameterLocationKind.Path), ("Accept", ParameterLocationKind.Header) }, getB.Parameters.Select(p => (p.WireName, p.In)));
    }

    [Theory]
    [InlineData("3.0.3", "type: string\n          enum: [stop, length, null]\n          nullable: true")]
    [InlineData("3.1.0", "type: [string, 'null']\n          enum: [stop, length, null]")]
    public void A_null_in_an_enum_allows_null_and_is_no_member(string version, string schema)
    {
        // Microsoft.OpenApi read the null as a string of its own making, which became a member named after it.
        var text = "openapi: " + version + "\ninfo: { title: Reading, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    Thing:\n      type: object\n      properties:\n        reason:\n          " + schema + "\n";

        var result = Parse(text);

        Assert.Empty(result.Diagnostics);
        var reason = result.Model!.Types.Single(t => t.Name == "Thing").Properties.Single();
        Assert.True(reason.Nullable);
        Assert.Equal(new[] { "stop", "length" }, result.Model.Types.Single(t => t.Name == reason.Type.Name).EnumMembers.Select(m => m.Value));
    }

    [Theory]
    [InlineData("3.0.3", "minimum: 1\n          exclusiveMinimum: true\n          maximum: 9", null, "1", "9", true)]
    [InlineData("3.1.0", "exclusiveMinimum: 1\n          maximum: 9", null, "1", "9", true)]
    [InlineData("3.0.3", "minimum: 1\n          maximum: 9", "1", null, "9", false)]
    public void Bounds_read_in_either_version_s_spelling(string version, string bounds, string? minimum, string? exclusive, string maximum, bool isExclusive)
    {
        var text = "openapi: " + version + "\ninfo: { title: Reading, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    Thing:\n      type: object\n      properties:\n        size:\n          type: integer\n          " + bounds + "\n";

        var result = Parse(text);

        Assert.Empty(result.Diagnostics);
        var c = result.Model!.Types.Single(t => t.Name == "Thing").Properties.Single().Constraints;
        Assert.Equal((minimum ?? exclusive, maximum, isExclusive), (c.Minimum, c.Maximum, c.ExclusiveMinimum));
    }

    [Theory]
    [InlineData("3.0.3", "additionalProperties: false", true)]
    [InlineData("3.1.0", "additionalProperties: false", true)]
    [InlineData("3.0.3", "additionalProperties: true", false)]
    [InlineData("3.1.0", "unevaluatedProperties: false", false)]
    public void AdditionalProperties_true_or_false_is_read_in_every_version(string version, string member, bool closed)
    {
        var text = "openapi: " + version + "\ninfo: { title: Reading, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    Thing:\n      type: object\n      " + member + "\n      properties:\n        name: { type: string }\n";

        var result = Parse(text);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(closed, result.Model!.Types.Single(t => t.Name == "Thing").Closed);
    }

    [Fact]
    public void OpenApi_3_0_reads_a_oneOf_of_bare_types_as_those_types_and_3_1_as_a_union()
    {
        const string Schema = "\ninfo: { title: Reading, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    Thing:\n      type: object\n      properties:\n        id:\n          oneOf: [{ type: string }, { type: integer }]\n";

        var v30 = Parse("openapi: 3.0.3" + Schema);
        var v31 = Parse("openapi: 3.1.0" + Schema);

        Assert.Equal(TypeRefKind.Any, v30.Model!.Types.Single(t => t.Name == "Thing").Properties.Single().Type.Kind);
        var union = v31.Model!.Types.Single(t => t.Name == v31.Model.Types.Single(x => x.Name == "Thing").Properties.Single().Type.Name);
        Assert.Equal(new[] { TypeRefKind.String, TypeRefKind.Int64 }, union.UnionCases.Select(c => c.Type.Kind));
    }

    [Theory]
    [InlineData("3.0.3", "servers: 42", "'servers' must be a list, not 42", "KCG002")]
    [InlineData("3.0.3", "tags: {a: b}", "'tags' must be a list, not {\"a\":\"b\"}", "KCG002")]
    [InlineData("3.1.0", "x-fine: 1\nwebhook: {}", "'webhook' is not an OpenAPI 3.1.0 keyword here; it is ignored", "KCG012")]
    [InlineData("3.0.3", "webhooks: {}", "'webhooks' is not an OpenAPI 3.0.3 keyword here; it is ignored", "KCG012")]
    public void A_member_of_the_wrong_kind_is_an_error_and_an_unknown_one_a_warning_at_its_line(string version, string member, string message, string id)
    {
        var text = "openapi: " + version + "\ninfo: { title: Reading, version: '1' }\n" + member + "\npaths: {}\n";

        var result = Parse(text);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((id, message), (d.Id, d.MessageArgs.Last()));
        Assert.Equal(2 + member.Split('\n').Length - 1, d.Location.Line);
    }

    [Theory]
    [InlineData("in: body", "'in' must be one of query, header, path, cookie, not \"body\"")]
    [InlineData("schema: [string]", "'schema' must be an object, not [\"string\"]")]
    [InlineData("schema: {type: text}", "'type' must be one of null, boolean, integer, int, number, double, float, decimal, string, file, array, object, not \"text\"")]
    public void A_parameter_member_of_the_wrong_kind_is_KCG002_and_the_operation_still_generates(string member, string message)
    {
        var text = "openapi: 3.0.3\ninfo: { title: Reading, version: '1' }\n" + Paths("      parameters:\n        - name: q\n          in: query\n          " + member.Replace("in: body", "x-in: body") + "\n      responses: { '204': { description: none } }\n");
        text = text.Replace("          in: query\n          x-in: body", "          in: body", System.StringComparison.Ordinal);

        var result = Parse(text);

        var d = Assert.Single(result.Diagnostics, d => d.Id == "KCG002");
        Assert.Equal(message, d.MessageArgs.Last());
        Assert.Single(result.Model!.Operations);
    }

    [Fact]
    public void A_3_0_document_without_paths_and_one_of_an_unknown_version_are_KCG002()
    {
        var missing = Parse("openapi: 3.0.3\ninfo: { title: Reading, version: '1' }\n");
        var unknown = Parse("openapi: 4.0.0\ninfo: { title: Reading, version: '1' }\npaths: {}\n");
        var none = Parse("info: { title: Reading, version: '1' }\npaths: {}\n");

        Assert.Equal("an OpenAPI 3.0.3 document must have 'paths'", Assert.Single(missing.Diagnostics).MessageArgs.Last());
        Assert.Equal("the version '4.0.0' is not one the generator reads: OpenAPI 3.0, 3.1 or 3.2, or Swagger 2.0", Assert.Single(unknown.Diagnostics).MessageArgs.Last());
        Assert.Null(unknown.Model);
        Assert.StartsWith("the document says no version", Assert.Single(none.Diagnostics).MessageArgs.Last(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_OpenAPI_3_2_document_generates_and_says_which_of_its_operations_it_leaves_out()
    {
        const string Text = """
            openapi: 3.2.0
            $self: https://example.com/reading.yaml
            info: { title: Reading, version: "1" }
            paths:
              /things:
                get:
                  operationId: listThings
                  responses: { "200": { description: ok, summary: All of them } }
                query:
                  operationId: findThings
                  responses: { "200": { description: ok } }
            """;

        var result = Parse(Text);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("KCG004", "'query' (OpenAPI 3.2)"), (d.Id, d.MessageArgs[0]));
        Assert.Equal(8, d.Location.Line);
        Assert.Equal("listThings", Assert.Single(result.Model!.Operations).OperationId);
    }

    [Theory]
    [InlineData("#/components/schemas/Name", "Name")]
    [InlineData("#/components/schemas/A~1B", "A/B")]
    [InlineData("#/components/schemas/A~0B~01", "A~B~1")]
    [InlineData("#/components/schemas/A%20B", "A B")]
    [InlineData("#/components/schemas/A%2FB", null)]
    [InlineData("#/components/schemas/", null)]
    [InlineData("#/components/schemas/A/b", null)]
    [InlineData("#/components/responses/A", null)]
    [InlineData("#/definitions/A", null)]
    [InlineData("Name", "Name")]
    public void A_schema_reference_names_its_component_by_the_pointers_rules(string reference, string? expected) =>
        Assert.Equal(expected, Schema.ComponentId(reference));
}

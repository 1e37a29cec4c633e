using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Kernel.Contracts.OpenApi;
using Xunit;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>The rules of the shared OpenAPI layer, each on the cases that tell it from a near miss.</summary>
public class OpenApiLayerTests
{
    private const string Document = """
        openapi: 3.1.0
        info: { title: Layer, version: "1" }
        servers:
          - url: https://api.example.com/{version}/
            variables:
              version: { default: v2, enum: [v1, v2] }
          - url: /
        paths:
          /things/{id}:
            parameters:
              - { name: id, in: path, required: true, schema: { type: string } }
              - { name: id, in: query, schema: { type: string } }
              - { name: limit, in: query, schema: { type: integer } }
            get:
              operationId: getThing
              parameters:
                - { name: limit, in: query, required: true, schema: { $ref: "#/components/schemas/Limit" } }
              responses:
                "200": { description: ok }
        components:
          schemas:
            Base: { type: integer, minimum: 1, maximum: 100 }
            Limit:
              allOf:
                - $ref: "#/components/schemas/Base"
                - { exclusiveMaximum: 50, minimum: 1 }
              exclusiveMinimum: 0
            Legacy: { type: number, minimum: 5, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false }
        """;

    private static ApiDocument Read() => ApiDocument.Parse("layer.yaml", Document);

    [Fact]
    public void Base_paths_expand_server_variables_and_keep_the_root()
    {
        var document = Read();
        Assert.Equal(["/v1", "/v2", ""], document.BasePaths);
        Assert.Equal("/v2", document.DefaultBasePath);
        Assert.Equal("getThing", document.Match("GET", "/v1/things/a%2Fb?x=1")?.Operation.OperationId);
        Assert.Equal("a/b", document.Match("GET", "/v1/things/a%2Fb")?.PathParameters["id"]);
        Assert.Equal("getThing", document.Match("GET", "/things/7")?.Operation.OperationId);
        Assert.Null(document.Match("GET", "/v3/things"));
        Assert.Null(document.Match("POST", "/v1/things/7"));
    }

    [Fact]
    public void An_operation_parameter_overrides_the_path_items_of_the_same_name_and_location_only()
    {
        var parameters = Read().Operations.Single().Parameters;
        Assert.Equal(["limit query True", "id path True", "id query False"], parameters.Select(p => p.Name + " " + p.In + " " + p.Required));
    }

    [Fact]
    public void AllOf_constraints_merge_to_the_tightest_bound_in_either_form()
    {
        var document = Read();
        var limit = SchemaConstraints.Of(document, (JsonObject)document.Resolve("#/components/schemas/Limit")!, "#/components/schemas/Limit");
        Assert.Equal("integer", limit.Type);
        Assert.Equal(new Bound(1, false), limit.Minimum);
        Assert.Equal(new Bound(50, true), limit.Maximum);

        var legacy = SchemaConstraints.Of(document, (JsonObject)document.Resolve("#/components/schemas/Legacy")!, "#/components/schemas/Legacy");
        Assert.Equal(new Bound(5, true), legacy.Minimum);
        Assert.Equal(new Bound(9, false), legacy.Maximum);
    }

    [Theory]
    [InlineData(false, 10, true, 10, false, 10, true)]
    [InlineData(false, 10, false, 12, false, 10, false)]
    [InlineData(true, 10, false, 12, true, 12, true)]
    [InlineData(true, 5, true, 3, false, 5, true)]
    public void The_tighter_bound_wins_and_exclusive_wins_a_tie(bool lower, int a, bool aExclusive, int b, bool bExclusive, int value, bool exclusive)
    {
        Assert.Equal(new Bound(value, exclusive), SchemaConstraints.Tighter(new Bound(a, aExclusive), new Bound(b, bExclusive), lower));
        Assert.Equal(new Bound(value, exclusive), SchemaConstraints.Tighter(new Bound(b, bExclusive), new Bound(a, aExclusive), lower));
    }

    [Fact]
    public void Coverage_leaves_out_what_other_keys_declare()
    {
        string[] keys = ["200", "404", "4XX", "default"];
        Assert.True(ResponseRule.Coverage(keys, "4XX").Covers(418));
        Assert.False(ResponseRule.Coverage(keys, "4XX").Covers(404));
        Assert.False(ResponseRule.Coverage(keys, "default").Covers(418));
        Assert.True(ResponseRule.Coverage(keys, "default").Covers(503));
        Assert.False(ResponseRule.Coverage(keys, "default").Covers(200));
        Assert.True(ResponseRule.SuccessCoverage(["default"], "default").Covers(204));
        Assert.True(ResponseRule.SuccessCoverage(keys, "default").IsEmpty);
        Assert.Equal("4xx", ResponseRule.KeyFor(["4xx"], 404));
    }

    [Fact]
    public void Pointers_escape_split_and_resolve_as_each_others_inverse()
    {
        var pointer = Pointers.Append("#/paths", "/a~b/{c}");
        Assert.Equal("#/paths/~1a~0b~1{c}", pointer);
        Assert.Equal(["paths", "/a~b/{c}"], Pointers.Split(pointer));
        Assert.Equal(["paths", "/a"], Pointers.Split("#/paths/%7E1a"));
        var root = new JsonObject { ["paths"] = new JsonObject { ["/a~b/{c}"] = new JsonArray(1, 2) } };
        Assert.True(Pointers.TryResolve(root, pointer + "/1", out var node));
        Assert.Equal(2, node!.GetValue<int>());
        Assert.False(Pointers.TryResolve(root, pointer + "/2", out _));
    }

    [Theory]
    [InlineData("application/json", new[] { "application/json", "text/*" }, "application/json")]
    [InlineData("Application/JSON; charset=utf-8", new[] { "application/json" }, "application/json")]
    [InlineData("text/html", new[] { "application/json", "text/*" }, "text/*")]
    [InlineData("image/png", new[] { "application/json", "*/*" }, "*/*")]
    [InlineData("image/png", new[] { "application/json" }, null)]
    public void A_content_type_falls_under_the_exact_type_then_its_range_then_any(string contentType, string[] documented, string? expected) =>
        Assert.Equal(expected, MediaTypes.Match(documented, contentType));

    [Fact]
    public void Without_a_content_type_only_a_single_documented_type_matches()
    {
        Assert.Equal("application/json", MediaTypes.Match(["application/json"], null));
        Assert.Null(MediaTypes.Match(new List<string> { "application/json", "text/plain" }, null));
    }
}

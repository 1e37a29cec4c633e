using System.Linq;
using Kernel.Contracts.Generator.Model;
using Kernel.Contracts.Generator.Parsing;
using Xunit;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>What the model builder reads through references, which it resolves once rather than on every read.</summary>
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
}

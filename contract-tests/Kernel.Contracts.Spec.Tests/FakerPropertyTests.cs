using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Kernel.Contracts.Spec.Tests;

/// <summary>
/// For every DTO of both APIs that is a component schema: a thousand faked instances each serialize to JSON
/// that validates against the schema (NJsonSchema, independent of our generator) and round-trip unchanged.
/// </summary>
public class FakerPropertyTests
{
    private const int Instances = 1000;

    public static TheoryData<string, string> Dtos()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, ns) in new[] { ("kernel-platform.openapi.yaml", "Fixtures.Platform"), ("kernel-sessions.openapi.yaml", "Fixtures.Sessions") })
        {
            var schemas = (JsonObject)SpecDocuments.Load(file)["components"]!["schemas"]!;
            foreach (var name in schemas.Select(s => s.Key))
            {
                data.Add(file, ns + "." + name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Dtos))]
    public void Faked_instances_validate_against_the_schema_and_round_trip(string file, string typeName)
    {
        var assembly = typeof(FakerPropertyTests).Assembly;
        var type = assembly.GetType(typeName, throwOnError: true)!;
        var api = typeName.Split('.')[1];
        var make = assembly.GetType("Fixtures." + api + "." + api + "Fakers", throwOnError: true)!.GetMethod(type.Name)!;
        var faker = new Bogus.Faker { Random = new Bogus.Randomizer(20261122) };
        var options = (JsonSerializerOptions)assembly.GetType("Fixtures." + api + "." + api + "JsonTypeInfoResolver")!.GetProperty("Options")!.GetValue(null)!;
        var document = SpecDocuments.Load(file);
        var schema = ExampleValidationTests.SchemaFor(document, JsonNode.Parse("{\"$ref\": \"#/components/schemas/" + type.Name + "\"}")!);

        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Instances; i++)
        {
            var value = make.Invoke(null, new object?[] { faker, 0 })!;
            var json = JsonSerializer.Serialize(value, type, options);
            distinct.Add(json);

            var errors = ExampleValidationTests.Validate(schema, JsonNode.Parse(json));
            Assert.True(errors.Count == 0, typeName + " instance " + i + " does not validate: " + json + "\n  " + string.Join("\n  ", errors));

            var again = JsonSerializer.Serialize(JsonSerializer.Deserialize(json, type, options), type, options);
            Assert.Equal(json, again);
        }

        // Not one value a thousand times: the fakers vary what the schema lets vary.
        Assert.True(distinct.Count > 1 || IsConstant(document, type.Name), typeName + " produced a single value");
    }

    [Fact]
    public void A_seed_gives_the_same_values()
    {
        var first = new Fixtures.Sessions.CreateKernelRequestFaker(7).Generate(3);
        var second = new Fixtures.Sessions.CreateKernelRequestFaker(7).Generate(3);
        var options = Fixtures.Sessions.SessionsJsonTypeInfoResolver.Options;

        Assert.Equal(JsonSerializer.Serialize(first[2], options), JsonSerializer.Serialize(second[2], options));
    }

    [Fact]
    public void Single_members_can_be_overridden()
    {
        var request = new Fixtures.Sessions.CreateKernelRequestFaker(7)
            .RuleFor(r => r.ClientSessionToken, "tok-1")
            .Generate();

        Assert.Equal("tok-1", request.ClientSessionToken);
        Assert.Matches("^[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]$", new Fixtures.Sessions.CreateKernelRequestFaker(8).Generate().ClientSessionToken);
    }

    private static bool IsConstant(JsonObject document, string name) =>
        document["components"]!["schemas"]![name]!["enum"] is JsonArray { Count: 1 };
}

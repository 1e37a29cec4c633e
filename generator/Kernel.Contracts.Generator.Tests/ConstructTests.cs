using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>What the generated DTOs and converters do, for every supported schema construct.</summary>
public class ConstructTests
{
    private const string Probe = """
        using System.Text.Json;
        namespace Test.Api;
        public static class Probe
        {
            public static string RoundTrip(string type, string json) => type switch
            {
                "Pet" => Write(PetJsonConverter.WriteValue, JsonCodec.Deserialize(System.Text.Encoding.UTF8.GetBytes(json), PetJsonConverter.ReadValue)),
                "Shape" => Write(ShapeJsonConverter.WriteValue, JsonCodec.Deserialize(System.Text.Encoding.UTF8.GetBytes(json), ShapeJsonConverter.ReadValue)),
                "IdOrName" => Write(IdOrNameJsonConverter.WriteValue, JsonCodec.Deserialize(System.Text.Encoding.UTF8.GetBytes(json), IdOrNameJsonConverter.ReadValue)),
                _ => throw new System.ArgumentException(type),
            };

            public static string Describe(string type, string json)
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(json);
                switch (type)
                {
                    case "Pet":
                        var pet = JsonCodec.Deserialize(bytes, PetJsonConverter.ReadValue);
                        return $"{pet.Name}|{pet.Kind}|{pet.Kind.IsKnown}|{pet.Owner ?? "<null>"}|{pet.Born:yyyy-MM-dd}|{pet.Attributes?["legs"]}|{pet.Extra?.ValueKind}";
                    case "Shape":
                        var shape = JsonCodec.Deserialize(bytes, ShapeJsonConverter.ReadValue);
                        return shape.IsCircle ? "circle " + shape.AsCircle!.Radius : "square " + shape.AsSquare!.Side;
                    case "IdOrName":
                        var id = JsonCodec.Deserialize(bytes, IdOrNameJsonConverter.ReadValue);
                        return id.IsInt64 ? "int64 " + id.AsInt64 : "string " + id.AsString;
                    default:
                        throw new System.ArgumentException(type);
                }
            }

            public static string ViaResolver(string json)
            {
                var options = ConstructsJsonTypeInfoResolver.Options;
                var pet = JsonSerializer.Deserialize<Pet>(json, options)!;
                return JsonSerializer.Serialize(pet, options);
            }

            public static int TextErrors(string text, int? minLength, int? maxLength)
            {
                var errors = new System.Collections.Generic.List<ValidationError>();
                SchemaChecks.Text(text, "$", minLength, maxLength, null, null, errors);
                return errors.Count;
            }

            private static string Write<T>(JsonCodec.Writer<T> write, T value) => System.Text.Encoding.UTF8.GetString(JsonCodec.Serialize(value, write));
        }
        """;

    private static readonly Lazy<CompiledAssembly> Assembly = new(() =>
    {
        var result = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(
                GeneratorHarness.FromFile(GeneratorHarness.TestSpecPath("constructs.openapi.yaml"), generate: "Models;Client;Validators"),
                GeneratorHarness.FromFile(GeneratorHarness.TestSpecPath("shared.yaml"), generate: "None")),
            GeneratorHarness.CreateCompilation(Probe));
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileErrorsAndWarnings().Select(d => d.ToString()));
        return new CompiledAssembly(result.Output);
    });

    [Theory]
    [InlineData("ab", 2, 2, 0)]
    [InlineData("a\U0001F600", 2, 2, 0)] // a surrogate pair is one character (a code point), as JSON Schema counts
    [InlineData("ab\U0001F600", null, 2, 1)]
    [InlineData("e\u0301", 2, 2, 0)] // a combining mark is a code point of its own
    [InlineData("", 1, null, 1)]
    public void String_lengths_count_code_points(string text, int? minLength, int? maxLength, int errors) =>
        Assert.Equal(errors, Assembly.Value.Call<int>("Test.Api.Probe", "TextErrors", text, minLength, maxLength));

    private const string FullPet = """
        {"id":9007199254740993,"name":"Tom","nickname":"T","kind":"cat","born":"2020-02-29","lastSeen":"2024-05-01T10:00:00+02:00",
         "chip":"8f0c1f3e-6a64-4c4c-9d6b-0c5d2b1f7a11","homepage":"https://pets.example/tom","photo":"AQID","weight":4.25,"age":4,
         "tags":["a","b"],"owner":null,"attributes":{"legs":4},"extra":{"any":[1,"x"]},"address":{"street":"Main"}}
        """;

    [Fact]
    public void Every_property_kind_round_trips()
    {
        var json = Assembly.Value.Call<string>("Test.Api.Probe", "RoundTrip", "Pet", FullPet);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(FullPet), JsonNode.Parse(json)), json);
    }

    [Fact]
    public void Values_are_typed_as_the_schema_says()
    {
        var described = Assembly.Value.Call<string>("Test.Api.Probe", "Describe", "Pet", FullPet);

        Assert.Equal("Tom|cat|True|<null>|2020-02-29|4|Object", described);
    }

    [Fact]
    public void An_unknown_enum_value_is_kept_not_rejected()
    {
        var json = FullPet.Replace("\"cat\"", "\"parrot\"", StringComparison.Ordinal);

        Assert.StartsWith("Tom|parrot|False|", Assembly.Value.Call<string>("Test.Api.Probe", "Describe", "Pet", json), StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"parrot\"", Assembly.Value.Call<string>("Test.Api.Probe", "RoundTrip", "Pet", json), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_property_is_an_error_that_names_it()
    {
        var json = FullPet.Replace("\"name\":\"Tom\",", string.Empty, StringComparison.Ordinal);

        var error = Assert.Throws<JsonException>(() => Assembly.Value.Call<string>("Test.Api.Probe", "RoundTrip", "Pet", json));
        Assert.Equal("Pet: the required property 'name' is missing.", error.Message);
    }

    [Fact]
    public void Required_and_nullable_differ_from_required()
    {
        // owner is required but nullable: null is fine. name is required and not nullable: null is an error.
        var nullName = FullPet.Replace("\"name\":\"Tom\"", "\"name\":null", StringComparison.Ordinal);

        var error = Assert.Throws<JsonException>(() => Assembly.Value.Call<string>("Test.Api.Probe", "RoundTrip", "Pet", nullName));
        Assert.Contains("Pet.name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_type_names_the_property_and_what_was_found()
    {
        var json = FullPet.Replace("\"age\":4", "\"age\":\"four\"", StringComparison.Ordinal);

        var error = Assert.Throws<JsonException>(() => Assembly.Value.Call<string>("Test.Api.Probe", "RoundTrip", "Pet", json));
        Assert.Equal("Pet.age: expected a 32-bit integer but found a string four.", error.Message);
    }

    [Fact]
    public void Optional_properties_that_are_absent_stay_absent()
    {
        const string minimal = """{"id":1,"name":"Rex","kind":"dog","born":"2019-01-01","tags":[],"owner":"Ann"}""";

        var json = Assembly.Value.Call<string>("Test.Api.Probe", "RoundTrip", "Pet", minimal);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(minimal), JsonNode.Parse(json)), json);
    }

    [Theory]
    [InlineData("""{"type":"circle","radius":2.5}""", "circle 2.5")]
    [InlineData("""{"label":"x","type":"square","side":3}""", "square 3")]
    public void A_discriminator_selects_the_union_case(string json, string expected)
    {
        Assert.Equal(expected, Assembly.Value.Call<string>("Test.Api.Probe", "Describe", "Shape", json));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(Assembly.Value.Call<string>("Test.Api.Probe", "RoundTrip", "Shape", json))));
    }

    [Fact]
    public void An_unknown_discriminator_value_is_an_error_that_lists_the_known_ones()
    {
        var error = Assert.Throws<JsonException>(() => Assembly.Value.Call<string>("Test.Api.Probe", "Describe", "Shape", """{"type":"hexagon"}"""));

        Assert.Equal("Shape: the value of 'type' 'hexagon' is unknown; expected one of circle, square.", error.Message);
    }

    [Theory]
    [InlineData("42", "int64 42")]
    [InlineData("\"rex\"", "string rex")]
    public void A_union_without_discriminator_picks_the_case_by_shape(string json, string expected)
    {
        Assert.Equal(expected, Assembly.Value.Call<string>("Test.Api.Probe", "Describe", "IdOrName", json));
    }

    [Fact]
    public void The_type_info_resolver_serializes_without_reflection()
    {
        var json = Assembly.Value.Call<string>("Test.Api.Probe", "ViaResolver", FullPet);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(FullPet), JsonNode.Parse(json)), json);
    }
}

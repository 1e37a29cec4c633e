using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Kernel.Contracts.Clients.Tests.Spec;
using Xunit;

namespace Kernel.Contracts.Clients.Tests;

/// <summary>Every example of the documents survives a trip through the generated converter of its schema's type.</summary>
public sealed class DtoRoundTripTests
{
    public static IEnumerable<object[]> Examples() =>
        SpecDocuments.Apis.SelectMany(api => SpecExamples.All(api).Select(e => new object[] { api, e.Name }));

    public static IEnumerable<object[]> ProblemExamples() =>
        SpecDocuments.Apis.SelectMany(api => SpecExamples.TopLevel(api).Where(e => e.Schema == "Problem").Select(e => new object[] { api, e.Name }));

    [Theory]
    [InlineData(SpecDocuments.Platform)]
    [InlineData(SpecDocuments.Sessions)]
    public void Every_component_schema_is_mapped_to_its_generated_type(string api)
    {
        var schemas = ((JsonObject)SpecDocuments.Load(api)["components"]!["schemas"]!).Select(p => p.Key).OrderBy(n => n).ToList();
        Assert.Equal(schemas, Dtos.BySchema[api].Keys.OrderBy(n => n).ToList());
        foreach (var (name, dto) in Dtos.BySchema[api])
        {
            Assert.Equal(name, dto.Type.Name);
        }
    }

    [Theory]
    [InlineData(SpecDocuments.Platform)]
    [InlineData(SpecDocuments.Sessions)]
    public void Every_component_schema_has_at_least_one_example_value(string api)
    {
        var covered = SpecExamples.All(api).Select(e => e.Schema).ToHashSet();
        var uncovered = Dtos.BySchema[api].Keys.Where(s => !covered.Contains(s)).ToList();
        Assert.True(uncovered.Count == 0, api + ": no example value for " + string.Join(", ", uncovered));
    }

    [Theory]
    [InlineData(SpecDocuments.Platform)]
    [InlineData(SpecDocuments.Sessions)]
    public void Example_names_are_unique(string api)
    {
        var duplicates = SpecExamples.All(api).GroupBy(e => e.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_round_trips_through_the_generated_converter(string api, string example)
    {
        var found = Find(api, example);
        var dto = Dtos.For(api, found.Schema);
        string json;
        try
        {
            json = dto.ThroughConverter(JsonSemantic.Show(found.Value));
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new Xunit.Sdk.XunitException(example + ": " + dto.Type.FullName + " cannot read the example: " + e.Message);
        }

        JsonSemantic.Equal(found.Value, json, example + " through " + dto.Type.FullName);
    }

    [Theory]
    [MemberData(nameof(ProblemExamples))]
    public void Problem_example_round_trips_through_ApiProblem_unchanged(string api, string example)
    {
        // ApiProblem is what ApiException carries; it keeps every member, extension members (such as `errors`) included.
        var found = Find(api, example);
        var json = Dtos.ApiProblem[api].ThroughConverter(JsonSemantic.Show(found.Value));
        JsonSemantic.Equal(found.Value, json, example + " through ApiProblem");
    }

    [Theory]
    [InlineData(SpecDocuments.Platform, "DatasetMeta", "{\"name\":\"Session 1\",\"site\":\"Boston\",\"channels\":52,\"tags\":[\"a\",{\"b\":null}],\"ok\":true}")]
    [InlineData(SpecDocuments.Platform, "Problem", "{\"type\":\"about:blank\",\"title\":\"t\",\"traceId\":\"00-abc\",\"errors\":[{\"name\":\"x\",\"reason\":\"y\",\"hint\":1}]}")]
    [InlineData(SpecDocuments.Sessions, "KernelInfo", "{\"lang\":\"python:3.6\",\"age\":1.5,\"memoryLimit\":2,\"numQueriesExecuted\":3,\"cpuCreditUsed\":4,\"queryTimeout\":15,\"idle\":{\"since\":[1,2]},\"memoryUsed\":null}")]
    [InlineData(SpecDocuments.Sessions, "Problem", "{\"type\":\"https://api.backend.ai/probs/kernel-creation-failed\",\"title\":\"Kernel creation has failed.\",\"data\":{\"x\":[1]},\"agent-details\":\"oom\"}")]
    [InlineData(SpecDocuments.Sessions, "DestroyKernelResponse", "{\"stats\":{\"cpu_used\":1,\"mem_max_bytes\":2,\"mem_cur_bytes\":3,\"net_rx_bytes\":4,\"net_tx_bytes\":5,\"io_read_bytes\":6,\"io_write_bytes\":7,\"io_max_scratch_size\":8,\"io_cur_scratch_size\":9,\"cpu_util\":0.5},\"extra\":null}")]
    public void Members_an_open_schema_does_not_name_survive_a_round_trip(string api, string schema, string json)
    {
        // What a server sends is open (spec/DECISIONS.md, "Open and closed objects"): a member it adds must not be lost.
        var dto = Dtos.For(api, schema);
        JsonSemantic.Equal(JsonNode.Parse(json), dto.ThroughConverter(json), api + " " + schema + " through its converter");
        JsonSemantic.Equal(JsonNode.Parse(json), dto.ThroughSerializer(json), api + " " + schema + " through JsonSerializer");
    }

    internal static SpecExample Find(string api, string name) =>
        SpecExamples.All(api).FirstOrDefault(e => e.Name == name) ?? throw new Xunit.Sdk.XunitException("No example named " + name);
}

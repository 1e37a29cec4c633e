using System;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Xunit;
using Kernel.Contracts.Generator.Parsing;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>
/// A document in a pull request is untrusted input to every build: one built to exhaust the reader gets a
/// KCG001 at its place, quickly and in little memory, through the compiler's own generator driver.
/// </summary>
public class DocumentLimitTests
{
    // Generous hang bounds, not performance goals: a refused document costs milliseconds and a few megabytes.
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(30); // 5 s failed once on a machine loaded 7x over its cores
    private const long MemoryBound = 200L * 1024 * 1024;

    private static Diagnostic RefusedWithin(string path, string text)
    {
        var (result, elapsed, allocated) = HostileDocuments.Measure(() => GeneratorHarness.Run(new GeneratorHarness.Spec(path, text, "Hostile.Api")));

        Assert.True(elapsed < TimeBound, "took " + elapsed);
        Assert.True(allocated < MemoryBound, "allocated " + allocated + " bytes");
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CS8785" or "AD0001" or "KCG008");
        Assert.Null(result.Run.Exception);
        Assert.Empty(result.Run.GeneratedSources);
        return Assert.Single(result.GeneratorDiagnostics, d => d.Id == "KCG001");
    }

    private static void AssertAt(Diagnostic diagnostic, (int Line, int Column) expected)
    {
        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal(expected, (start.Line + 1, start.Character + 1));
    }

    [Fact]
    public void Billion_laughs_is_refused_at_the_alias_that_crosses_the_limit()
    {
        var text = HostileDocuments.BillionLaughs();
        Assert.True(text.Length < 1024, "the bomb is under 1 KB");

        var d = RefusedWithin("/specs/laughs.yaml", text);

        Assert.Equal("The OpenAPI document cannot be read: the document expands into more than 1000000 nodes (check its aliases).", d.GetMessage());
        // Levels 0-5 hold 1,111,111 nodes together: an alias inside level 5 crosses 1,000,000.
        Assert.Equal(text.Split('\n').ToList().FindIndex(l => l.StartsWith("  l5:", StringComparison.Ordinal)), d.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Ten_thousand_nested_yaml_sequences_are_refused_at_the_one_too_deep()
    {
        var text = HostileDocuments.DeepYaml(10_000);

        var d = RefusedWithin("/specs/deep.yaml", text);

        Assert.Equal("The OpenAPI document cannot be read: the document nests deeper than 64 levels.", d.GetMessage());
        // The root mapping is level 1, so the 64th bracket opens level 65.
        AssertAt(d, HostileDocuments.PositionOf(text, '[', 64));
    }

    [Fact]
    public void Ten_thousand_nested_json_arrays_are_refused_at_the_one_too_deep()
    {
        var text = HostileDocuments.DeepJson(10_000);

        var d = RefusedWithin("/specs/deep.json", text);

        Assert.Contains("The maximum configured depth of 64 has been exceeded", d.GetMessage(), StringComparison.Ordinal);
        AssertAt(d, HostileDocuments.PositionOf(text, '[', 64));
    }

    [Fact]
    public void A_document_longer_than_the_limit_is_refused_where_the_limit_falls()
    {
        var text = "openapi: 3.1.0\ndescription: " + new string('x', DocumentLimits.MaxLength) + "\n";

        var e = Assert.Throws<YamlDotNet.Core.YamlException>(() => DocumentText.Parse(text));

        Assert.Equal("the document is longer than 16777216 characters.", DocumentText.Reason(e));
        Assert.Equal((2L, (long)(DocumentLimits.MaxLength - 15 + 1)), (e.Start.Line, e.Start.Column));
    }

    [Fact]
    public void Limits_leave_real_documents_alone_at_their_edge()
    {
        // 63 nested sequences under the root (64 levels) and aliases that expand to well under the node limit.
        var deep = DocumentText.Parse(HostileDocuments.DeepYaml(63))!;
        var json = DocumentText.Parse(HostileDocuments.DeepJson(63))!;
        var merged = DocumentText.Parse("base: &base {a: 1, b: 2}\nthing:\n  <<: *base\n  b: 3\nother: *base\n")!;

        Assert.NotNull(deep["x-deep"]);
        Assert.NotNull(json["x-deep"]);
        Assert.Equal("""{"base":{"a":1,"b":2},"thing":{"a":1,"b":3},"other":{"a":1,"b":2}}""", merged.ToJsonString());
    }

    [Theory]
    [InlineData("200", "200")]
    [InlineData("'200'", "200")]
    [InlineData("1.50", "1.50")]
    [InlineData("True", "true")]
    [InlineData("~", "null")]
    [InlineData("\"null\"", "null")]
    [InlineData("0x1F", "31")]
    [InlineData("type", "type")]
    [InlineData("&k anchored", "anchored")]
    [InlineData(".inf", ".inf")]
    [InlineData("-1", "-1")]
    public void A_key_reads_as_its_value_would_print(string key, string text)
    {
        // Keys are read straight as text unless they could be a number, a boolean or null: then as that value, printed.
        var read = (JsonObject)DocumentText.Parse(key + ": x\nother: y\n")!;

        Assert.Equal(new[] { text, "other" }, read.Select(pair => pair.Key));
    }

    [Fact]
    public void Keys_that_read_the_same_are_a_repeated_key()
    {
        var e = Assert.Throws<YamlDotNet.Core.YamlException>(() => DocumentText.Parse("true: a\nTrue: b\n"));

        Assert.Contains("Duplicate key 'true'", e.Message, System.StringComparison.Ordinal);
        Assert.Equal(2, e.Start.Line);
    }

    [Theory]
    [InlineData("n: 99999999999999999999999999999999999999", "1E+38")]
    [InlineData("n: 1e400", "\"1e400\"")]
    [InlineData("n: 0x1ffffffffffffffff", "\"0x1ffffffffffffffff\"")]
    [InlineData("n: 0o7777777777777777777777777", "\"0o7777777777777777777777777\"")]
    [InlineData("n: 0x7fffffffffffffff", "9223372036854775807")]
    [InlineData("n: 1e300", "1E+300")]
    public void Numbers_beyond_every_dotnet_type_stay_text(string yaml, string json)
    {
        Assert.Equal("{\"n\":" + json + "}", DocumentText.Parse(yaml)!.ToJsonString());
    }

    [Theory]
    [InlineData("n: 42", "42")]
    [InlineData("n: +7", "7")]
    [InlineData("n: -3", "-3")]
    [InlineData("n: .5", "0.5")]
    [InlineData("n: -.5", "-0.5")]
    [InlineData("n: 0x1F", "31")]
    [InlineData("n: 0o17", "15")]
    [InlineData("n: 1_000", "\"1_000\"")]
    [InlineData("n: -x", "\"-x\"")]
    [InlineData("n: e5", "\"e5\"")]
    [InlineData("n: yes", "\"yes\"")]
    [InlineData("n: \uFF10", "\"\\uFF10\"")]
    [InlineData("n: \"12\"", "\"12\"")]
    public void Plain_scalars_are_numbers_only_in_the_core_schemas_forms(string yaml, string json)
    {
        Assert.Equal("{\"n\":" + json + "}", DocumentText.Parse(yaml)!.ToJsonString());
    }
}

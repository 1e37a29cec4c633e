using System;
using System.Text.Json.Nodes;
using Kernel.Contracts.Pact.Matchers;
using Xunit;

namespace Kernel.Contracts.Pact.Tests;

public sealed class MatcherTests
{
    [Fact]
    public void Matchers_produce_integration_json()
    {
        Assert.Equal("""{"pact:matcher:type":"type","value":"x"}""", Match.Type("x").ToJson());
        Assert.Equal("""{"pact:matcher:type":"regex","regex":"\\d+","value":"12"}""", Match.Regex("12", @"\d+").ToJson());
        Assert.Equal("""{"pact:matcher:type":"integer","value":3}""", Match.Integer(3.0).ToJson());
        Assert.Equal("""{"pact:matcher:type":"decimal","value":10.0}""", Match.Decimal(10m).ToJson());
        Assert.Equal("""{"pact:matcher:type":"decimal","value":1.25}""", Match.Decimal(1.25).ToJson());
        Assert.Equal("""{"pact:matcher:type":"datetime","format":"yyyy-MM-dd HH:mm","value":"2024-01-02 03:04"}""", Match.DateTime("2024-01-02 03:04", "yyyy-MM-dd HH:mm").ToJson());
        Assert.Equal("""{"pact:matcher:type":"type","min":2,"value":[{"id":1},{"id":1}]}""", Match.MinType(new { Id = 1 }, 2).ToJson());
        Assert.Equal("""{"pact:matcher:type":"type","min":1,"value":[{"pact:matcher:type":"integer","value":7}]}""", Match.EachLike(Match.Integer(7)).ToJson());
        Assert.Equal("""{"pact:matcher:type":"include","value":"ell"}""", Match.Include("ell").ToJson());
        Assert.Equal("""{"pact:matcher:type":"null","value":null}""", Match.Null().ToJson());
    }

    [Fact]
    public void Matchers_convert_to_json_nodes_for_hand_built_bodies()
    {
        var body = new JsonObject { ["id"] = Match.Integer(5) };
        Assert.Equal("integer", (string?)body["id"]!["pact:matcher:type"]);
    }

    [Fact]
    public void Type_rejects_null() => Assert.Throws<ArgumentNullException>(() => Match.Type(null!));

    [Fact]
    public void Regex_rejects_an_example_that_does_not_match()
    {
        var exception = Assert.Throws<ArgumentException>(() => Match.Regex("RUNNING!", "PENDING|RUNNING"));
        Assert.Contains("does not match", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Regex_rejects_an_invalid_expression() =>
        Assert.Throws<ArgumentException>(() => Match.Regex("a", "(a"));

    [Theory]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Integer_rejects_a_non_integral_example(double example) =>
        Assert.Throws<ArgumentException>(() => Match.Integer(example));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Decimal_rejects_a_non_finite_example(double example) =>
        Assert.Throws<ArgumentException>(() => Match.Decimal(example));

    [Theory]
    [InlineData("2024-05-01 10:00:00", "yyyy-MM-dd'T'HH:mm:ss")]
    [InlineData("2024-13-01T10:00:00", "yyyy-MM-dd'T'HH:mm:ss")]
    [InlineData("01/05/2024", "yyyy-MM-dd")]
    public void DateTime_rejects_an_example_not_in_the_format(string example, string format)
    {
        var exception = Assert.Throws<ArgumentException>(() => Match.DateTime(example, format));
        Assert.Contains(format, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-05-01T10:00:00", "yyyy-MM-dd'T'HH:mm:ss")]
    [InlineData("2024-05-01T10:00:00.123Z", "yyyy-MM-dd'T'HH:mm:ss.SSSX")]
    [InlineData("2024-05-01T10:00:00+02:00", "yyyy-MM-dd'T'HH:mm:ssXXX")]
    [InlineData("Wed, 1 May 2024 10:00 PM", "EEE, d MMM yyyy hh:mm a")]
    [InlineData("it's 2024", "'it''s' yyyy")]
    [InlineData("2024-W18", "YYYY-'W'ww")]
    public void DateTime_accepts_examples_in_the_format_and_passes_unsupported_patterns(string example, string format) =>
        Assert.Equal("datetime", Match.DateTime(example, format).Type);

    [Fact]
    public void Date_and_time_check_their_formats()
    {
        Assert.Throws<ArgumentException>(() => Match.Date("2024-02-30"));
        Assert.Throws<ArgumentException>(() => Match.Time("25:00:00"));
        Assert.Equal("date", Match.Date("2024-02-29").Type);
    }

    [Fact]
    public void MinType_and_EachLike_reject_a_negative_minimum_or_null_example()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Match.MinType("x", -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Match.EachLike("x", -2));
        Assert.Throws<ArgumentNullException>(() => Match.EachLike(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => Match.MaxType("x", 0));
    }

    [Fact]
    public void Include_rejects_an_empty_substring()
    {
        Assert.Throws<ArgumentException>(() => Match.Include(""));
        Assert.Throws<ArgumentNullException>(() => Match.Include(null!));
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kernel.Contracts.Support;
using Xunit;

namespace Kernel.Contracts.Generator.Support.Tests;

/// <summary>Support/Validation/SchemaChecks.cs: the checks generated validators and server stubs are made of.</summary>
public class SchemaChecksTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static List<string> Text(string text, int? minLength = null, int? maxLength = null, string? pattern = null, string? format = null)
    {
        var errors = new List<ValidationError>();
        SchemaChecks.Text(text, "p", minLength, maxLength, pattern is null ? null : new Regex(pattern), format, errors);
        return errors.Select(e => e.ToString()).ToList();
    }

    private static List<string> Number(string json, bool integer = false, decimal? minimum = null, bool exclusiveMinimum = false, decimal? maximum = null, bool exclusiveMaximum = false)
    {
        var errors = new List<ValidationError>();
        SchemaChecks.Number(Json(json), "n", integer, minimum, exclusiveMinimum, maximum, exclusiveMaximum, errors);
        return errors.Select(e => e.ToString()).ToList();
    }

    [Fact]
    public void Lengths_count_code_points_so_a_surrogate_pair_is_one_character()
    {
        Assert.Empty(Text("\U0001F600", maxLength: 1));
        Assert.Equal(new[] { "p: must be at least 2 characters long" }, Text("\U0001F600", minLength: 2));
        Assert.Equal(new[] { "p: must be at most 3 characters long" }, Text("abcd", maxLength: 3));
        Assert.Empty(Text("abc", minLength: 3, maxLength: 3));
    }

    [Fact]
    public void A_pattern_is_searched_as_written()
    {
        Assert.Empty(Text("xx-12", pattern: "[0-9]{2}"));
        Assert.Equal(new[] { "p: must match the pattern ^[a-z]+$" }, Text("abc1", pattern: "^[a-z]+$"));
    }

    [Theory]
    [InlineData("date-time", "2026-01-02T03:04:05Z", true)]
    [InlineData("date-time", "2026-01-02", false)]
    [InlineData("date", "2026-01-02", true)]
    [InlineData("date", "2026-13-02", false)]
    [InlineData("uuid", "5a6b7c8d-9e0f-1122-3344-556677889900", true)]
    [InlineData("uuid", "5a6b7c8d", false)]
    [InlineData("uri", "https://example.com/a", true)]
    [InlineData("uri", "urn:isbn:0451450523", true)]
    [InlineData("uri", "/relative", false)]
    [InlineData("uri", "relative/path", false)]
    [InlineData("byte", "AQL/", true)]
    [InlineData("byte", "not base64!", false)]
    [InlineData("email", "anything goes", true)]
    public void Formats_with_a_check_are_checked_and_others_pass(string format, string text, bool valid)
    {
        Assert.Equal(valid ? new string[0] : new[] { "p: must be a valid " + format }, Text(text, format: format));
    }

    [Fact]
    public void Numbers_are_checked_against_integer_and_inclusive_or_exclusive_bounds()
    {
        Assert.Equal(new[] { "n: must be an integer" }, Number("1.5", integer: true));
        Assert.Empty(Number("2.0", integer: true));
        Assert.Equal(new[] { "n: must be greater than 0" }, Number("0", minimum: 0, exclusiveMinimum: true));
        Assert.Empty(Number("0", minimum: 0));
        Assert.Equal(new[] { "n: must be at least 0.5" }, Number("0.25", minimum: 0.5m));
        Assert.Equal(new[] { "n: must be less than 10" }, Number("10", maximum: 10, exclusiveMaximum: true));
        Assert.Equal(new[] { "n: must be at most 10" }, Number("10.5", maximum: 10));
        Assert.Equal(new[] { "n: must be a number" }, Number("\"5\""));
        Assert.Equal(new[] { "n: must be an integer" }, Number("true", integer: true));
    }

    [Fact]
    public void A_number_beyond_decimal_is_clamped_and_still_checked_rather_than_throwing()
    {
        Assert.Equal(new[] { "n: must be at most 10" }, Number("1e40", maximum: 10));
        Assert.Equal(new[] { "n: must be at least 0" }, Number("-1e40", minimum: 0));
        Assert.Equal(new[] { "n: must be at most 10" }, Number("1e400", maximum: 10));
        Assert.Equal(new[] { "n: must be at least 0" }, Number("-1e400", minimum: 0));
        Assert.Empty(Number("1e-40", minimum: 0, maximum: 1));
    }

    [Fact]
    public void Arrays_check_their_item_count_and_each_item_at_its_index()
    {
        var errors = new List<ValidationError>();
        SchemaChecks.Array(Json("[1,\"x\",3]"), "items", 4, null, errors, (item, path, errs) => SchemaChecks.Number(item, path, true, null, false, null, false, errs));

        Assert.Equal(new[] { "items: must have at least 4 items", "items[1]: must be an integer" }, errors.Select(e => e.ToString()));

        errors.Clear();
        SchemaChecks.Array(Json("[1,2]"), "items", null, 1, errors, (_, _, _) => { });
        Assert.Equal("items: must have at most 1 items", Assert.Single(errors).ToString());

        errors.Clear();
        SchemaChecks.Array(Json("{}"), "items", null, null, errors, (_, _, _) => { });
        Assert.Equal("items: must be an array", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Maps_and_members_join_their_path_with_dots_from_the_root()
    {
        Assert.Equal("name", SchemaChecks.Join(string.Empty, "name"));
        Assert.Equal("labels.env", SchemaChecks.Join("labels", "env"));

        var errors = new List<ValidationError>();
        SchemaChecks.Map(Json("{\"a\":true,\"b\":1}"), "labels", errors, SchemaChecks.Boolean);
        Assert.Equal("labels.b: must be a boolean", Assert.Single(errors).ToString());
    }

    [Fact]
    public void A_string_check_on_a_non_string_says_so_once()
    {
        var errors = new List<ValidationError>();
        SchemaChecks.String(Json("12"), "id", 5, null, new Regex("^a"), "uuid", errors);
        Assert.Equal("id: must be a string", Assert.Single(errors).ToString());
    }

    [Fact]
    public void An_error_without_a_name_is_about_the_body()
    {
        Assert.Equal("body: is required", new ValidationError(string.Empty, "is required").ToString());
        Assert.Equal("q: is required", new ValidationError("q", "is required").ToString());
    }
}

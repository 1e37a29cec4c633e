using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Bogus;
using Kernel.Contracts.Support;
using Xunit;

namespace Kernel.Contracts.Generator.Support.Tests;

/// <summary>Support/Fakers/: values that fit their schema, the same for the same seed.</summary>
public class FakerSupportTests
{
    private static Faker Seeded(int seed = 7) => new() { Random = new Randomizer(seed) };

    [Theory]
    [InlineData("^[a-z]{3}-\\d{2}$", null, null)]
    [InlineData("^(ab|cd){2}x?$", null, null)]
    [InlineData("^[A-F0-9]{8}$", 8, 8)]
    [InlineData("^a+$", 5, 6)]
    [InlineData("^[^a-y]$", null, null)]
    public void Text_with_a_pattern_matches_it_within_the_length_bounds(string pattern, int? minLength, int? maxLength)
    {
        var regex = new Regex(pattern);
        var f = Seeded();
        for (var i = 0; i < 50; i++)
        {
            var text = FakerSupport.Text(f, minLength, maxLength, regex, null);
            Assert.Matches(regex, text);
            Assert.InRange(text.Length, minLength ?? 0, maxLength ?? int.MaxValue);
        }
    }

    [Fact]
    public void A_pattern_no_sample_of_which_fits_the_length_says_so()
    {
        var e = Assert.Throws<InvalidOperationException>(() => FakerSupport.Text(Seeded(), null, 5, new Regex("^a{10}$"), null));
        Assert.Contains("^a{10}$", e.Message, StringComparison.Ordinal);
        Assert.Contains("0..5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_of_a_format_parses_as_that_format_and_plain_text_fits_its_length()
    {
        var f = Seeded();
        Assert.True(Guid.TryParse(FakerSupport.Text(f, null, null, null, "uuid"), out _));
        Assert.True(DateOnly.TryParseExact(FakerSupport.Text(f, null, null, null, "date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        Assert.True(DateTimeOffset.TryParse(FakerSupport.Text(f, null, null, null, "date-time"), CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        Assert.True(Uri.TryCreate(FakerSupport.Text(f, null, null, null, "uri"), UriKind.Absolute, out _));
        for (var i = 0; i < 20; i++)
        {
            // Longer than the 24 characters plain text defaults to: a format's value is not cut short.
            Assert.True(System.Net.IPAddress.TryParse(FakerSupport.Text(f, null, null, null, "ipv6"), out _));
        }

        Assert.Contains('@', FakerSupport.Text(f, null, null, null, "email"));
        Assert.InRange(FakerSupport.Text(f, 40, null, null, null).Length, 40, int.MaxValue);
        Assert.InRange(FakerSupport.Text(f, null, 2, null, "email").Length, 0, 2);
    }

    [Fact]
    public void Numbers_stay_inside_inclusive_and_exclusive_bounds()
    {
        var f = Seeded();
        var integers = Enumerable.Range(0, 200).Select(_ => FakerSupport.Number(f, true, 0, true, 3, true, int.MinValue, int.MaxValue)).ToHashSet();
        Assert.Equal(new[] { 1m, 2m }, integers.OrderBy(x => x));

        for (var i = 0; i < 100; i++)
        {
            var d = FakerSupport.Number(f, false, 0.5m, false, 0.75m, false, -1e9m, 1e9m);
            Assert.InRange(d, 0.5m, 0.75m);
            Assert.Equal(d, decimal.Round(d, 2));
        }

        // No room between exclusive bounds: the lower bound, not an exception.
        Assert.Equal(1m, FakerSupport.Number(f, true, 0, true, 1, true, int.MinValue, int.MaxValue));
        // Unbounded numbers start at zero when the type allows it.
        Assert.InRange(FakerSupport.Number(f, true, null, false, null, false, int.MinValue, int.MaxValue), 0m, 1000m);
    }

    [Fact]
    public void Lists_honour_their_item_counts_and_stop_growing_at_depth()
    {
        var f = Seeded();
        for (var i = 0; i < 30; i++)
        {
            Assert.InRange(FakerSupport.List(f, 2, 4, 0, (_, _) => 1).Count, 2, 4);
        }

        Assert.Equal(3, FakerSupport.List(f, 3, 10, 4, (_, _) => 1).Count);
        Assert.Empty(FakerSupport.Map(f, 4, (_, _) => 1));
        Assert.Equal(JsonValueKindString, FakerSupport.Any(f).ValueKind);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindString = System.Text.Json.JsonValueKind.String;

    [Fact]
    public void The_same_seed_makes_the_same_values()
    {
        string Values(int seed)
        {
            var f = Seeded(seed);
            return string.Join("|", FakerSupport.Text(f, null, null, new Regex("^[a-z]{4}[0-9]{2}$"), null), FakerSupport.Text(f, null, null, null, "uuid"), FakerSupport.Number(f, false, null, false, null, false, -1e9m, 1e9m).ToString(CultureInfo.InvariantCulture));
        }

        Assert.Equal(Values(11), Values(11));
        Assert.NotEqual(Values(11), Values(12));
    }

    [Fact]
    public void The_sampler_declines_what_it_cannot_sample()
    {
        Assert.Null(PatternSampler.Sample(Seeded(), "^\\D+$", 0, 10));
        Assert.Null(PatternSampler.Sample(Seeded(), "^a{2$", 0, 10));
        Assert.Matches("^v[0-9]+\\.[0-9]+$", PatternSampler.Sample(Seeded(), "^v\\d+\\.\\d+$", 0, 10)!);
    }
}

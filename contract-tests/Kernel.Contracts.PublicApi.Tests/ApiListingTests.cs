using Xunit;

namespace Kernel.Contracts.PublicApi.Tests;

/// <summary>The comparison itself: a changed surface must be caught and shown, an equal one must pass.</summary>
public class ApiListingTests
{
    private const string Committed = """
        namespace Kernel.Sample
        {
            public class SampleClient
            {
                public SampleClient() { }
                public System.Threading.Tasks.Task<string> GetAsync(string id) { }
            }
        }
        """;

    [Fact]
    public void An_equal_listing_passes_whatever_the_line_endings()
    {
        Assert.Null(ApiListing.Compare("Kernel.Sample", Committed.Replace("\n", "\r\n", System.StringComparison.Ordinal), ApiListing.Normalize(Committed)));
    }

    [Fact]
    public void An_added_member_is_reported_with_the_diff_and_how_to_accept_it()
    {
        var changed = Committed.Replace(
            "    }\n}",
            "        public void Delete(string id) { }\n    }\n}",
            System.StringComparison.Ordinal);

        var failure = ApiListing.Compare("Kernel.Sample", Committed, ApiListing.Normalize(changed));

        Assert.NotNull(failure);
        Assert.Contains("The public API of Kernel.Sample differs", failure, System.StringComparison.Ordinal);
        Assert.Contains("+         public void Delete(string id) { }", failure, System.StringComparison.Ordinal);
        Assert.DoesNotContain("- ", failure, System.StringComparison.Ordinal);
        Assert.Contains("KERNEL_CONTRACTS_UPDATE_API=true", failure, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_removed_or_changed_member_is_reported()
    {
        var changed = Committed.Replace("GetAsync(string id)", "GetAsync(System.Guid id)", System.StringComparison.Ordinal);

        var failure = ApiListing.Compare("Kernel.Sample", Committed, ApiListing.Normalize(changed));

        Assert.NotNull(failure);
        Assert.Contains("-         public System.Threading.Tasks.Task<string> GetAsync(string id) { }", failure, System.StringComparison.Ordinal);
        Assert.Contains("+         public System.Threading.Tasks.Task<string> GetAsync(System.Guid id) { }", failure, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_listing_is_reported()
    {
        var failure = ApiListing.Compare("Kernel.Sample", null, ApiListing.Normalize(Committed));

        Assert.NotNull(failure);
        Assert.Contains("no committed public API listing", failure, System.StringComparison.Ordinal);
    }
}

using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace Kernel.Contracts.PublicApi.Tests;

/// <summary>
/// Every shipped library's public surface equals its committed listing under api/: an unannounced change
/// fails with the diff. Set KERNEL_CONTRACTS_UPDATE_API=true to rewrite the listings, then review and commit them.
/// </summary>
public class PublicApiTests
{
    /// <summary>The assemblies consumers compile against. The tool (Kernel.Contracts.Cli) and the reference
    /// servers inside it are a command line, not a library, so they have no listing.</summary>
    private static readonly string[] ShippedAssemblies =
    [
        "Kernel.Contracts.Generator",
        "Kernel.Platform.Client",
        "Kernel.Sessions.Client",
        "Kernel.Platform.Server",
        "Kernel.Sessions.Server",
        "Kernel.Contracts.Pact",
    ];

    public static TheoryData<string> Shipped => new(ShippedAssemblies);

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Public_api_matches_the_committed_listing(string assemblyName)
    {
        var actual = ApiListing.Generate(Assembly.Load(new AssemblyName(assemblyName)));
        var path = ApiListing.PathOf(assemblyName);
        if (ApiListing.Updating)
        {
            Directory.CreateDirectory(ApiListing.Folder);
            File.WriteAllText(path, actual);
            return;
        }

        var failure = ApiListing.Compare(assemblyName, File.Exists(path) ? File.ReadAllText(path) : null, actual);
        Assert.True(failure is null, failure);
    }

    [Fact]
    public void Every_committed_listing_belongs_to_a_shipped_assembly()
    {
        var shipped = ShippedAssemblies.ToHashSet(StringComparer.Ordinal);
        var stale = Directory.GetFiles(ApiListing.Folder, "*.txt")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !shipped.Contains(name!))
            .ToList();
        Assert.True(stale.Count == 0, "Listings without a shipped assembly (delete them or add the assembly to Shipped): " + string.Join(", ", stale));
    }
}

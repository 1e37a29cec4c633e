using System;
using Xunit;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>Help links point at the configured project address (KernelContractsProjectUrl), or nowhere: never an invented one.</summary>
public sealed class HelpLinkTests
{
    [Fact]
    public void Every_diagnostic_links_to_its_row_of_the_configured_readme_or_has_no_link()
    {
        Assert.NotEmpty(DiagnosticDescriptors.All);
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            if (ThisPackage.ProjectUrl.Length == 0)
            {
                Assert.True(string.IsNullOrEmpty(descriptor.HelpLinkUri), $"{descriptor.Id} links to '{descriptor.HelpLinkUri}' though no project URL is configured");
            }
            else
            {
                Assert.StartsWith(ThisPackage.ProjectUrl.TrimEnd('/') + "/", descriptor.HelpLinkUri, StringComparison.Ordinal);
                Assert.EndsWith("#" + descriptor.Id.ToLowerInvariant(), descriptor.HelpLinkUri, StringComparison.Ordinal);
            }
        }
    }
}

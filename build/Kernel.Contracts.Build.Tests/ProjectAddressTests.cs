using Kernel.Contracts.Build.Packages;
using Xunit;

namespace Kernel.Contracts.Build.Tests;

public sealed class ProjectAddressTests
{
    [Theory]
    [InlineData("http://github.com/kernel/contracts")]
    [InlineData("github.com/kernel/contracts")]
    [InlineData("https://example.com/kernel-contracts")]
    [InlineData("https://docs.example.org/x")]
    [InlineData("https://localhost/x")]
    [InlineData("https://127.0.0.1:8080/x")]
    [InlineData("https://kernel.invalid/x")]
    [InlineData("https://kernel.test/x")]
    [InlineData("https://github.com/your-org/kernel-contracts")]
    [InlineData("https://github.com/YourOrg/kernel-contracts")]
    [InlineData("https://github.com/kernel/PLACEHOLDER")]
    [InlineData("https://changeme.dev/x")]
    public void Addresses_nobody_can_visit_are_placeholders(string url) => Assert.True(ProjectAddress.IsPlaceholder(url));

    [Theory]
    [InlineData("")]
    [InlineData("https://github.com/kernel-contracts/kernel-contracts")]
    [InlineData("https://gitlab.com/kernel/contracts")]
    [InlineData("https://contest.example-tools.com/x")]
    public void No_address_or_a_real_one_is_not(string url) => Assert.False(ProjectAddress.IsPlaceholder(url));
}

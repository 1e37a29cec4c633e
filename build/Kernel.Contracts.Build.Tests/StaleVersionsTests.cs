using Kernel.Contracts.Build.Packages;
using Xunit;

namespace Kernel.Contracts.Build.Tests;

public sealed class StaleVersionsTests
{
    [Fact]
    public void Install_snippets_of_other_versions_are_found_once_each()
    {
        const string markdown = """
            <PackageReference Include="Kernel.Platform.Client" Version="0.9.0" />
            <PackageReference Include="Kernel.Sessions.Client"
                              Version="0.9.0" />
            <PackageReference Include="Kernel.Sessions.Server" Version="1.0.0" />
            dotnet tool install Kernel.Contracts.Cli --version 0.8.1 --tool-path .tools
            dotnet tool install Kernel.Contracts.Cli --version 1.0.0
            <PackageReference Include="Other.Library" Version="0.1.0" />
            """;

        Assert.Equal(["0.9.0", "0.8.1"], StaleVersions.In(markdown, "1.0.0"));
    }

    [Fact]
    public void Text_without_install_snippets_has_none() => Assert.Empty(StaleVersions.In("Version 0.1.0 of the document.", "1.0.0"));
}

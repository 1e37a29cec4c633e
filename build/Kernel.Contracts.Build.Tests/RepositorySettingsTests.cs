using System;
using Xunit;

namespace Kernel.Contracts.Build.Tests;

public sealed class RepositorySettingsTests
{
    [Fact]
    public void The_version_and_the_project_address_come_from_the_props()
    {
        using var folder = new TempFolder();
        var props = folder.Write("Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <Version>2.3.4</Version>
                <KernelContractsProjectUrl> https://github.com/kernel/contracts </KernelContractsProjectUrl>
                <PackageProjectUrl>$(KernelContractsProjectUrl)</PackageProjectUrl>
              </PropertyGroup>
            </Project>
            """);

        var settings = RepositorySettings.Read(props);

        Assert.Equal(("2.3.4", "https://github.com/kernel/contracts"), (settings.Version, settings.ProjectUrl));
        Assert.Empty(settings.ReadyToRunRids);
    }

    [Fact]
    public void The_ReadyToRun_platforms_come_from_the_props_as_a_list()
    {
        using var folder = new TempFolder();
        var props = folder.Write("Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <Version>2.3.4</Version>
                <KernelContractsProjectUrl></KernelContractsProjectUrl>
                <KernelContractsReadyToRunRids>linux-x64; win-x64;;osx-arm64</KernelContractsReadyToRunRids>
              </PropertyGroup>
            </Project>
            """);

        Assert.Equal(["linux-x64", "win-x64", "osx-arm64"], RepositorySettings.Read(props).ReadyToRunRids);
    }

    [Fact]
    public void A_props_file_without_the_address_property_is_named()
    {
        using var folder = new TempFolder();
        var props = folder.Write("Directory.Build.props", "<Project><PropertyGroup><Version>1.0.0</Version></PropertyGroup></Project>");

        var e = Assert.Throws<BuildStepException>(() => RepositorySettings.Read(props));

        Assert.Equal(props + ": no <KernelContractsProjectUrl> property", e.Message);
    }

    [Fact]
    public void A_props_file_that_is_not_XML_is_named()
    {
        using var folder = new TempFolder();
        var props = folder.Write("Directory.Build.props", "<Project>");

        Assert.StartsWith(props + ": cannot read it", Assert.Throws<BuildStepException>(() => RepositorySettings.Read(props)).Message, StringComparison.Ordinal);
    }
}

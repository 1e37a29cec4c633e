using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Kernel.Contracts.Build.Tests;

public sealed class ReleasesTests
{
    [Fact]
    public void The_newest_release_is_the_highest_version_not_the_last_name()
    {
        using var releases = new TempFolder();
        foreach (var name in new[] { "0.9.0", "0.10.0", "0.10.0-beta", "0.2.0" }) Directory.CreateDirectory(releases.File(name));
        releases.Write("README.md", "not a release");

        Assert.Equal("0.10.0", Releases.Newest(releases.Path));
    }

    [Fact]
    public void A_folder_that_is_not_a_version_is_named()
    {
        using var releases = new TempFolder();
        Directory.CreateDirectory(releases.File("0.1.0"));
        Directory.CreateDirectory(releases.File("latest"));

        var e = Assert.Throws<BuildStepException>(() => Releases.Newest(releases.Path));

        Assert.Contains("'latest' is not a version", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_prints_the_newest_and_fails_readably_without_any()
    {
        using var releases = new TempFolder();

        var none = await Run.ToolAsync("newest-release", releases.Path);
        Directory.CreateDirectory(releases.File("1.0.0"));
        var one = await Run.ToolAsync("newest-release", releases.Path);

        Assert.Equal(2, none.Exit);
        Assert.Equal($"error: no release in '{releases.Path}' (expected a folder per version, e.g. 0.1.0)", none.Error.Trim());
        Assert.Equal((0, "1.0.0"), (one.Exit, one.LastLine));
    }
}

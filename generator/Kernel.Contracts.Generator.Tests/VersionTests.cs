using System.Reflection;
using Kernel.Contracts.Generator.Emitting;
using Xunit;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>The version in [GeneratedCode] is the package version (Directory.Build.props), not a copy of it.</summary>
public class VersionTests
{
    [Fact]
    public void GeneratedCode_carries_the_version_the_assembly_was_built_with()
    {
        var informational = typeof(OpenApiGenerator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        var version = informational.Split('+')[0];

        Assert.Equal(Emitter.Version, version);
        var attribute = "[System.CodeDom.Compiler.GeneratedCode(\"Kernel.Contracts.Generator\", \"" + version + "\")]";
        Assert.Equal(attribute, SupportFiles.StampVersion(SupportFiles.UnstampedGeneratedCode));
        var codec = SupportFiles.Types("Json/JsonCodec.cs", "Test.Api");
        Assert.Contains(attribute, codec, System.StringComparison.Ordinal);
        Assert.DoesNotContain(SupportFiles.UnstampedGeneratedCode, codec, System.StringComparison.Ordinal);
    }
}

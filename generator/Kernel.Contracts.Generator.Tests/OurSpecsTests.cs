using System.Linq;
using Xunit;

namespace Kernel.Contracts.Generator.Tests;

public class OurSpecsTests
{
    [Theory]
    [InlineData("kernel-platform.openapi.yaml")]
    [InlineData("kernel-sessions.openapi.yaml")]
    public void Generates_compiling_code_without_diagnostics(string file)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.FromFile(GeneratorHarness.SpecPath(file), generate: "Models;Client;Server"));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Contains(result.Run.GeneratedSources, s => s.HintName.EndsWith("Client.g.cs", System.StringComparison.Ordinal));
        var problems = result.CompileErrorsAndWarnings().Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

using System.Linq;
using Xunit;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>Which files each <c>Generate</c> kind brings: the validators only where they are used or asked for.</summary>
public class GenerateKindsTests
{
    [Theory]
    [InlineData("Models", false)]
    [InlineData("Models;Client", false)]
    [InlineData("Models;Client;Validators", true)]
    [InlineData("Validators", true)]
    [InlineData("Models;Server", true)]
    public void The_schema_validator_comes_with_the_server_stubs_or_when_asked_for(string generate, bool validators)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.FromFile(GeneratorHarness.SpecPath("kernel-platform.openapi.yaml"), generate: generate, clientName: "Platform"));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileErrorsAndWarnings());
        var files = result.Run.GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains("Platform.Models.Dataset.g.cs", files);
        Assert.Equal(validators, files.Contains("Platform.Support.SchemaValidator.g.cs"));
        Assert.Equal(validators, files.Contains("Platform.Support.SchemaChecks.g.cs"));
        Assert.Equal(validators, result.Output.GetTypeByMetadataName("Test.Api.PlatformSchemaValidator") is not null);
    }
}

using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Kernel.Contracts.Generator.NSwag.Tests;

/// <summary>
/// The generator writes what NSwag's own CLI writes for the same document and settings (14.8.0 in the compiler,
/// the CLI's 14.7.1; their version stamps aside), and that code compiles with nullable enabled and warnings as errors.
/// </summary>
public sealed class SameCodeAsNSwagCliTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("kcg-nswag-").FullName;

    // Corpus documents NSwag reads and whose code compiles; NSwag itself cannot read mistral.ai (a schema it fails to
    // deserialize) and writes code that does not compile for pagerduty.com-events-v1 and lmstudio.ai (its own bugs, in 14.7.1 and 14.8.0 alike).
    public static TheoryData<string, string> Documents() => new()
    {
        { "spec", "kernel-platform.openapi.yaml" },
        { "spec", "kernel-sessions.openapi.yaml" },
        { "corpus", "dotnet-eshop-catalog_1.0.json" },
        { "corpus", "refitter-weather_1.0.json" },
        { "corpus", "xero.com-webhooks_16.1.0.yaml" },
        { "corpus", "adyen.com-session-authentication_1.json" },
        { "corpus", "twilio.com-iam-organizations_1.0.0.yaml" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Generates_what_the_cli_writes(string where, string name)
    {
        var path = where == "spec" ? NSwagHarness.SpecPath(name) : NSwagHarness.CorpusPath(name);
        var output = Path.Combine(_scratch, "cli.cs");
        var expected = NSwagHarness.RunCli(output, "openapi2csclient", "/input:" + path, "/output:" + output, "/classname:ApiClient", "/namespace:Test.NSwag");

        var (run, compilation) = NSwagHarness.Run(
            new NSwagClientGenerator(),
            NSwagHarness.Spec(path, "NSwagClient", ("ClassName", "ApiClient"), ("Namespace", "Test.NSwag")));

        Assert.Empty(run.Diagnostics);
        var generated = Assert.Single(run.GeneratedSources);
        // Named after the path under the project (here the repository), or the file name for a document outside it.
        Assert.Equal((where == "spec" ? "spec." : string.Empty) + Path.GetFileNameWithoutExtension(name) + ".NSwagClient.g.cs", generated.HintName);
        Assert.Equal(NSwagHarness.WithoutVersions(expected), NSwagHarness.WithoutVersions(generated.SourceText.ToString()));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Settings_from_a_nswag_file_give_what_nswag_run_writes()
    {
        var spec = NSwagHarness.SpecPath("kernel-platform.openapi.yaml");
        var output = Path.Combine(_scratch, "from-nswag.cs");
        var nswag = Path.Combine(_scratch, "platform.nswag");
        File.WriteAllText(nswag, $$"""
            {
              "runtime": "Net100",
              "documentGenerator": { "fromDocument": { "url": "{{spec}}", "output": null } },
              "codeGenerators": {
                "openApiToCSharpClient": {
                  "className": "PlatformApi",
                  "namespace": "Team.Platform",
                  "jsonLibrary": "SystemTextJson",
                  "generateClientInterfaces": true,
                  "clientBaseClass": null,
                  "useBaseUrl": false,
                  "exceptionClass": "PlatformApiException",
                  "operationGenerationMode": "SingleClientFromOperationId",
                  "generateOptionalParameters": true,
                  "output": "{{output}}"
                }
              }
            }
            """);
        var expected = NSwagHarness.RunCli(output, "run", nswag);

        var (run, compilation) = NSwagHarness.Run(
            new NSwagClientGenerator(),
            NSwagHarness.Spec(spec, "NSwagClient", ("NSwagSettings", nswag)),
            new NSwagHarness.Item(nswag, File.ReadAllText(nswag), null));

        Assert.Empty(run.Diagnostics);
        var code = Assert.Single(run.GeneratedSources).SourceText.ToString();
        Assert.Contains("public partial interface IPlatformApi", code, StringComparison.Ordinal);
        Assert.Equal(NSwagHarness.WithoutVersions(expected), NSwagHarness.WithoutVersions(code));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}

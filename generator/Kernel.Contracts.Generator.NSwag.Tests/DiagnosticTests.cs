using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Kernel.Contracts.Generator.NSwag.Tests;

/// <summary>What NSwag cannot handle becomes a diagnostic at the document or the settings file, never a crashed generator.</summary>
public sealed class DiagnosticTests
{
    private static readonly string Dir = Path.Combine(NSwagHarness.RepoRoot, "obj-test");

    private static NSwagHarness.Item Spec(string name, string text, params (string, string)[] metadata) =>
        new(Path.Combine(Dir, name), text, metadata.Append(("OpenApiSpec", "true")).Append(("OpenApiGenerate", "NSwagClient")).ToDictionary(m => m.Item1, m => m.Item2));

    [Fact]
    public void A_broken_document_is_KCGN001_at_its_line()
    {
        var (run, _) = NSwagHarness.Run(new NSwagClientGenerator(), Spec("broken.yaml", "openapi: 3.0.0\ninfo:\n  title: x\n  version: '1'\npaths:\n  /a: b: c\n"));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KCGN001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(Path.Combine(Dir, "broken.yaml"), diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(6, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.StartsWith("NSwag cannot generate a client from 'broken.yaml': ", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.GeneratedSources);
        Assert.Null(run.Exception);
    }

    [Fact]
    public void A_missing_settings_file_is_KCGN002()
    {
        var (run, _) = NSwagHarness.Run(new NSwagClientGenerator(), Spec("ok.yaml", MinimalDocument, ("NSwagSettings", "missing.nswag")));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KCGN002", diagnostic.Id);
        Assert.Contains("'missing.nswag' of 'ok.yaml' cannot be used: it is not an AdditionalFiles item", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void A_settings_file_without_the_client_section_is_KCGN002_at_that_file()
    {
        var nswag = new NSwagHarness.Item(Path.Combine(Dir, "team.nswag"), "{ \"codeGenerators\": { \"openApiToTypeScriptClient\": {} } }", null);
        var (run, _) = NSwagHarness.Run(new NSwagClientGenerator(), Spec("ok.yaml", MinimalDocument, ("NSwagSettings", nswag.Path)), nswag);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KCGN002", diagnostic.Id);
        Assert.Equal(nswag.Path, diagnostic.Location.GetLineSpan().Path);
        Assert.EndsWith("it has no codeGenerators.openApiToCSharpClient section", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_setting_or_a_bad_value_is_KCGN003_and_the_rest_still_generates()
    {
        var nswag = new NSwagHarness.Item(Path.Combine(Dir, "team.nswag"), "{\n  \"codeGenerators\": {\n    \"openApiToCSharpClient\": {\n      \"noSuchSetting\": \"x\",\n      \"className\": \"TeamClient\"\n    }\n  }\n}", null);
        var (run, compilation) = NSwagHarness.Run(new NSwagClientGenerator(), Spec("ok.yaml", MinimalDocument, ("NSwagSettings", nswag.Path), ("JsonLibrary", "Jackson")), nswag);

        Assert.Collection(
            run.Diagnostics.OrderBy(d => d.GetMessage(), StringComparer.Ordinal),
            d =>
            {
                Assert.Equal("KCGN003", d.Id);
                Assert.StartsWith("The NSwag setting 'jsonLibrary' of 'ok.yaml' is not applied: '\"Jackson\"' is not a valid CSharpJsonLibrary", d.GetMessage(), StringComparison.Ordinal);
            },
            d =>
            {
                Assert.Equal("KCGN003", d.Id);
                Assert.Equal("The NSwag setting 'noSuchSetting' of 'ok.yaml' is not applied: NSwag's C# client generator has no such setting (or it is not supported inside the compiler)", d.GetMessage());
                Assert.Equal(nswag.Path, d.Location.GetLineSpan().Path);
                Assert.Equal(3, d.Location.GetLineSpan().StartLinePosition.Line);
            });
        Assert.Contains("public partial class TeamClient", Assert.Single(run.GeneratedSources).SourceText.ToString(), StringComparison.Ordinal);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Two_documents_of_one_name_in_two_folders_both_generate()
    {
        var first = Spec(Path.Combine("a", "api.yaml"), MinimalDocument, ("Namespace", "A"));
        var second = Spec(Path.Combine("b", "api.yaml"), MinimalDocument, ("Namespace", "B"));

        var (run, compilation) = NSwagHarness.Run(new NSwagClientGenerator(), first, second);

        Assert.Null(run.Exception);
        Assert.Empty(run.Diagnostics);
        Assert.Equal(new[] { "obj-test.a.api.NSwagClient.g.cs", "obj-test.b.api.NSwagClient.g.cs" }, run.GeneratedSources.Select(s => s.HintName).Order());
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void The_main_generator_leaves_NSwagClient_to_this_package()
    {
        var onlyNSwag = Spec("ok.yaml", MinimalDocument, ("Namespace", "Main.Api"));
        var both = onlyNSwag with { Metadata = onlyNSwag.Metadata!.ToDictionary(m => m.Key, m => m.Key == "OpenApiGenerate" ? "Models,NSwagClient" : m.Value) };

        var (nswagOnly, _) = NSwagHarness.Run(new OpenApiGenerator(), onlyNSwag);
        var (withModels, _) = NSwagHarness.Run(new OpenApiGenerator(), both);

        Assert.Empty(nswagOnly.Diagnostics);
        Assert.Empty(nswagOnly.GeneratedSources);
        Assert.Empty(withModels.Diagnostics);
        Assert.NotEmpty(withModels.GeneratedSources);
    }

    private const string MinimalDocument = """
        openapi: 3.0.0
        info:
          title: Minimal
          version: '1'
        paths:
          /things/{id}:
            get:
              operationId: getThing
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                '200':
                  description: the thing
                  content:
                    application/json:
                      schema: { type: object, properties: { name: { type: string } } }
        """;
}

using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Contracts.Cli;
using Kernel.Contracts.Conformance;
using Xunit;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Reference.Tests;

/// <summary><c>kernel-contracts diff</c> as a user runs it: files or a git ref, exit codes, positions, the pacts it breaks.</summary>
public sealed class DiffCliTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("kernel-contracts-diff-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Removing_a_member_the_pacts_send_names_the_consumer_and_the_interactions()
    {
        var (basePath, headPath) = Write("sessions", root => ((JsonObject)root["components"]!["schemas"]!["CreateKernelRequest"]!["properties"]!).Remove("clientSessionToken"));
        var json = Path.Combine(_folder.FullName, "diff.json");
        var junit = Path.Combine(_folder.FullName, "diff.xml");

        var (code, output, _) = await Run("diff", "--base", basePath, "--head", headPath, "--json", json, "--junit", junit);

        Assert.Equal(1, code);
        Assert.Contains("BREAKING for clients", output, StringComparison.Ordinal);
        Assert.Contains("[request-property-removed-closed]", output, StringComparison.Ordinal);
        Assert.Matches(@"was kernel-sessions\.openapi\.yaml:\d+:\d+ #/components/schemas/CreateKernelRequest/properties/clientSessionToken", output);
        Assert.Contains("Pact interactions this change breaks:", output, StringComparison.Ordinal);
        Assert.Contains("kernel-sessions-client: \"", output, StringComparison.Ordinal);
        Assert.Contains("suggested version bump: major", output, StringComparison.Ordinal);

        var result = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal("major", result["suggestedBump"]!.GetValue<string>());
        var broken = result["brokenInteractions"]!.AsArray();
        Assert.NotEmpty(broken);
        Assert.All(broken, b => Assert.Equal("kernel-sessions-client", b!["consumer"]!.GetValue<string>()));
        Assert.Contains(broken, b => b!["interaction"]!.GetValue<string>().Contains("create", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<failure", File.ReadAllText(junit), StringComparison.Ordinal);

        // The line named is the member's line in the YAML.
        var line = int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"was kernel-sessions\.openapi\.yaml:(\d+):").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("clientSessionToken:", File.ReadAllLines(basePath)[line - 1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allow_breaking_exits_zero_but_a_release_without_a_major_step_fails()
    {
        var (basePath, headPath) = Write("platform", root => ((JsonObject)root["paths"]!).Remove("/study/{study_id}/datasets"));

        Assert.Equal(0, (await Run("diff", "--base", basePath, "--head", headPath, "--allow-breaking")).Code);

        var (code, _, error) = await Run("diff", "--base", basePath, "--head", headPath, "--allow-breaking", "--released-version", "0.1.0", "--version", "0.1.1");
        Assert.Equal(1, code);
        Assert.Contains("not a major step: release it as 0.2.0 or later", error, StringComparison.Ordinal);

        Assert.Equal(0, (await Run("diff", "--base", basePath, "--head", headPath, "--allow-breaking", "--released-version", "0.1.0", "--version", "0.2.0")).Code);
    }

    [Fact]
    public async Task A_compatible_change_exits_zero_and_asks_for_a_minor_version()
    {
        var (basePath, headPath) = Write("sessions", root => root["components"]!["schemas"]!["KernelInfo"]!["properties"]!["status"] = new JsonObject { ["type"] = "string" });

        var (code, output, _) = await Run("diff", "--base", basePath, "--head", headPath, "--released-version", "0.1.0", "--version", "0.1.1");

        Assert.Equal(0, code);
        Assert.Contains("compatible for clients, compatible for servers  [response-property-added-optional]", output, StringComparison.Ordinal);
        Assert.Contains("Pact interactions this change breaks: none of 1 pact(s).", output, StringComparison.Ordinal);
        Assert.Contains("suggested version bump: minor", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Base_ref_reads_the_old_version_from_git()
    {
        var (basePath, _) = Write("platform", _ => { });
        Git("init", "-q");
        Git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "empty");
        Git("add", Path.GetFileName(basePath));
        Git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "release");
        File.WriteAllText(basePath, File.ReadAllText(basePath).Replace("operationId: listDatasets", "operationId: getDatasets", StringComparison.Ordinal));

        var (code, output, _) = await Run("diff", "--base-ref", "HEAD", "--head", basePath);
        Assert.Equal(1, code);
        Assert.Contains("operationId 'listDatasets' became 'getDatasets'", output, StringComparison.Ordinal);

        var (missing, _, error) = await Run("diff", "--base-ref", "HEAD~1", "--head", basePath);
        Assert.Equal(2, missing);
        Assert.Contains("git cannot show kernel-platform.openapi.yaml at 'HEAD~1'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("diff", "--head", "x.yaml")]
    [InlineData("diff", "--base", "a.yaml", "--base-ref", "HEAD", "--head", "x.yaml")]
    [InlineData("diff", "--base", "a.yaml", "--head", "x.yaml", "--version", "1.0.0")]
    public async Task Wrong_options_exit_two_naming_the_option(params string[] args)
    {
        var (code, _, error) = await Run(args);
        Assert.Equal(2, code);
        Assert.Contains("--", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_lists_the_changes_and_the_pacts_they_break()
    {
        var (basePath, headPath) = Write("sessions", root => ((JsonObject)root["components"]!["schemas"]!["CreateKernelRequest"]!["properties"]!).Remove("clientSessionToken"));
        var results = Directory.CreateDirectory(Path.Combine(_folder.FullName, "results")).FullName;
        var json = Path.Combine(results, "diff-sessions.json");
        Assert.Equal(1, (await Run("diff", "--base", basePath, "--head", headPath, "--json", json)).Code);
        var expected = JsonNode.Parse(File.ReadAllText(json))!["changes"]!.AsArray().Count;

        var report = Path.Combine(_folder.FullName, "report");
        var (code, output, error) = await Run("report", "--results", results, "--out", report);

        Assert.True(code == 0, output + error);
        var html = File.ReadAllText(Path.Combine(report, "index.html"));
        Assert.Contains("Changes since kernel-sessions.openapi.yaml", html, StringComparison.Ordinal);
        Assert.Contains($"data-changes=\"{expected}\"", html, StringComparison.Ordinal);
        Assert.Contains("request-property-removed-closed", html, StringComparison.Ordinal);
        Assert.Contains("Pact interactions the change breaks:", html, StringComparison.Ordinal);
        Assert.Contains("kernel-sessions-client: ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_document_exits_two_naming_it()
    {
        var missing = Path.Combine(_folder.FullName, "nowhere.yaml");
        var (code, _, error) = await Run("diff", "--base", missing, "--head", missing);
        Assert.Equal(2, code);
        Assert.Contains("There is no OpenAPI document at '" + missing + "'", error, StringComparison.Ordinal);
    }

    private (string Base, string Head) Write(string api, Action<JsonObject> edit)
    {
        using var stream = typeof(EmbeddedDocuments).Assembly.GetManifestResourceStream("spec/" + api)!;
        using var reader = new StreamReader(stream);
        var yaml = reader.ReadToEnd();
        var basePath = Path.Combine(_folder.FullName, "kernel-" + api + ".openapi.yaml");
        File.WriteAllText(basePath, yaml);
        var root = (JsonObject)ApiDocument.Parse("base", yaml).Root.DeepClone();
        edit(root);
        var headPath = Path.Combine(_folder.FullName, "head.json");
        File.WriteAllText(headPath, root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return (basePath, headPath);
    }

    private void Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _folder.FullName, UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var git = Process.Start(start)!;
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, "git " + string.Join(' ', args) + ": " + git.StandardError.ReadToEnd());
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await KernelContractsCommand.InvokeAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}

using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Contracts.Cli;
using Kernel.Contracts.Conformance;
using Xunit;

namespace Kernel.Contracts.Reference.Tests;

/// <summary>The contract-health page, made from real results, renders its matrices in headless Chromium.</summary>
public sealed class ReportBrowserTests
{
    private static async Task Run(params string[] args)
    {
        var (code, output, error) = await CliRun.RunAsync(args);
        Assert.True(code == 0, string.Join(" ", args) + ":\n" + output + error);
    }

    [Fact]
    public async Task The_report_renders_the_matrix_of_both_apis_with_the_right_counts()
    {
        var results = Directory.CreateTempSubdirectory("kernel-report-results-").FullName;
        var report = Directory.CreateTempSubdirectory("kernel-report-").FullName;
        foreach (var (api, serve, credentials) in new[]
        {
            ("platform", new[] { "--api-key", "report-key" }, new[] { "--api-key", "report-key" }),
            ("sessions", new[] { "--access-key", "AKREPORT1", "--secret-key", "report-secret" }, new[] { "--access-key", "AKREPORT1", "--secret-key", "report-secret" }),
        })
        {
            await using var served = await ServedCli.StartAsync(["--api", api, "--provider-states", .. serve]);
            var root = served.Address.ToString();
            await Run(["verify", "--api", api, "--base-url", root, "--state-change-url", root + "_pact/provider-states", .. credentials, "--json", Path.Combine(results, "verify-" + api + ".json")]);
            await Run("check-pacts", "--api", api, "--json", Path.Combine(results, "check-" + api + ".json"));
            await Run(["probe", "--api", api, "--base-url", root, .. credentials, "--max-requests", "120", "--json", Path.Combine(results, "probe-" + api + ".json")]);
        }

        await Run("report", "--results", results, "--out", report, "--docs", "../docs/kernel-{api}.html");

        var dom = await ChromiumAsync("--dump-dom", new Uri(Path.Combine(report, "index.html")).AbsoluteUri);
        foreach (var api in new[] { "platform", "sessions" })
        {
            var document = EmbeddedDocuments.Load(api);
            var responses = document.Operations.Sum(o => o.Responses.Count);
            var checks = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(results, "check-" + api + ".json")))!.AsArray();
            var covered = checks.Select(c => (c!["operationId"]!.GetValue<string>(), document.Operations.Single(o => o.OperationId == c["operationId"]!.GetValue<string>()).ResponseFor(c["status"]!.GetValue<int>())!.Status)).Distinct().Count();

            var table = Regex.Match(dom, "<table class=\"matrix\" data-api=\"" + api + "\" data-rows=\"(\\d+)\">(.*?)</table>", RegexOptions.Singleline);
            Assert.True(table.Success, "no matrix for " + api + " in the rendered page");
            Assert.Equal(responses, int.Parse(table.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            // One row per documented response; every covered response is green in the pact column, nothing failed.
            Assert.Equal(responses, Regex.Matches(table.Groups[2].Value, "<td class=\"status\">").Count);
            Assert.DoesNotContain("data-state=\"fail\"", table.Groups[2].Value, StringComparison.Ordinal);
            var totals = Regex.Match(dom, "<tr data-api=\"" + api + "\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
            Assert.Contains("data-total=\"responses\">" + responses + "<", totals, StringComparison.Ordinal);
            Assert.Contains("data-total=\"pact\">" + covered + "<", totals, StringComparison.Ordinal);
            // Every documented response, default included, is under a pact.
            Assert.Equal(responses, covered);
            Assert.Contains("data-total=\"failing\">0<", totals, StringComparison.Ordinal);
            Assert.Contains("href=\"../docs/kernel-" + api + ".html\"", dom, StringComparison.Ordinal);
        }

        var png = Path.Combine(report, "page.png");
        await ChromiumAsync("--screenshot=" + png, "--window-size=1200,1600", new Uri(Path.Combine(report, "index.html")).AbsoluteUri);
        Assert.True(new FileInfo(png).Length > 10_000, "the screenshot is empty");
    }

    private static async Task<string> ChromiumAsync(params string[] args)
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium";
        Assert.True(File.Exists(path), "Chromium is not at " + path + ": `apt-get install chromium` (the Cake Test target installs it), or set CHROMIUM.");
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var flag in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--user-data-dir=" + Directory.CreateTempSubdirectory("chromium-").FullName })
        {
            start.ArgumentList.Add(flag);
        }

        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, "chromium exited with " + process.ExitCode + ": " + await stderr);
        return await stdout;
    }
}

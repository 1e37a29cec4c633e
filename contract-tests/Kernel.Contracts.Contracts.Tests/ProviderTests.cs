using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Contracts.Pact;
using Kernel.Contracts.Pact.Verifier;
using Xunit;

namespace Kernel.Contracts.Contracts.Tests;

/// <summary>The committed pacts are the ones the consumer cases write now: a stale committed pact fails.</summary>
public sealed class CommittedPactTests
{
    [Fact]
    public async Task Committed_platform_pact_is_up_to_date() => await AssertUpToDate((await PactFiles.FreshAsync()).Platform, PactFiles.CommittedPlatform);

    [Fact]
    public async Task Committed_sessions_pact_is_up_to_date() => await AssertUpToDate((await PactFiles.FreshAsync()).Sessions, PactFiles.CommittedSessions);

    [Fact]
    public async Task Fresh_pacts_hold_one_interaction_per_committed_case()
    {
        var fresh = await PactFiles.FreshAsync();
        Assert.Equal(PlatformPact.Cases.Count(c => c.Committed), Interactions(fresh.Platform).Count);
        Assert.Equal(SessionsPact.Cases.Count(c => c.Committed), Interactions(fresh.Sessions).Count);
        Assert.All(Interactions(fresh.Sessions), i =>
        {
            var headers = i!["request"]!["headers"]?.AsObject();
            Assert.False(headers?.Any(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || h.Key.Contains("Date", StringComparison.OrdinalIgnoreCase)) ?? false);
        });
    }

    private static JsonArray Interactions(string path) => PactFiles.Normalize(path)["interactions"]!.AsArray();

    private static async Task AssertUpToDate(string fresh, string committed)
    {
        await PactFiles.EnsureCommittedAsync();
        var expected = PactFiles.Normalize(fresh);
        var actual = PactFiles.Normalize(committed);
        Assert.True(
            JsonNode.DeepEquals(expected, actual),
            committed + " is stale: the consumer tests now write " + fresh + ". Review the change and copy it over (or run with "
            + PactFiles.UpdateVariable + "=true).");
    }
}

/// <summary>The reference servers honour the committed pacts.</summary>
public sealed class ProviderVerificationTests
{
    [Fact]
    public async Task Platform_reference_honours_the_committed_pact()
    {
        await PactFiles.EnsureCommittedAsync();
        await using var host = await PlatformProvider.StartAsync();
        var result = await Verify(PlatformProvider.Name, PactFiles.CommittedPlatform, host);
        Assert.True(result.Passed, result.ToString());
        Assert.Equal(PlatformPact.Cases.Count(c => c.Committed), result.Interactions.Count);
        Assert.Contains(host.StateChanges, c => c.Action == "teardown");
    }

    [Fact]
    public async Task Sessions_reference_honours_the_committed_pact()
    {
        await PactFiles.EnsureCommittedAsync();
        await using var host = await SessionsProvider.StartAsync();
        var result = await Verify(SessionsProvider.Name, PactFiles.CommittedSessions, host);
        Assert.True(result.Passed, result.ToString());
        Assert.Equal(SessionsPact.Cases.Count(c => c.Committed), result.Interactions.Count);
    }

    [Fact]
    public async Task A_broken_provider_fails_the_interaction_it_breaks()
    {
        await PactFiles.EnsureCommittedAsync();
        await using var host = await PlatformProvider.StartAsync(broken: true);
        var result = await Verify(PlatformProvider.Name, PactFiles.CommittedPlatform, host);
        Assert.False(result.Passed);
        var failed = result.Interactions.Where(i => !i.Passed).ToList();
        Assert.Equal(["a request to run qc_nirs on a dataset"], failed.Select(i => i.Description));
        Assert.Contains("job_id", result.Output, StringComparison.Ordinal);
    }

    internal static Task<VerificationResult> Verify(string provider, string pactFile, ProviderHost host) =>
        new PactVerifier(provider, new PactVerifierOptions { RequestTimeout = TimeSpan.FromSeconds(10) })
            .WithHttpEndpoint(host.BaseAddress)
            .WithFileSource(pactFile)
            .WithProviderStateUrl(host.StateUri, teardown: true)
            .VerifyAsync();
}

/// <summary>The standalone pact CLI (a separate build of the core) also verifies the committed pacts against the references.</summary>
public sealed class CliCrossCheckTests
{
    [Fact]
    public async Task Pact_cli_verifies_the_committed_platform_pact()
    {
        await PactFiles.EnsureCommittedAsync();
        await using var host = await PlatformProvider.StartAsync();
        var (code, output) = await RunCliAsync(PactFiles.CommittedPlatform, PlatformProvider.Name, host);
        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task Pact_cli_verifies_the_committed_sessions_pact()
    {
        await PactFiles.EnsureCommittedAsync();
        await using var host = await SessionsProvider.StartAsync();
        var (code, output) = await RunCliAsync(PactFiles.CommittedSessions, SessionsProvider.Name, host);
        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task Pact_cli_fails_the_broken_provider()
    {
        await PactFiles.EnsureCommittedAsync();
        await using var host = await PlatformProvider.StartAsync(broken: true);
        var (code, output) = await RunCliAsync(PactFiles.CommittedPlatform, PlatformProvider.Name, host);
        Assert.NotEqual(0, code);
        Assert.Contains("a request to run qc_nirs on a dataset", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunCliAsync(string pactFile, string provider, ProviderHost host)
    {
        var start = new ProcessStartInfo(RepoPaths.PactCli)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                "verifier", "--file", pactFile, "--hostname", "127.0.0.1", "--port", host.BaseAddress.Port.ToString(CultureInfo.InvariantCulture),
                "--provider-name", provider, "--state-change-url", host.StateUri.ToString(), "--state-change-teardown", "--no-colour",
            },
        };
        start.Environment["PACT_DO_NOT_TRACK"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}

using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace Kernel.Contracts.Pact.Tests;

/// <summary>The standalone <c>pact</c> CLI (a separate build of the same core) reads our pact files and agrees with our verifier.</summary>
public sealed class CliCrossCheckTests
{
    [Fact]
    public async Task Pact_cli_verifies_the_pact_written_by_the_consumer_binding()
    {
        var cli = FindCli();
        var pact = SessionsPact.Create(TestPaths.NewPactDir()).WithSessionInteraction();
        await pact.VerifyAsync(async ctx =>
        {
            using var client = new HttpClient { BaseAddress = ctx.MockServerUri };
            using var request = new HttpRequestMessage(HttpMethod.Get, "sessions/42?verbose=true");
            request.Headers.Add("Accept", "application/json");
            (await client.SendAsync(request)).Dispose();
        });

        await using var good = await TestProvider.StartAsync();
        await using var bad = await TestProvider.StartAsync(nameField: "title");

        var (passCode, passOutput) = await RunCliAsync(cli, pact.PactFilePath, good);
        var (failCode, failOutput) = await RunCliAsync(cli, pact.PactFilePath, bad);

        Assert.True(passCode == 0, passOutput);
        Assert.NotEqual(0, failCode);
        Assert.Contains("missing the following keys: name", failOutput, StringComparison.Ordinal);
        Assert.Contains(good.StateCalls, c => c.Action == "teardown");
    }

    private static async Task<(int ExitCode, string Output)> RunCliAsync(string cli, string pactFile, TestProvider provider)
    {
        var start = new ProcessStartInfo(cli)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                "verifier", "--file", pactFile, "--hostname", "127.0.0.1", "--port", provider.BaseUri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--provider-name", SessionsPact.Provider, "--state-change-url", provider.StateUri.ToString(), "--state-change-teardown", "--no-colour",
            },
        };
        start.Environment["PACT_DO_NOT_TRACK"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string FindCli()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "node_modules", "@pact-foundation", "pact-cli-linux-x64", "standalone", "pact");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("The standalone pact CLI is missing: run `npm ci` in the repository root.");
    }
}

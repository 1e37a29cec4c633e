using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Kernel.Contracts.Contracts.Tests;
using Kernel.Contracts.Pact.Verifier;

namespace Kernel.Contracts.Bench.Verification;

/// <summary>
/// Wall time to verify each committed pact against its reference server (the contract tests' provider hosts, with
/// their provider-state endpoint): our in-process binding of the Pact core against the standalone <c>pact verifier</c>
/// CLI on the same pact and a host of the same kind. A fresh host per run (its start is not timed), so every run
/// starts from the same state.
/// </summary>
public static class VerificationTimer
{
    public sealed record Row(string Pact, int Interactions, Samples Binding, Samples Cli);

    public static readonly (string Pact, string Provider, Func<Task<ProviderHost>> Start)[] Pacts =
    [
        ("kernel-platform-client-kernel-platform-api.json", PlatformProvider.Name, () => PlatformProvider.StartAsync()),
        ("kernel-sessions-client-kernel-sessions-api.json", SessionsProvider.Name, SessionsProvider.StartAsync),
    ];

    /// <summary>One verification through our binding; throws when it does not pass.</summary>
    public static async Task<int> BindingOnceAsync(string pactFile, string provider, Func<Task<ProviderHost>> start, Action<TimeSpan>? timed = null)
    {
        await using var host = await start().ConfigureAwait(false);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await new PactVerifier(provider, new PactVerifierOptions { RequestTimeout = TimeSpan.FromSeconds(10) })
            .WithHttpEndpoint(host.BaseAddress)
            .WithFileSource(pactFile)
            .WithProviderStateUrl(host.StateUri, teardown: true)
            .VerifyAsync().ConfigureAwait(false);
        timed?.Invoke(watch.Elapsed);
        return result.Passed ? result.Interactions.Count : throw new InvalidOperationException("Verification failed: " + result);
    }

    /// <summary>One verification through the pact CLI; throws when it does not pass.</summary>
    public static async Task CliOnceAsync(string pactFile, string provider, Func<Task<ProviderHost>> start, Action<TimeSpan>? timed = null)
    {
        await using var host = await start().ConfigureAwait(false);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var run = await ProcessRun.RunAsync(
            BenchPaths.PactCli,
            [
                "verifier", "--file", pactFile, "--hostname", "127.0.0.1", "--port", host.BaseAddress.Port.ToString(CultureInfo.InvariantCulture),
                "--provider-name", provider, "--state-change-url", host.StateUri.ToString(), "--state-change-teardown", "--no-colour",
            ],
            new Dictionary<string, string> { ["PACT_DO_NOT_TRACK"] = "true" }).ConfigureAwait(false);
        timed?.Invoke(watch.Elapsed);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException("pact verifier exited " + run.ExitCode + ": " + run.Output);
        }
    }

    public static async Task<IReadOnlyList<Row>> MeasureAsync(int runs, TextWriter log)
    {
        var rows = new List<Row>();
        foreach (var (pact, provider, start) in Pacts)
        {
            var file = Path.Combine(BenchPaths.Pacts, pact);
            var interactions = await BindingOnceAsync(file, provider, start).ConfigureAwait(false);
            await CliOnceAsync(file, provider, start).ConfigureAwait(false);
            var binding = new List<double>();
            var cli = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                await BindingOnceAsync(file, provider, start, t => binding.Add(t.TotalSeconds)).ConfigureAwait(false);
                await CliOnceAsync(file, provider, start, t => cli.Add(t.TotalSeconds)).ConfigureAwait(false);
            }

            var row = new Row(pact, interactions, new Samples(binding), new Samples(cli));
            log.WriteLine($"{pact}: binding {row.Binding}, CLI {row.Cli}");
            rows.Add(row);
        }

        return rows;
    }

    public static string Table(IReadOnlyList<Row> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| pact | interactions | in-process binding: median (min–max) | `pact verifier` CLI: median (min–max) | binding / CLI |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Pact} | {row.Interactions} | {row.Binding} | {row.Cli} | {row.Binding.Median / row.Cli.Median:0.00} |"));
        }

        return text.ToString();
    }
}

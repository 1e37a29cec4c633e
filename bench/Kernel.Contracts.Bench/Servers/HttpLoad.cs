using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Kernel.Contracts.Bench.Servers;

/// <summary>One server listening on a free loopback port through Kestrel, as a deployed service would.</summary>
public sealed class KestrelServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>http://127.0.0.1:PORT — loopback only.</summary>
    public Uri Address { get; }

    public static async Task<KestrelServer> StartAsync(PlatformServerKind kind, PlatformData data, bool rootServices = false)
    {
        var app = PlatformServerApps.Build(kind, data, "http://127.0.0.1:0", rootServices);
        await app.StartAsync().ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new KestrelServer(app, new Uri(bound));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>What one load run measured: requests, the ones that were not 2xx, throughput and latency percentiles.</summary>
public sealed record LoadResult(string Tool, int Connections, double Seconds, long Requests, long Non2xx, long Errors, double RequestsPerSecond, double P50Ms, double P99Ms);

/// <summary>
/// Drives a server with <c>wrk</c> (Debian's, one thread, so the load generator costs both servers the same) or, where wrk
/// is not installed, with a small built-in loop of <see cref="HttpClient"/> connections: bounded in time, loopback only.
/// </summary>
public static partial class HttpLoad
{
    /// <summary>wrk on PATH, or null.</summary>
    public static string? FindWrk() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "wrk"))
            .FirstOrDefault(File.Exists);

    public static Task<LoadResult> RunAsync(string? wrk, Uri url, int connections, TimeSpan duration) =>
        wrk is null ? BuiltInAsync(url, connections, duration) : WrkAsync(wrk, url, connections, duration);

    /// <summary><c>wrk -t1 -cN -dS --latency</c> with the API key; its report parsed.</summary>
    public static async Task<LoadResult> WrkAsync(string wrk, Uri url, int connections, TimeSpan duration)
    {
        var seconds = Math.Max(1, (int)Math.Round(duration.TotalSeconds));
        var run = await ProcessRun.RunAsync(wrk, ["-t1", "-c" + connections.ToString(CultureInfo.InvariantCulture), "-d" + seconds.ToString(CultureInfo.InvariantCulture) + "s",
            "--timeout", "5s", "--latency", "-H", "Authorization: " + PlatformData.ApiKey, url.ToString()]).ConfigureAwait(false);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException("wrk exited " + run.ExitCode + ": " + run.Output);
        }

        return ParseWrk(run.Output, connections, seconds);
    }

    /// <summary>Reads wrk's --latency report (requests, non-2xx, socket errors, Requests/sec, the 50% and 99% lines).</summary>
    public static LoadResult ParseWrk(string output, int connections, double seconds)
    {
        var requests = long.Parse(Required(RequestsLine(), output), CultureInfo.InvariantCulture);
        var non2xx = NonSuccessLine().Match(output) is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var errors = SocketErrorsLine().Match(output) is { Success: true } e
            ? e.Groups.Cast<Group>().Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;
        var rps = double.Parse(Required(RequestsPerSecondLine(), output), CultureInfo.InvariantCulture);
        return new LoadResult("wrk", connections, seconds, requests, non2xx, errors, rps, Percentile(output, "50"), Percentile(output, "99"));
    }

    /// <summary>
    /// The fallback: <paramref name="connections"/> workers, each with its own connection, sending one request after another
    /// until the time is up; latencies of every request, percentiles over all.
    /// </summary>
    public static async Task<LoadResult> BuiltInAsync(Uri url, int connections, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", PlatformData.ApiKey);
        var latencies = new List<double>[connections];
        var non2xx = new long[connections];
        var errors = new long[connections];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            latencies[worker] = [];
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
                    if (!response.IsSuccessStatusCode)
                    {
                        non2xx[worker]++;
                    }
                }
                catch (HttpRequestException)
                {
                    errors[worker]++;
                }
                catch (TaskCanceledException)
                {
                    errors[worker]++;
                }

                latencies[worker].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        })).ConfigureAwait(false);
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult("built-in", connections, elapsed, all.Length, non2xx.Sum(), errors.Sum(), all.Length / elapsed, At(all, 0.50), At(all, 0.99));
    }

    private static double At(double[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];

    private static string Required(Regex pattern, string output) =>
        pattern.Match(output) is { Success: true } m ? m.Groups[1].Value : throw new FormatException("wrk's report lacks '" + pattern + "':\n" + output);

    /// <summary>"   50%  123.00us" → milliseconds.</summary>
    private static double Percentile(string output, string percent)
    {
        var match = Regex.Match(output, @"^\s*" + percent + @"%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (!match.Success)
        {
            throw new FormatException("wrk's report lacks the " + percent + "% latency line:\n" + output);
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"^\s*(\d+) requests in", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s*(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex NonSuccessLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex SocketErrorsLine();

    [GeneratedRegex(@"Requests/sec:\s*([\d.]+)", RegexOptions.CultureInvariant)]
    private static partial Regex RequestsPerSecondLine();
}

/// <summary>
/// The HTTP table: both servers listening at once on loopback, each operation at 1, 16 and 64 connections, the two servers
/// alternating within a run (so drift hits both alike), a warm-up of each before the first run.
/// </summary>
public static class HttpLoadTimer
{
    public sealed record Row(string Operation, int Connections, IReadOnlyList<LoadResult> Hand, IReadOnlyList<LoadResult> Stubs)
    {
        /// <summary>Stubs' requests/s over the hand-written API's, per run (each pair measured back to back).</summary>
        public IReadOnlyList<double> Ratios => Hand.Zip(Stubs, (h, s) => s.RequestsPerSecond / h.RequestsPerSecond).ToArray();
    }

    public static readonly IReadOnlyDictionary<string, string> Operations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["listDatasets"] = ServerBenchmarks.ListPath,
        ["getPipelineStatus"] = ServerBenchmarks.StatusPath,
    };

    /// <param name="rootServices">The experiment: the stubs' requests use the root service provider (no DI scope per request).</param>
    public static async Task<IReadOnlyList<Row>> MeasureAsync(string? wrk, IReadOnlyList<int> connections, TimeSpan duration, int runs, TextWriter log, bool rootServices = false)
    {
        var data = new PlatformData(100);
        await using var hand = await KestrelServer.StartAsync(PlatformServerKind.HandWrittenMinimalApi, data).ConfigureAwait(false);
        await using var stubs = await KestrelServer.StartAsync(PlatformServerKind.GeneratedStubs, data, rootServices).ConfigureAwait(false);
        var rows = new List<Row>();
        foreach (var (operation, path) in Operations)
        {
            // Warm-up: JIT and tiering of both servers' paths, not measured.
            await HttpLoad.RunAsync(wrk, new Uri(hand.Address, path), 16, TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            await HttpLoad.RunAsync(wrk, new Uri(stubs.Address, path), 16, TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            foreach (var c in connections)
            {
                var handRuns = new List<LoadResult>();
                var stubRuns = new List<LoadResult>();
                for (var i = 0; i < runs; i++)
                {
                    handRuns.Add(await HttpLoad.RunAsync(wrk, new Uri(hand.Address, path), c, duration).ConfigureAwait(false));
                    stubRuns.Add(await HttpLoad.RunAsync(wrk, new Uri(stubs.Address, path), c, duration).ConfigureAwait(false));
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{operation} c={c} run {i + 1}: hand {handRuns[^1].RequestsPerSecond:0} req/s, stubs {stubRuns[^1].RequestsPerSecond:0} req/s"));
                }

                rows.Add(new Row(operation, c, handRuns, stubRuns));
            }
        }

        return rows;
    }

    public static string Table(IReadOnlyList<Row> rows, string tool, TimeSpan duration, int runs)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Load: {tool}, {duration.TotalSeconds:0} s per run, {runs} runs per row; median (min–max) over the runs."));
        text.AppendLine();
        text.AppendLine("| operation | connections | server | requests/s | p50 latency | p99 latency | non-2xx | stubs / hand-written (requests/s) per run |");
        text.AppendLine("|---|---:|---|---:|---:|---:|---:|---|");
        foreach (var row in rows)
        {
            foreach (var (name, results) in new[] { ("HandWrittenMinimalApi", row.Hand), ("GeneratedStubs", row.Stubs) })
            {
                var ratios = name == "GeneratedStubs"
                    ? "**" + Median(row.Ratios).ToString("0.00", CultureInfo.InvariantCulture) + "** (" + string.Join(", ", row.Ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture))) + ")"
                    : "1.00";
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {row.Operation} | {row.Connections} | {name} | {Spread(results.Select(r => r.RequestsPerSecond), "0")} | {Spread(results.Select(r => r.P50Ms), "0.00")} ms | {Spread(results.Select(r => r.P99Ms), "0.00")} ms | {results.Sum(r => r.Non2xx + r.Errors)} | {ratios} |"));
            }
        }

        return text.ToString();
    }

    private static double Median(IEnumerable<double> values) => new Samples(values.ToArray()).Median;

    private static string Spread(IEnumerable<double> values, string format)
    {
        var samples = new Samples(values.ToArray());
        return samples.Median.ToString(format, CultureInfo.InvariantCulture) + " (" + samples.Min.ToString(format, CultureInfo.InvariantCulture) + "–" + samples.Max.ToString(format, CultureInfo.InvariantCulture) + ")";
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace Kernel.Contracts.Bench;

/// <summary>Wall-clock samples of a whole operation (a process, a verification), summarised as median and range.</summary>
public sealed record Samples(IReadOnlyList<double> Seconds)
{
    public double Median
    {
        get
        {
            var sorted = Seconds.OrderBy(s => s).ToArray();
            return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }

    public double Min => Seconds.Count == 0 ? double.NaN : Seconds.Min();

    public double Max => Seconds.Count == 0 ? double.NaN : Seconds.Max();

    /// <summary>"1.234 s (1.200–1.300, n=5)".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Median:0.000} s ({Min:0.000}–{Max:0.000}, n={Seconds.Count})");

    public static async Task<Samples> TakeAsync(int count, Func<Task> run)
    {
        var list = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await run().ConfigureAwait(false);
            list.Add(watch.Elapsed.TotalSeconds);
        }

        return new Samples(list);
    }
}

/// <summary>One child process: its exit code and what it printed.</summary>
public sealed record ProcessRun(int ExitCode, string Output)
{
    public static async Task<ProcessRun> RunAsync(string file, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start " + file);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        return new ProcessRun(process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }
}

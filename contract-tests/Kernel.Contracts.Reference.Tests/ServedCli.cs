using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Contracts.Cli;
using Xunit;

namespace Kernel.Contracts.Reference.Tests;

/// <summary>`kernel-contracts serve …` running in this process until disposed, as a user would start it.</summary>
public sealed class ServedCli : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private Task<int> _run = Task.FromResult(0);

    public Uri Address { get; private set; } = null!;

    public string Output => _output.ToString();

    public static async Task<ServedCli> StartAsync(params string[] args)
    {
        var served = new ServedCli();
        served._run = KernelContractsCommand.InvokeAsync(["serve", "--urls", "http://127.0.0.1:0", .. args], TextWriter.Synchronized(served._output), served._error, served._stop.Token);
        for (var i = 0; i < 400; i++)
        {
            var match = Regex.Match(served.Output, "listening on (http://127\\.0\\.0\\.1:\\d+)");
            if (match.Success)
            {
                served.Address = new Uri(match.Groups[1].Value + "/");
                return served;
            }

            Assert.False(served._run.IsCompleted, "serve ended: " + served.Output + served._error);
            await Task.Delay(50);
        }

        throw new TimeoutException("serve printed no listening line: " + served.Output + served._error);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(TimeSpan.FromSeconds(30));
        _stop.Dispose();
    }
}

/// <summary>Runs <c>kernel-contracts</c> in this process and keeps what it printed.</summary>
public static class CliRun
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await KernelContractsCommand.InvokeAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}

using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Kernel.Contracts.Cli;

/// <summary>The <c>kernel-contracts</c> command line: <c>serve</c>, <c>verify</c> and <c>generate</c>.</summary>
public static class KernelContractsCommand
{
    /// <summary>Parses <paramref name="args"/> and runs the command; returns the exit code.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Where the listening address, credentials and request lines go.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="cancellationToken">Stops a running server (besides Ctrl+C).</param>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var root = Build(output, error);
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false };
        try
        {
            var code = await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);

            // A wrong option means the command could not run: 2, as for an unreachable provider (1 is a failed check).
            return parse.Errors.Count > 0 && code != 0 ? 2 : code;
        }
        catch (Kernel.Contracts.Pact.PactNativeLibraryNotFoundException e)
        {
            // The command cannot run at all here, like an unreachable provider or a missing pact.
            await error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return 2;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return 1;
        }
    }

    private static RootCommand Build(TextWriter output, TextWriter error) =>
        new("Reference servers for the Kernel Platform and Kernel Sessions APIs, and contract verification of any implementation.")
        {
            ServeCommand.Create(output, error),
            VerifyCommand.Create(output, error),
            CheckPactsCommand.Create(output, error),
            ProbeCommand.Create(output, error),
            ReportCommand.Create(output, error),
            GenerateCommand.Create(output, error),
            DiffCommand.Create(output, error),
        };
}

using System;
using System.Threading;
using System.Threading.Tasks;

namespace Kernel.Contracts.Cli;

/// <summary>The entry point of <c>kernel-contracts</c>.</summary>
public static class Program
{
    /// <summary>Runs the command line.</summary>
    public static Task<int> Main(string[] args) => KernelContractsCommand.InvokeAsync(args, Console.Out, Console.Error, CancellationToken.None);
}

using System;
using System.Threading;
using System.Threading.Tasks;

namespace Kernel.Contracts.Build;

/// <summary>The entry point of the build tool that build.cake runs.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => BuildCommands.InvokeAsync(args, Console.Out, Console.Error, CancellationToken.None);
}

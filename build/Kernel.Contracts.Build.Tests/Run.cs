using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Kernel.Contracts.Build.Tests;

/// <summary>Runs a command of the build tool in process, as build.cake runs it, and keeps what it printed.</summary>
internal sealed record Run(int Exit, string Output, string Error)
{
    public static async Task<Run> ToolAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await BuildCommands.InvokeAsync(args, output, error, CancellationToken.None);
        return new Run(exit, output.ToString(), error.ToString());
    }

    /// <summary>The line build.cake puts in its summary.</summary>
    public string LastLine => Output.TrimEnd().Split('\n')[^1].TrimEnd('\r');
}

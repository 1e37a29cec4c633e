using System;
using System.IO;
using Xunit;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Kernel.Contracts.Contracts.Tests;

/// <summary>Where the repository's files are.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Kernel.Contracts.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Kernel.Contracts.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    /// <summary>The committed pacts: <c>contract-tests/pacts</c>.</summary>
    public static string CommittedPacts => Path.Combine(Root, "contract-tests", "pacts");

    /// <summary>The standalone pact CLI installed by <c>npm ci</c>.</summary>
    public static string PactCli
    {
        get
        {
            var cli = Path.Combine(Root, "node_modules", "@pact-foundation", "pact-cli-linux-x64", "standalone", "pact");
            return File.Exists(cli) ? cli : throw new FileNotFoundException("The standalone pact CLI is missing: run `npm ci` in the repository root.", cli);
        }
    }

    // Cleared once per run, so the folders of earlier runs do not pile up.
    private static readonly Lazy<string> ScratchRoot = new(() =>
    {
        var root = Path.Combine(AppContext.BaseDirectory, "pact-scratch");
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        return root;
    });

    /// <summary>A fresh folder under the test output, for pacts that must not mix with others.</summary>
    public static string NewScratchDir(string name)
    {
        var directory = Path.Combine(ScratchRoot.Value, name + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }
}

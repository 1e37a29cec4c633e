using System;
using System.IO;

namespace Kernel.Contracts.Pact.Tests;

/// <summary>Fresh, per-test pact folders, so merging pact files never mixes tests.</summary>
internal static class TestPaths
{
    internal static string NewPactDir()
    {
        var directory = NewPactDirPath();
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>A fresh folder path, not created (for pacts that are never written).</summary>
    internal static string NewPactDirPath() =>
        Path.Combine(AppContext.BaseDirectory, "pacts", Guid.NewGuid().ToString("N"));
}

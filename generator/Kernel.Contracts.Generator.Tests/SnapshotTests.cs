using System;
using System.IO;
using System.Linq;
using Xunit;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>
/// The generated files for our two documents, checked in under Snapshots/. A difference fails and writes
/// the new text beside the snapshot as *.received.cs; run with UPDATE_SNAPSHOTS=1 to accept it.
/// </summary>
public class SnapshotTests
{
    [Theory]
    [InlineData("kernel-platform.openapi.yaml", "Kernel.Platform.Client", "KernelPlatform")]
    [InlineData("kernel-sessions.openapi.yaml", "Kernel.Sessions.Client", "KernelSessions")]
    public void Generated_files_match_their_snapshots(string file, string ns, string clientName)
    {
        // As a consumer gets them: without this repository's KernelContractsNullableWarnings.
        var result = GeneratorHarness.RunAsShipped(GeneratorHarness.FromFile(GeneratorHarness.SpecPath(file), ns, "Models;Client;Server", clientName));
        var folder = Path.Combine(GeneratorHarness.RepoRoot, "generator", "Kernel.Contracts.Generator.Tests", "Snapshots", Path.GetFileNameWithoutExtension(file).Replace(".openapi", string.Empty, StringComparison.Ordinal));
        var update = Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";
        Directory.CreateDirectory(folder);

        var mismatches = new System.Collections.Generic.List<string>();
        var expectedNames = Directory.GetFiles(folder, "*.verified.cs").Select(Path.GetFileName).ToHashSet();
        foreach (var source in result.Run.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            var name = source.HintName.Replace(".g.cs", ".verified.cs", StringComparison.Ordinal);
            var path = Path.Combine(folder, name);
            var actual = Scrub(source.SourceText.ToString());
            expectedNames.Remove(name);
            if (update)
            {
                File.WriteAllText(path, actual);
                continue;
            }

            var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
            if (expected != actual)
            {
                File.WriteAllText(Path.ChangeExtension(path, null).Replace(".verified", ".received", StringComparison.Ordinal) + ".cs", actual);
                mismatches.Add(name + (expected is null ? " (new)" : " (changed)"));
            }
        }

        mismatches.AddRange(update ? Array.Empty<string>() : expectedNames.Select(n => n + " (no longer generated)"));
        Assert.True(mismatches.Count == 0, "Snapshots differ in " + folder + ": " + string.Join(", ", mismatches) + ". Compare the *.received.cs files; run with UPDATE_SNAPSHOTS=1 to accept.");
    }

    /// <summary>The generator's version changes with every release; the snapshots should not.</summary>
    private static string Scrub(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text.ReplaceLineEndings("\n"), "GeneratedCode\\(\"Kernel.Contracts.Generator\", \"[^\"]+\"\\)", "GeneratedCode(\"Kernel.Contracts.Generator\", \"{version}\")");
}

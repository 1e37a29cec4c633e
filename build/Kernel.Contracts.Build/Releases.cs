using System;
using System.IO;
using System.Linq;

namespace Kernel.Contracts.Build;

/// <summary>The released documents in <c>spec/releases/&lt;version&gt;/</c>: the baseline <c>diff</c> compares against.</summary>
internal static class Releases
{
    /// <summary>The folder name of the newest release, by version number (0.10.0 after 0.9.0, 0.2.0 after 0.2.0-beta).</summary>
    public static string Newest(string folder)
    {
        if (!Directory.Exists(folder)) throw new BuildStepException($"no releases folder at '{folder}'");

        var releases = Directory.GetDirectories(folder).Select(Path.GetFileName).OfType<string>().Select(name =>
            Version.TryParse(name.Split('-')[0], out var version) ? (name, version)
                : throw new BuildStepException($"{Path.Combine(folder, name)}: '{name}' is not a version (expected e.g. 0.1.0)")).ToList();
        if (releases.Count == 0) throw new BuildStepException($"no release in '{folder}' (expected a folder per version, e.g. 0.1.0)");

        // A release comes after its own pre-releases (0.2.0 after 0.2.0-beta).
        return releases.OrderBy(r => r.version).ThenBy(r => !r.name.Contains('-', StringComparison.Ordinal)).ThenBy(r => r.name, StringComparer.Ordinal).Last().name;
    }
}

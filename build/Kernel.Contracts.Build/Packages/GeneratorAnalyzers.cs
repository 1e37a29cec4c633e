using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Kernel.Contracts.Build.Packages;

/// <summary>
/// Which copy of the generator a consumer's compiler loads: the <c>Analyzer</c> items of a project that references the
/// package, as <c>dotnet msbuild -getItem:Analyzer -getResultOutputFile:F</c> writes them. The package's build targets
/// hand a .NET compiler the ReadyToRun copy for its platform (<c>readytorun/&lt;rid&gt;/</c>) and leave the IL
/// (<c>analyzers/dotnet/cs/</c>) everywhere else.
/// </summary>
internal static class GeneratorAnalyzers
{
    /// <summary>The package folder the analyzers must come from: this machine's ReadyToRun copy, or the IL.</summary>
    public static string Folder(bool readyToRun) =>
        readyToRun ? $"readytorun/{ShippedPackages.GeneratorCopyRid(RuntimeInformation.RuntimeIdentifier)}/" : "analyzers/dotnet/cs/";

    /// <summary>The problems with the generator's analyzers in <paramref name="itemsJson"/>: none when they all come from <paramref name="folder"/>.</summary>
    public static IReadOnlyList<string> Check(string itemsJson, string folder, out int count)
    {
        var paths = Paths(itemsJson);
        count = paths.Count;
        if (paths.Count == 0) return [$"the project loads no analyzer of {ShippedPackages.Generator}"];
        return paths.Where(p => !p.Contains("/" + folder, StringComparison.OrdinalIgnoreCase))
            .Select(p => $"{p} is loaded, not the copy under {folder}")
            .ToList();
    }

    // The paths of the package's Analyzer items ('/' separators).
    private static List<string> Paths(string itemsJson)
    {
        try
        {
            using var json = JsonDocument.Parse(itemsJson);
            if (!json.RootElement.TryGetProperty("Items", out var items) || !items.TryGetProperty("Analyzer", out var analyzers) || analyzers.ValueKind != JsonValueKind.Array)
            {
                throw new BuildStepException("no Items.Analyzer list (write it with dotnet msbuild -getItem:Analyzer -getResultOutputFile:FILE)");
            }

            return analyzers.EnumerateArray()
                .Where(a => a.TryGetProperty("NuGetPackageId", out var id) && id.GetString() == ShippedPackages.Generator)
                .Select(a => a.GetProperty("FullPath").GetString()!.Replace('\\', '/'))
                .ToList();
        }
        catch (JsonException e)
        {
            throw new BuildStepException($"the analyzer list is not JSON ({e.Message})");
        }
    }
}

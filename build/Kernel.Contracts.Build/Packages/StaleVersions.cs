using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Kernel.Contracts.Build.Packages;

/// <summary>Versions in install snippets that are not the current one.</summary>
internal static class StaleVersions
{
    // <PackageReference Include="Kernel.…" Version="…" /> and dotnet tool install Kernel.… --version …
    private static readonly Regex InstallSnippet = new("Include=\"Kernel\\.[^\"]+\"\\s+Version=\"([^\"]+)\"|Kernel\\.[A-Za-z.]+ --version ([^\\s]+)", RegexOptions.CultureInvariant);

    public static IEnumerable<string> In(string markdown, string version) =>
        InstallSnippet.Matches(markdown)
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .Where(v => v != version)
            .Distinct();
}

using System;
using System.Text.RegularExpressions;

namespace Kernel.Contracts.Build.Packages;

/// <summary>The project's public address (<c>KernelContractsProjectUrl</c>): empty until there is one, never invented.</summary>
internal static class ProjectAddress
{
    private static readonly Regex DocumentationOrLocalHost = new(@"(^|\.)(example\.(com|org|net)|localhost|invalid|test)$|^127\.", RegexOptions.CultureInvariant);
    private static readonly Regex PlaceholderWords = new("placeholder|your-?org|changeme", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>An address that cannot be the project's: not absolute https, or a documentation, local or made-up host.</summary>
    public static bool IsPlaceholder(string url) =>
        url.Length > 0 && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
            || DocumentationOrLocalHost.IsMatch(uri.Host) || PlaceholderWords.IsMatch(url));
}

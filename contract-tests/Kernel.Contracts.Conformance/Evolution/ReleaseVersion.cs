using System;
using System.Globalization;

namespace Kernel.Contracts.Conformance.Evolution;

/// <summary>
/// The SemVer rule for the generated packages: a breaking change needs a new major version. Below 1.0 the first
/// non-zero component plays the major's part (0.1 → 0.2 is major), as Cargo and npm's caret ranges read it.
/// </summary>
public static class ReleaseVersion
{
    /// <summary>Whether <paramref name="current"/> is a major step from <paramref name="released"/>.</summary>
    /// <exception cref="FormatException">A version is not <c>major.minor.patch</c>.</exception>
    public static bool IsMajorStep(string released, string current)
    {
        var (r, c) = (Parse(released), Parse(current));
        return r.Major == 0 && c.Major == 0 ? c.Minor > r.Minor || (r.Minor == 0 && c.Minor == 0 && c.Build > r.Build) : c.Major > r.Major;
    }

    private static Version Parse(string text)
    {
        var core = text.Split('-', '+')[0];
        return Version.TryParse(core, out var version) && version.Build >= 0 && version.Revision < 0
            ? version
            : throw new FormatException($"'{text}' is not a version of the form major.minor.patch.");
    }

    /// <summary>The version to suggest after <paramref name="released"/> for a bump (<c>major</c>, <c>minor</c>, <c>patch</c>).</summary>
    public static string Next(string released, string bump)
    {
        var v = Parse(released);
        var zero = v.Major == 0;
        return bump switch
        {
            "major" when zero => string.Create(CultureInfo.InvariantCulture, $"0.{v.Minor + 1}.0"),
            "major" => string.Create(CultureInfo.InvariantCulture, $"{v.Major + 1}.0.0"),
            "minor" when zero => string.Create(CultureInfo.InvariantCulture, $"0.{v.Minor}.{v.Build + 1}"),
            "minor" => string.Create(CultureInfo.InvariantCulture, $"{v.Major}.{v.Minor + 1}.0"),
            "patch" => string.Create(CultureInfo.InvariantCulture, $"{v.Major}.{v.Minor}.{v.Build + 1}"),
            _ => released,
        };
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Kernel.Contracts.Build.Corpus;

/// <summary>The generator's own figures for one document, as <c>kernel-contracts generate</c> prints them.</summary>
internal sealed record GenerateStats(int Files, long Bytes, int Operations, int Schemas)
{
    // generate: 12 files (34567 bytes) in /x: 12 written, 0 unchanged, 0 stale removed[, 1 errors]; 5 operations, 9 schemas
    private static readonly Regex Line = new(@"generate: (\d+) files \((\d+) bytes\).*; (\d+) operations, (\d+) schemas", RegexOptions.CultureInvariant);

    /// <summary>The figures from the tool's output, or null when it printed none (it failed before writing).</summary>
    public static GenerateStats? Parse(string output)
    {
        var match = Line.Match(output);
        if (!match.Success) return null;
        int Int(int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        return new GenerateStats(Int(1), long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), Int(3), Int(4));
    }
}

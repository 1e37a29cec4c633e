using System.Collections.Generic;
using System.Globalization;

namespace Kernel.Contracts.Generator.Emitting;

/// <summary>
/// The regular expressions a generated class uses, each emitted once as a static field
/// (<c>Pattern0</c>, <c>Pattern1</c>, …) and referred to by name.
/// </summary>
internal sealed class PatternTable
{
    private readonly List<string> _patterns = new();

    /// <summary>The field that holds <paramref name="pattern"/>, or <c>null</c> (the C# literal) for none.</summary>
    public string Field(string? pattern)
    {
        if (pattern is null)
        {
            return "null";
        }

        var index = _patterns.IndexOf(pattern);
        if (index < 0)
        {
            _patterns.Add(pattern);
            index = _patterns.Count - 1;
        }

        return "Pattern" + index.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Writes the fields; patterns that check input get a match timeout against runaway expressions.</summary>
    public void EmitFields(SourceWriter w, bool withTimeout)
    {
        for (var i = 0; i < _patterns.Count; i++)
        {
            w.Line("private static readonly System.Text.RegularExpressions.Regex Pattern" + i + " = new System.Text.RegularExpressions.Regex("
                + Naming.Literal(_patterns[i]) + ", System.Text.RegularExpressions.RegexOptions.CultureInvariant"
                + (withTimeout ? ", System.TimeSpan.FromSeconds(1)" : string.Empty) + ");");
        }

        if (_patterns.Count > 0)
        {
            w.Line();
        }
    }
}

/// <summary>C# literals of schema numbers.</summary>
internal static class NumberLiterals
{
    public static string Int(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    /// <summary>A <c>decimal</c> literal (<c>1.5m</c>) of a schema's minimum or maximum, or <c>null</c>.</summary>
    public static string Decimal(string? value) =>
        value is not null && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d.ToString(CultureInfo.InvariantCulture) + "m" : "null";
}

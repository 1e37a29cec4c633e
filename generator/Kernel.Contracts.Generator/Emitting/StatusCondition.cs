using System.Globalization;
using System.Linq;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Generator.Emitting;

/// <summary>The C# test of a status against a <see cref="StatusCoverage"/>: how generated clients and stubs apply <see cref="ResponseRule"/>.</summary>
internal static class StatusCondition
{
    /// <summary><c>status == 200</c>; <c>status &gt;= 400 &amp;&amp; status &lt;= 499 &amp;&amp; status is not (404)</c>; <c>false</c> for nothing.</summary>
    public static string Of(StatusCoverage coverage, string variable)
    {
        if (coverage.IsEmpty)
        {
            return "false";
        }

        if (coverage.From == coverage.To)
        {
            return variable + " == " + Number(coverage.From);
        }

        var text = variable + " >= " + Number(coverage.From) + " && " + variable + " <= " + Number(coverage.To);
        if (coverage.ExceptCodes.Count > 0)
        {
            text += " && " + variable + " is not (" + string.Join(" or ", coverage.ExceptCodes.Select(Number)) + ")";
        }

        foreach (var hundreds in coverage.ExceptClasses)
        {
            text += " && (" + variable + " < " + Number(hundreds * 100) + " || " + variable + " > " + Number(hundreds * 100 + 99) + ")";
        }

        return text;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

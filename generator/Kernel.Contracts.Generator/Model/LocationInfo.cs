using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Kernel.Contracts.Generator.Model;

/// <summary>
/// A place in an OpenAPI document kept as plain data (a <see cref="Location"/> holds a syntax tree or text,
/// which would defeat caching); it becomes a <see cref="Location"/> only when a diagnostic is reported.
/// Lines and columns are 0-based, as Roslyn counts them.
/// </summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    public Location ToLocation() =>
        Location.Create(
            FilePath,
            new TextSpan(Start, Length),
            new LinePositionSpan(new LinePosition(Line, Column), new LinePosition(EndLine, EndColumn)));

    public static LocationInfo StartOf(string filePath) => new(filePath, 0, 0, 0, 0, 0, 0);
}

/// <summary>A diagnostic as plain data: the descriptor's id, the message arguments and where.</summary>
internal sealed record DiagnosticInfo(string Id, EquatableArray<string> MessageArgs, LocationInfo Location)
{
    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(DiagnosticDescriptors.ById(Id), Location.ToLocation(), System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Cast<object>(MessageArgs)));
}

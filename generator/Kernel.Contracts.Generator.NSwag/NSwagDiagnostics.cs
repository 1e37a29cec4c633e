using Kernel.Contracts.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Kernel.Contracts.Generator.NSwag;

/// <summary>Every diagnostic the NSwag generator reports. IDs are stable; the package README lists them.</summary>
internal static class NSwagDiagnostics
{
    private const string Category = "Kernel.Contracts.NSwag";

    public static readonly DiagnosticDescriptor GenerationFailed = new(
        "KCGN001",
        "NSwag cannot generate a client from the document",
        "NSwag cannot generate a client from '{0}': {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SettingsFileUnusable = new(
        "KCGN002",
        "The NSwagSettings file cannot be used",
        "The NSwagSettings file '{0}' of '{1}' cannot be used: {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SettingIgnored = new(
        "KCGN003",
        "An NSwag setting is unknown or its value invalid",
        "The NSwag setting '{0}' of '{1}' is not applied: {2}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static DiagnosticDescriptor ById(string id) => id switch
    {
        "KCGN001" => GenerationFailed,
        "KCGN002" => SettingsFileUnusable,
        _ => SettingIgnored,
    };
}

/// <summary>A diagnostic as plain data (no <see cref="Location"/>), so pipeline outputs that hold it cache.</summary>
internal sealed record NSwagDiagnostic(string Id, EquatableArray<string> MessageArgs, string FilePath, int Line, int Column)
{
    public Diagnostic ToDiagnostic()
    {
        var position = new LinePosition(Line, Column);
        var location = Location.Create(FilePath, default, new LinePositionSpan(position, position));
        return Diagnostic.Create(NSwagDiagnostics.ById(Id), location, System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Cast<object>(MessageArgs)));
    }
}

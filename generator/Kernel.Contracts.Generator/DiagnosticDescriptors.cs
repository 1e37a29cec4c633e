using System;
using Microsoft.CodeAnalysis;

namespace Kernel.Contracts.Generator;

/// <summary>Every diagnostic the generator reports. IDs are stable; the README lists them.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Kernel.Contracts.OpenApi";

    // The README's diagnostics table, when the project's public address is configured; no link rather than an invented one.
    private static readonly string? HelpBase = ThisPackage.ProjectUrl.Length == 0 ? null : ThisPackage.ProjectUrl.TrimEnd('/') + "/blob/main/README.md#";

    public static readonly DiagnosticDescriptor SyntaxError = Create(
        "KCG001",
        "OpenAPI document is not valid YAML or JSON",
        "The OpenAPI document cannot be read: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidDocument = Create(
        "KCG002",
        "OpenAPI document is not valid OpenAPI",
        "The OpenAPI document is not valid: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnresolvedReference = Create(
        "KCG003",
        "Unresolved $ref",
        "The reference '{0}' cannot be resolved: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        "KCG004",
        "Unsupported OpenAPI construct",
        "{0} is not supported by the generator; {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidIdentifier = Create(
        "KCG005",
        "Name cannot become a C# identifier",
        "The name '{0}' cannot become a C# identifier; {1}",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor DuplicateOperationId = Create(
        "KCG006",
        "Duplicate operationId",
        "The operationId '{0}' is used more than once (also at {1}); each operation needs its own",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidMetadata = Create(
        "KCG007",
        "Invalid OpenApiSpec item metadata",
        "The OpenApiSpec item '{0}' has invalid metadata: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InternalError = Create(
        "KCG008",
        "The generator failed on part of the document",
        "The generator failed while processing {0}: {1}; please report this with the document",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MissingOperationId = Create(
        "KCG009",
        "Operation without operationId",
        "The operation {0} has no operationId; the method is named '{1}' after its path (add an operationId to choose the name)",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor ServerNeedsAspNetCore = Create(
        "KCG010",
        "Server stubs need ASP.NET Core",
        "Generate includes Server for '{0}', but the project does not reference ASP.NET Core; add <FrameworkReference Include=\"Microsoft.AspNetCore.App\" /> (or use the Web SDK)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FakersNeedBogus = Create(
        "KCG011",
        "Fakers need Bogus",
        "Generate includes Fakers for '{0}', but the project does not reference Bogus; add <PackageReference Include=\"Bogus\" />",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ForeignKeyword = Create(
        "KCG012",
        "Keyword not part of the document's OpenAPI version",
        "{0}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor[] All =
    {
        SyntaxError, InvalidDocument, UnresolvedReference, UnsupportedConstruct, InvalidIdentifier,
        DuplicateOperationId, InvalidMetadata, InternalError, MissingOperationId, ServerNeedsAspNetCore, FakersNeedBogus,
        ForeignKeyword,
    };

    public static DiagnosticDescriptor ById(string id) =>
        Array.Find(All, d => d.Id == id) ?? throw new ArgumentException("Unknown diagnostic id " + id, nameof(id));

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase is null ? null : HelpBase + id.ToLowerInvariant());
}

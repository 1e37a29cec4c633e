using Kernel.Contracts.Generator.Model;

namespace Kernel.Contracts.Generator.NSwag;

/// <summary>
/// One <c>OpenApiSpec</c> item with <c>Generate="NSwagClient"</c>, reduced to strings: the document, the
/// <c>openApiToCSharpClient</c> settings read from its <c>.nswag</c> file (if any) and the settings given as item
/// metadata. Only equatable values, so the generator re-runs exactly when one of them changes.
/// </summary>
internal sealed record NSwagRequest(
    string Path,
    string Text,
    string? SettingsFile,
    string? SettingsFileText,
    EquatableArray<NSwagSetting> Metadata,
    string? DefaultNamespace,
    string? ProjectDirectory);

/// <summary>An NSwag setting by its <c>.nswag</c> name (e.g. <c>className</c>), with its value as text.</summary>
internal sealed record NSwagSetting(string Name, string Value);

/// <summary>What one request produced: the file's hint name and source (none when NSwag failed), and diagnostics.</summary>
internal sealed record NSwagResult(string? HintName, string? Source, EquatableArray<NSwagDiagnostic> Diagnostics);

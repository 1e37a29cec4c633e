using System;
using System.IO;
using System.Linq;
using Kernel.Contracts.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Kernel.Contracts.Generator.NSwag;

/// <summary>
/// Runs NSwag's C# client generator on every <c>OpenApiSpec</c> item whose <c>Generate</c> includes <c>NSwagClient</c>.
/// Pipeline: spec items and <c>.nswag</c> files → one equatable request per item (text and settings as strings) →
/// NSwag's code; a request equal to the last one is not regenerated.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NSwagClientGenerator : IIncrementalGenerator
{
    /// <summary>The <c>Generate</c> kind this generator owns (Kernel.Contracts.Generator skips it).</summary>
    internal const string Kind = "NSwagClient";

    // Item metadata that are NSwag settings, by their MSBuild name; the setting is the same name in camelCase, as in a .nswag file.
    // The package's props make each visible to the compiler.
    private static readonly string[] MetadataSettings =
    {
        "ClassName", "Namespace", "JsonLibrary", "ClientBaseClass", "GenerateClientInterfaces", "UseBaseUrl",
        "GenerateExceptionClasses", "ExceptionClass", "GenerateDtoTypes",
    };

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var project = context.AnalyzerConfigOptionsProvider
            .Select((options, _) => new ProjectOptions(Get(options.GlobalOptions, "build_property.RootNamespace"), Get(options.GlobalOptions, "build_property.MSBuildProjectDirectory")))
            .WithTrackingName(TrackingNames.ProjectOptions);

        var items = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select((input, cancellationToken) =>
            {
                var (file, options) = input;
                var metadata = options.GetOptions(file);
                if (!string.Equals(Get(metadata, "build_metadata.AdditionalFiles.OpenApiSpec"), "true", StringComparison.OrdinalIgnoreCase)
                    || !IsNSwagClient(Get(metadata, "build_metadata.AdditionalFiles.OpenApiGenerate")))
                {
                    return null;
                }

                var settings = MetadataSettings
                    .Select(name => (name, value: Get(metadata, "build_metadata.AdditionalFiles." + name)))
                    .Where(s => s.value is not null)
                    .Select(s => new NSwagSetting(char.ToLowerInvariant(s.name[0]) + s.name.Substring(1), s.value!))
                    .ToEquatableArray();
                var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
                return new SpecItem(file.Path, text, Get(metadata, "build_metadata.AdditionalFiles.NSwagSettings"), settings);
            })
            .Where(item => item is not null)
            .Select((item, _) => item!)
            .WithTrackingName(TrackingNames.SpecItems);

        var settingsFiles = context.AdditionalTextsProvider
            .Where(file => file.Path.EndsWith(".nswag", StringComparison.OrdinalIgnoreCase))
            .Select((file, cancellationToken) => new SettingsFile(Normalize(file.Path), file.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .Collect()
            .Select((files, _) => files.OrderBy(f => f.Path, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.SettingsFiles);

        var requests = items
            .Combine(settingsFiles)
            .Combine(project)
            .Select((input, _) =>
            {
                var ((item, files), options) = input;
                string? path = null;
                string? text = null;
                if (item.SettingsFile is { Length: > 0 } relative)
                {
                    path = Normalize(Path.Combine(options.ProjectDirectory ?? Path.GetDirectoryName(item.Path) ?? string.Empty, relative));
                    text = files.FirstOrDefault(f => string.Equals(f.Path, path, StringComparison.Ordinal))?.Text;
                }

                return new NSwagRequest(item.Path, item.Text, path, text, item.Metadata, options.RootNamespace, options.ProjectDirectory);
            })
            .WithTrackingName(TrackingNames.Requests);

        var results = requests
            .Select((request, cancellationToken) => NSwagCodeGenerator.Generate(request, cancellationToken))
            .WithTrackingName(TrackingNames.Results);

        context.RegisterSourceOutput(results, static (spc, result) =>
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (result.HintName is not null && result.Source is not null)
            {
                spc.AddSource(result.HintName, SourceText.From(result.Source, System.Text.Encoding.UTF8));
            }
        });
    }

    /// <summary>Whether a <c>Generate</c> list (separated by <c>;</c> or <c>,</c>) names <see cref="Kind"/>.</summary>
    internal static bool IsNSwagClient(string? generate) =>
        generate is not null && generate.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Any(p => string.Equals(p.Trim(), Kind, StringComparison.OrdinalIgnoreCase));

    private static string? Get(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private static string Normalize(string path) => Path.GetFullPath(path).Replace('\\', '/');

    private sealed record ProjectOptions(string? RootNamespace, string? ProjectDirectory);

    private sealed record SpecItem(string Path, string Text, string? SettingsFile, EquatableArray<NSwagSetting> Metadata);

    private sealed record SettingsFile(string Path, string Text);
}

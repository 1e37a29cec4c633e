using System.Linq;
using Kernel.Contracts.Generator.Emitting;
using Kernel.Contracts.Generator.Model;
using Kernel.Contracts.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Kernel.Contracts.Generator;

/// <summary>
/// Generates DTOs, clients and server stubs from the project's <c>OpenApiSpec</c> items.
/// Pipeline: spec files → (file, every other spec file) → parse into an equatable model → emit;
/// diagnostics travel in their own output so that moving an error does not re-emit code.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var rootNamespace = context.AnalyzerConfigOptionsProvider
            .Select((options, _) => options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var ns) ? ns : null);

        var specFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Combine(rootNamespace)
            .Select((input, cancellationToken) =>
            {
                var ((file, options), root) = input;
                var metadata = options.GetOptions(file);
                if (!metadata.TryGetValue("build_metadata.AdditionalFiles.OpenApiSpec", out var flag) || !string.Equals(flag, "true", System.StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
                return new SpecInput(file.Path, text, Get(metadata, "Namespace"), Get(metadata, "OpenApiGenerate"), Get(metadata, "ClientName"), root, Get(metadata, "OpenApiNoWarn"));
            })
            .Where(spec => spec is not null)
            .Select((spec, _) => spec!)
            .WithTrackingName(TrackingNames.SpecFiles);

        var requests = specFiles.Collect()
            .SelectMany((all, _) => all
                .OrderBy(s => s.Path, System.StringComparer.Ordinal)
                .Select(spec => new SpecRequest(spec, all.Where(o => o != spec).OrderBy(o => o.Path, System.StringComparer.Ordinal).ToEquatableArray())))
            .WithTrackingName(TrackingNames.SpecRequests);

        var parsed = requests
            .Select((request, _) => SpecParser.Parse(request))
            .WithTrackingName(TrackingNames.Parsed);

        var nullableWarnings = context.AnalyzerConfigOptionsProvider
            .Select((options, _) => options.GlobalOptions.TryGetValue("build_property.KernelContractsNullableWarnings", out var value)
                && string.Equals(value.Trim(), "true", System.StringComparison.OrdinalIgnoreCase));

        var facts = context.CompilationProvider
            .Combine(nullableWarnings)
            .Select((input, _) => new CompilationFacts(
                input.Left.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions") is not null,
                input.Left.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions") is not null,
                input.Left.GetTypeByMetadataName("Bogus.Faker") is not null,
                input.Right))
            .WithTrackingName(TrackingNames.CompilationFacts);

        var models = parsed
            .Select((result, _) => result.Model)
            .Where(model => model is not null)
            .Select((model, _) => model!)
            .WithTrackingName(TrackingNames.Models)
            .Combine(facts);

        context.RegisterSourceOutput(models, static (spc, input) =>
        {
            if ((input.Left.Kinds & GenerateKinds.Server) != 0 && !input.Right.HasAspNetCore)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ServerNeedsAspNetCore, Location.None, input.Left.Title));
            }

            if ((input.Left.Kinds & GenerateKinds.Fakers) != 0 && !input.Right.HasBogus)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FakersNeedBogus, Location.None, input.Left.Title));
            }

            try
            {
                foreach (var file in Emitter.Emit(input.Left, input.Right))
                {
                    spc.AddSource(file.HintName, SourceText.From(file.Text, System.Text.Encoding.UTF8));
                }
            }
#pragma warning disable CA1031 // The generator must never throw into the compiler.
            catch (System.Exception e) when (e is not System.OperationCanceledException)
#pragma warning restore CA1031
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, input.Left.Title, e.GetType().Name + ": " + e.Message));
            }
        });

        var diagnostics = parsed
            .Select((result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(diagnostics, static (spc, list) =>
        {
            foreach (var diagnostic in list)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });
    }

    private static string? Get(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options, string name) =>
        options.TryGetValue("build_metadata.AdditionalFiles." + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

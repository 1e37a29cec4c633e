using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Kernel.Contracts.Generator.Model;
using Kernel.Contracts.Generator.Parsing;

namespace Kernel.Contracts.Generator;

/// <summary>
/// Input to model: reads a spec item's metadata and document and builds the <see cref="ApiModel"/>.
/// Used by the source generator and by the <c>kernel-contracts generate</c> command alike.
/// </summary>
internal static class SpecParser
{
    public static ParseResult Parse(SpecRequest request)
    {
        var result = ParseDocument(request);
        return request.Spec.NoWarn is null ? result : result with { Diagnostics = WithoutSilenced(request.Spec, result.Diagnostics) };
    }

    // The item's NoWarn metadata silences warnings and messages about this document only (never errors), where
    // the project's NoWarn and .globalconfig silence them for every document.
    private static EquatableArray<DiagnosticInfo> WithoutSilenced(SpecInput spec, EquatableArray<DiagnosticInfo> diagnostics)
    {
        var silenced = new HashSet<string>(spec.NoWarn!.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(id => id.Trim()), StringComparer.OrdinalIgnoreCase);
        return diagnostics
            .Where(d => !silenced.Contains(d.Id) || DiagnosticDescriptors.ById(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .ToEquatableArray();
    }

    private static ParseResult ParseDocument(SpecRequest request)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var spec = request.Spec;
        try
        {
            var kinds = ParseKinds(spec, diagnostics);
            if (kinds == GenerateKinds.None)
            {
                return new ParseResult(null, diagnostics.ToEquatableArray());
            }

            var reader = new DocumentReader(request, diagnostics);
            var document = reader.Read();
            if (document is null)
            {
                return new ParseResult(null, diagnostics.ToEquatableArray());
            }

            var apiName = ApiName(spec, Schema.Scalar((document.Root["info"] as System.Text.Json.Nodes.JsonObject)?["title"]));
            var ns = Namespace(spec, apiName, diagnostics);
            var model = new ModelBuilder(document.Root, document.Is31, spec, reader.Locate, diagnostics).Build(ns, apiName, kinds);
            return new ParseResult(model, diagnostics.ToEquatableArray());
        }
#pragma warning disable CA1031 // The generator must never throw into the compiler.
        catch (Exception e)
#pragma warning restore CA1031
        {
            diagnostics.Add(new DiagnosticInfo(
                DiagnosticDescriptors.InternalError.Id,
                new[] { Path.GetFileName(spec.Path), e.GetType().Name + ": " + e.Message }.ToEquatableArray(),
                LocationInfo.StartOf(spec.Path)));
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }
    }

    /// <summary>The <c>Generate</c> kind that the Kernel.Contracts.Generator.NSwag package generates; this generator skips it.</summary>
    internal const string NSwagClientKind = "NSwagClient";

    private static GenerateKinds ParseKinds(SpecInput spec, List<DiagnosticInfo> diagnostics)
    {
        if (spec.Generate is null)
        {
            return GenerateKinds.Models | GenerateKinds.Client;
        }

        if (string.Equals(spec.Generate.Trim(), "None", StringComparison.OrdinalIgnoreCase))
        {
            // Only referenced by other documents.
            return GenerateKinds.None;
        }

        var kinds = GenerateKinds.None;
        foreach (var part in spec.Generate.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()))
        {
            if (Enum.TryParse<GenerateKinds>(part, ignoreCase: true, out var kind) && kind != GenerateKinds.None)
            {
                kinds |= kind;
            }
            else if (string.Equals(part, NSwagClientKind, StringComparison.OrdinalIgnoreCase))
            {
                // Owned by the Kernel.Contracts.Generator.NSwag package, which reads the same items.
            }
            else
            {
                diagnostics.Add(new DiagnosticInfo(
                    DiagnosticDescriptors.InvalidMetadata.Id,
                    new[] { Path.GetFileName(spec.Path), "Generate='" + spec.Generate + "': '" + part + "' is not one of Models, Client, Server, Fakers, Validators" }.ToEquatableArray(),
                    LocationInfo.StartOf(spec.Path)));
            }
        }

        // Every kind needs the models; the server stubs validate requests with the validators.
        if ((kinds & GenerateKinds.Server) != 0)
        {
            kinds |= GenerateKinds.Validators;
        }

        return kinds == GenerateKinds.None ? kinds : kinds | GenerateKinds.Models;
    }

    private static string ApiName(SpecInput spec, string? title)
    {
        var fromMetadata = Naming.Pascal(spec.ClientName ?? string.Empty);
        if (fromMetadata.Length > 0)
        {
            return fromMetadata;
        }

        var fromTitle = Naming.Pascal(title ?? string.Empty);
        if (fromTitle.EndsWith("Api", StringComparison.Ordinal) && fromTitle.Length > 3)
        {
            fromTitle = fromTitle.Substring(0, fromTitle.Length - 3);
        }

        if (fromTitle.Length > 0 && fromTitle.Length <= 40)
        {
            return fromTitle;
        }

        var file = Path.GetFileName(spec.Path);
        var stem = file.Split('.')[0];
        var fromFile = Naming.Pascal(stem);
        return fromFile.Length > 0 ? fromFile : "Api";
    }

    private static string Namespace(SpecInput spec, string apiName, List<DiagnosticInfo> diagnostics)
    {
        var ns = spec.Namespace;
        if (string.IsNullOrWhiteSpace(ns))
        {
            ns = string.IsNullOrWhiteSpace(spec.RootNamespace) ? apiName : spec.RootNamespace + "." + apiName;
        }

        var parts = ns!.Split('.');
        if (parts.All(p => p.Length > 0 && Naming.Pascal(p) == p.TrimStart('@') && Naming.EscapeKeyword(p) == p))
        {
            return ns;
        }

        var fixedNs = string.Join(".", parts.Select(p => Naming.Pascal(p)).Where(p => p.Length > 0));
        diagnostics.Add(new DiagnosticInfo(
            DiagnosticDescriptors.InvalidMetadata.Id,
            new[] { Path.GetFileName(spec.Path), "Namespace='" + ns + "' is not a valid C# namespace; using '" + fixedNs + "'" }.ToEquatableArray(),
            LocationInfo.StartOf(spec.Path)));
        return fixedNs.Length == 0 ? apiName : fixedNs;
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Kernel.Contracts.Generator.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NSwag;
using NSwag.CodeGeneration;
using NSwag.CodeGeneration.CSharp;

namespace Kernel.Contracts.Generator.NSwag;

/// <summary>
/// One request in, NSwag's client file out: reads the document as NSwag's CLI does (YAML by the file's extension,
/// else JSON), applies the settings (NSwag's defaults, then the project's root namespace, then the <c>.nswag</c>
/// file's <c>openApiToCSharpClient</c> section, then item metadata) and runs <see cref="CSharpClientGenerator"/>.
/// Every failure becomes a diagnostic at the document; nothing is thrown into the compiler.
/// </summary>
internal static class NSwagCodeGenerator
{
    public static NSwagResult Generate(NSwagRequest request, CancellationToken cancellationToken)
    {
        var diagnostics = new List<NSwagDiagnostic>();
        var fileName = Path.GetFileName(request.Path);
        try
        {
            var settings = new CSharpClientGeneratorSettings();
            if (request.DefaultNamespace is { Length: > 0 } defaultNamespace)
            {
                settings.CSharpGeneratorSettings.Namespace = defaultNamespace;
            }

            if (request.SettingsFile is not null && !ApplySettingsFile(request, settings, diagnostics))
            {
                return new NSwagResult(null, null, diagnostics.ToEquatableArray());
            }

            foreach (var setting in request.Metadata)
            {
                Report(settings, setting.Name, NSwagSettingsBinder.FromMetadata(setting.Value), request.Path, request.Path, diagnostics);
            }

            cancellationToken.ThrowIfCancellationRequested();
            var document = IsYaml(request.Path)
                ? OpenApiYamlDocument.FromYamlAsync(request.Text, request.Path).GetAwaiter().GetResult()
                : OpenApiDocument.FromJsonAsync(request.Text, request.Path).GetAwaiter().GetResult();
            cancellationToken.ThrowIfCancellationRequested();
            var code = new CSharpClientGenerator(document, settings).GenerateFile(ClientGeneratorOutputType.Full);
            return new NSwagResult(HintName(request.Path, request.ProjectDirectory), code, diagnostics.ToEquatableArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // The generator must never throw into the compiler: NSwag's failure is the user's diagnostic.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var (line, column) = PositionOf(e);
            var inner = Innermost(e);
            diagnostics.Add(new NSwagDiagnostic(
                NSwagDiagnostics.GenerationFailed.Id,
                new[] { fileName, inner.GetType().Name + ": " + inner.Message }.ToEquatableArray(),
                request.Path,
                line,
                column));
            return new NSwagResult(null, null, diagnostics.ToEquatableArray());
        }
    }

    /// <summary>NSwag's CLI reads <c>.yaml</c>/<c>.yml</c> files as YAML and everything else as JSON; so does this.</summary>
    public static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The generated file's name: the document's path under the project (folders joined with '.', so two
    /// <c>api.yaml</c> in two folders do not collide), or its file name when it lies outside, then <c>.NSwagClient.g.cs</c>.
    /// </summary>
    public static string HintName(string path, string? projectDirectory)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (projectDirectory is { Length: > 0 })
        {
            var relative = Path.GetFullPath(path).Replace('\\', '/');
            var root = Path.GetFullPath(projectDirectory).Replace('\\', '/').TrimEnd('/') + "/";
            if (relative.StartsWith(root, StringComparison.Ordinal))
            {
                var folder = Path.GetDirectoryName(relative.Substring(root.Length))!.Replace('\\', '/');
                name = folder.Length == 0 ? name : folder.Replace('/', '.') + "." + name;
            }
        }

        return new string(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_').ToArray()) + ".NSwagClient.g.cs";
    }

    private static bool ApplySettingsFile(NSwagRequest request, CSharpClientGeneratorSettings settings, List<NSwagDiagnostic> diagnostics)
    {
        var file = request.SettingsFile!;
        string? problem = null;
        JObject? section = null;
        if (request.SettingsFileText is null)
        {
            problem = "it is not an AdditionalFiles item of the project (the OpenApiSpec targets add it; check the path)";
        }
        else
        {
            try
            {
                section = JObject.Parse(request.SettingsFileText)["codeGenerators"]?["openApiToCSharpClient"] as JObject;
                problem = section is null ? "it has no codeGenerators.openApiToCSharpClient section" : null;
            }
            catch (JsonReaderException e)
            {
                problem = "it is not valid JSON: " + e.Message;
            }
        }

        if (problem is not null)
        {
            diagnostics.Add(new NSwagDiagnostic(
                NSwagDiagnostics.SettingsFileUnusable.Id,
                new[] { Path.GetFileName(file), Path.GetFileName(request.Path), problem }.ToEquatableArray(),
                request.SettingsFileText is null ? request.Path : file,
                0,
                0));
            return false;
        }

        foreach (var property in section!.Properties())
        {
            Report(settings, property.Name, property.Value, file, request.Path, diagnostics);
        }

        return true;
    }

    private static void Report(CSharpClientGeneratorSettings settings, string name, JToken value, string where, string specPath, List<NSwagDiagnostic> diagnostics)
    {
        var problem = NSwagSettingsBinder.Apply(settings, name, value);
        if (problem is not null)
        {
            var line = value is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber - 1 : 0;
            diagnostics.Add(new NSwagDiagnostic(
                NSwagDiagnostics.SettingIgnored.Id,
                new[] { name, Path.GetFileName(specPath), problem }.ToEquatableArray(),
                where,
                line,
                0));
        }
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null && (e is AggregateException || e is System.Reflection.TargetInvocationException || e.InnerException is JsonException || e.InnerException is YamlDotNet.Core.YamlException))
        {
            e = e.InnerException;
        }

        return e;
    }

    // 0-based line and column when NSwag's readers say where the document is broken.
    private static (int Line, int Column) PositionOf(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case JsonReaderException json when json.LineNumber > 0:
                    return (json.LineNumber - 1, Math.Max(0, json.LinePosition - 1));
                case YamlDotNet.Core.YamlException yaml when yaml.Start.Line > 0:
                    return ((int)yaml.Start.Line - 1, Math.Max(0, (int)yaml.Start.Column - 1));
            }
        }

        return (0, 0);
    }
}

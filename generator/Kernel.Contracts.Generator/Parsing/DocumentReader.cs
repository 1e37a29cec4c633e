using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Kernel.Contracts.Generator.Model;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using YamlDotNet.Core;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Generator.Parsing;

/// <summary>The document the model builder reads: OpenAPI 3.x as JSON, checked; <paramref name="Is31"/> for 3.1 and later.</summary>
internal sealed record ReadDocument(JsonObject Root, bool Is31);

/// <summary>
/// Reads an OpenAPI document (YAML or JSON; 3.0, 3.1 or 3.2, or Swagger 2.0 through Microsoft.OpenApi) as JSON.
/// References to other spec files of the project are bundled into the document first, so the model
/// builder sees one self-contained document. Every problem becomes a <see cref="DiagnosticInfo"/> at its place.
/// </summary>
internal sealed class DocumentReader
{
    private readonly SpecInput _spec;
    private readonly Dictionary<string, SpecInput> _files;
    private readonly Dictionary<string, JsonNode?> _parsed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _imported = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Placement> _placements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode?> _found = new(StringComparer.Ordinal);
    private readonly List<(JsonObject Obj, Trail At)> _references = new();
    private readonly List<DiagnosticInfo> _diagnostics;

    public DocumentReader(SpecRequest request, List<DiagnosticInfo> diagnostics)
    {
        _spec = request.Spec;
        _diagnostics = diagnostics;
        _files = new Dictionary<string, SpecInput>(StringComparer.Ordinal);
        foreach (var other in request.Others)
        {
            _files[Normalize(other.Path)] = other;
        }

        _files[Normalize(_spec.Path)] = _spec;
    }

    /// <summary>The document, or null when the text cannot be read at all (the diagnostics say why).</summary>
    public ReadDocument? Read()
    {
        var root = Parse(_spec);
        if (root is not JsonObject rootObject)
        {
            if (root is not null)
            {
                Report(DiagnosticDescriptors.InvalidDocument, _spec, (string?)null, "the document's root must be an object");
            }

            return null;
        }

        Bundle(rootObject, rootObject, _spec, Trail.Root);
        var before = _diagnostics.Count;
        ForeignKeywords.Rewrite(rootObject, Trail.Root, (pointer, message) => Report(DiagnosticDescriptors.ForeignKeyword, _spec, pointer, message));
        if (_imported.Count == 0 && _diagnostics.Count == before)
        {
            // Every reference is the document's own, as bundling found them: only those can lead in a circle.
            foreach (var (obj, at) in _references)
            {
                BreakReferenceCycle(rootObject, obj, at);
            }
        }
        else
        {
            // Copies of other files' parts, or $recursiveRefs made references: walk the whole document.
            BreakReferenceCycles(rootObject, rootObject, Trail.Root);
        }

        var openapi = rootObject.TryGetPropertyValue("openapi", out var openapiNode) ? Schema.Scalar(openapiNode) ?? string.Empty : null;
        if (openapi is not null && (openapi.StartsWith("3.0", StringComparison.Ordinal) || openapi.StartsWith("3.1", StringComparison.Ordinal) || openapi.StartsWith("3.2", StringComparison.Ordinal)))
        {
            OpenApiGrammar.Check(
                rootObject,
                openapi,
                (pointer, message) => Report(DiagnosticDescriptors.ForeignKeyword, _spec, pointer, message),
                (pointer, message) => Report(DiagnosticDescriptors.InvalidDocument, _spec, pointer, message));
            return new ReadDocument(rootObject, OpenApiGrammar.Is31(openapi));
        }

        var swagger = openapi is null && rootObject.TryGetPropertyValue("swagger", out var swaggerNode) ? Schema.Scalar(swaggerNode) ?? string.Empty : null;
        if (swagger is not null && swagger.StartsWith("2.0", StringComparison.Ordinal))
        {
            DocumentShape.Check(rootObject, (pointer, message) => Report(DiagnosticDescriptors.InvalidDocument, _spec, pointer, message));
            return ReadSwagger(rootObject);
        }

        Report(
            DiagnosticDescriptors.InvalidDocument,
            _spec,
            openapi is not null ? "#/openapi" : swagger is not null ? "#/swagger" : null,
            openapi is null && swagger is null
                ? "the document says no version: it needs 'openapi' (such as 3.1.0) or 'swagger' (2.0)"
                : "the version '" + (openapi ?? swagger) + "' is not one the generator reads: OpenAPI 3.0, 3.1 or 3.2, or Swagger 2.0");
        return null;
    }

    /// <summary>
    /// A Swagger 2.0 document: Microsoft.OpenApi reads it and writes it as OpenAPI 3.0, which the model builder reads
    /// like any other. Its reading errors stand at their place in the Swagger text.
    /// </summary>
    private ReadDocument? ReadSwagger(JsonObject rootObject)
    {
        // Only reading errors count; the validation rule set (style rules such as "a discriminator property
        // must be required") is for linters, and real documents break it without harm to generation.
        var settings = new OpenApiReaderSettings { RuleSet = new ValidationRuleSet() };
        var result = new OpenApiJsonReader().Read(rootObject, new Uri("file:///" + Path.GetFileName(_spec.Path)), settings);
        foreach (var error in result.Diagnostic?.Errors ?? Enumerable.Empty<OpenApiError>())
        {
            // A keyword the version does not define is ignored, as the tools people use ignore it: a warning at the keyword.
            if (ForeignKeywords.TryReadUnknown(error.Message, "2.0", out var keyword, out var message))
            {
                Report(DiagnosticDescriptors.ForeignKeyword, _spec, keyword, message);
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidDocument, _spec, error.Pointer ?? ForeignKeywords.PointerIn(error.Message), error.Message);
            }
        }

        if (result.Document is null)
        {
            return null;
        }

        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        result.Document.SerializeAsV3(new OpenApiJsonWriter(text));
        try
        {
            return JsonNode.Parse(text.ToString()) is JsonObject converted ? new ReadDocument(converted, Is31: false) : null;
        }
        catch (System.Text.Json.JsonException e)
        {
            // Microsoft.OpenApi writes some values it read back as they were, which is not always JSON.
            Report(DiagnosticDescriptors.InvalidDocument, _spec, (string?)null, "Microsoft.OpenApi could not convert this Swagger 2.0 document to OpenAPI 3.0 (" + e.Message + "); check the values of its schemas' keywords");
            return null;
        }
    }

    public LocationInfo Locate(string? pointer) => Locate(_spec, pointer);

    private JsonNode? Parse(SpecInput file)
    {
        var key = Normalize(file.Path);
        if (_parsed.TryGetValue(key, out var cached))
        {
            return cached;
        }

        JsonNode? node = null;
        try
        {
            node = DocumentText.Parse(file.Text);
            if (node is null)
            {
                Report(DiagnosticDescriptors.SyntaxError, file, LocationInfo.StartOf(file.Path), "the document is empty");
            }
        }
        catch (YamlException e)
        {
            Report(DiagnosticDescriptors.SyntaxError, file, PointerLocator.ToLocation(file.Path, e.Start, e.End), DocumentText.Reason(e));
        }

        _parsed[key] = node;
        return node;
    }

    /// <summary>
    /// Walks <paramref name="node"/> (part of <paramref name="from"/>) and makes every <c>$ref</c> point into
    /// the root document: local ones are checked, ones into other spec files are copied under components.
    /// </summary>
    private void Bundle(JsonObject root, JsonNode? node, SpecInput from, Trail at)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.TryGetPropertyValue("$ref", out var refNode) && refNode is null or JsonValue)
                {
                    // A reference Microsoft.OpenApi cannot follow makes it throw: each is reported and removed, leaving an empty schema.
                    var reference = refNode is JsonValue refValue && refValue.TryGetValue<string>(out var text) ? text : null;
                    if (reference is null)
                    {
                        ReportAt(from, at.At("$ref"), DiagnosticDescriptors.UnresolvedReference, refNode?.ToJsonString() ?? "null", "a reference is a string, such as '#/components/schemas/Name'");
                        obj.Remove("$ref");
                    }
                    else if (DocumentShape.IsNameless(reference))
                    {
                        ReportAt(from, at.At("$ref"), DiagnosticDescriptors.UnresolvedReference, reference, DocumentShape.NamelessReason);
                        obj.Remove("$ref");
                    }
                    else if (Resolve(root, from, reference, at) is not { } rewritten)
                    {
                        obj.Remove("$ref");
                    }
                    else if (rewritten != reference)
                    {
                        obj["$ref"] = rewritten;
                    }

                    if (from == _spec && obj.ContainsKey("$ref"))
                    {
                        _references.Add((obj, at));
                    }
                }

                // Bundling another file adds to the root's components while they may be walked: then the walk takes a copy.
                foreach (var pair in _files.Count > 1 ? obj.ToList() : (IEnumerable<KeyValuePair<string, JsonNode?>>)obj)
                {
                    if (pair.Key != "$ref" && pair.Value is JsonObject or JsonArray)
                    {
                        Bundle(root, pair.Value, from, at.Child(pair.Key));
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject or JsonArray)
                    {
                        Bundle(root, array[i], from, at.Child(i));
                    }
                }

                break;
        }
    }

    /// <summary>
    /// Removes each <c>$ref</c> that leads back to itself through references alone (<c>A: {$ref: B}</c>,
    /// <c>B: {$ref: A}</c>): such a schema has no content, and Microsoft.OpenApi throws on it.
    /// </summary>
    private void BreakReferenceCycles(JsonObject root, JsonNode? node, Trail at)
    {
        switch (node)
        {
            case JsonObject obj:
                BreakReferenceCycle(root, obj, at);

                foreach (var pair in obj)
                {
                    if (pair.Value is JsonObject or JsonArray)
                    {
                        BreakReferenceCycles(root, pair.Value, at.Child(pair.Key));
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject or JsonArray)
                    {
                        BreakReferenceCycles(root, array[i], at.Child(i));
                    }
                }

                break;
        }
    }

    /// <summary>Removes the <c>$ref</c> of <paramref name="obj"/> when following references from it alone leads back to one already seen.</summary>
    private void BreakReferenceCycle(JsonObject root, JsonObject obj, Trail at)
    {
        if (LocalReference(obj) is null)
        {
            return;
        }

        // A chain of references is a few steps long: a list, not a hash set (which would hash every object).
        var seen = new List<JsonObject> { obj };
        for (var step = obj; LocalReference(step) is { } next && FindLocal(root, next) is JsonObject target; step = target)
        {
            if (seen.Exists(visited => ReferenceEquals(visited, target)))
            {
                ReportAt(_spec, at.At("$ref"), DiagnosticDescriptors.UnresolvedReference, LocalReference(obj)!, "it leads back to itself through references alone, so it describes nothing");
                obj.Remove("$ref");
                break;
            }

            seen.Add(target);
        }
    }

    /// <summary>Whether <paramref name="at"/> is a component (<c>#/components/schemas/Name</c>, Swagger's <c>#/definitions/Name</c>).</summary>
    private static bool IsComponent(Trail at) =>
        (at.Depth == 3 && at.Parent.Parent.Segment == "components") || (at.Depth == 2 && at.Parent.Segment == "definitions");

    /// <summary>Whether <paramref name="pointer"/> is a component (<c>#/components/schemas/Name</c>, Swagger's <c>#/definitions/Name</c>), or with <paramref name="prefixOnly"/> lies in one.</summary>
    private static bool IsComponent(string pointer, bool prefixOnly = false)
    {
        var segments = Pointers.Split(pointer);
        var depth = segments.Count > 0 && segments[0] == "definitions" ? 2 : segments.Count > 0 && segments[0] == "components" ? 3 : -1;
        return depth > 0 && (prefixOnly ? segments.Count >= depth : segments.Count == depth);
    }

    private static string Shorten(string text) => text.Length > 40 ? text.Substring(0, 40) + "…" : text;

    private static string? LocalReference(JsonObject obj) =>
        obj.TryGetPropertyValue("$ref", out var node) && node is JsonValue value && value.TryGetValue<string>(out var reference) && reference.StartsWith("#", StringComparison.Ordinal) ? reference : null;

    /// <summary>
    /// Returns the reference (the <c>$ref</c> of the object at <paramref name="at"/>) as it must read in the bundled
    /// document, or null when it cannot be resolved.
    /// </summary>
    private string? Resolve(JsonObject root, SpecInput from, string reference, Trail at)
    {
        var hash = reference.IndexOf('#');
        var filePart = hash >= 0 ? reference.Substring(0, hash) : reference;
        var fragment = hash >= 0 ? reference.Substring(hash) : "#";
        var isRootFile = from == _spec && filePart.Length == 0;

        SpecInput target;
        if (filePart.Length == 0)
        {
            target = from;
        }
        else if (Uri.TryCreate(filePart, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            ReportAt(from, at.At("$ref"), DiagnosticDescriptors.UnresolvedReference, reference, "references to URLs are not followed at build time; download the file and add it as an OpenApiSpec item");
            return null;
        }
        else
        {
            var path = Normalize(Path.Combine(Path.GetDirectoryName(from.Path) ?? string.Empty, filePart));
            if (!_files.TryGetValue(path, out target!))
            {
                ReportAt(from, at.At("$ref"), DiagnosticDescriptors.UnresolvedReference, reference, "the file '" + filePart + "' is not an OpenApiSpec item of this project; add it with Generate=\"None\" to let documents reference it");
                return null;
            }
        }

        JsonNode? resolved;
        if (target != _spec)
        {
            resolved = Find(Parse(target), fragment);
        }
        else
        {
            resolved = FindLocal(root, fragment);
        }

        if (resolved is null)
        {
            ReportAt(from, at.At("$ref"), DiagnosticDescriptors.UnresolvedReference, reference, "nothing is at '" + fragment + "' in " + Path.GetFileName(target.Path));
            return null;
        }

        if (resolved is not JsonObject && !(resolved is JsonValue flag && flag.TryGetValue<bool>(out _)))
        {
            ReportAt(from, at.At("$ref"), DiagnosticDescriptors.UnresolvedReference, reference, "it points at a value (" + Shorten(resolved.ToJsonString()) + "), and a reference points at an object");
            return null;
        }

        if (isRootFile || target == _spec)
        {
            // Microsoft.OpenApi resolves a component that is only a reference to a place outside components inside that
            // component itself, and fails; such an alias must name another component.
            if (IsComponent(at) && !IsComponent(fragment, prefixOnly: true))
            {
                ReportAt(from, at.At("$ref"), DiagnosticDescriptors.UnresolvedReference, reference, "a component that is only a reference must name another component, such as '#/components/schemas/Name'");
                return null;
            }

            return fragment;
        }

        // Copy the target into this document's components, once per target.
        var key = Normalize(target.Path) + fragment;
        if (_imported.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var segments = Pointers.Split(fragment);
        var section = segments.Count >= 3 && segments[0] == "components" ? segments[1] : "schemas";
        var baseName = segments.Count > 0 ? segments[segments.Count - 1] : Path.GetFileNameWithoutExtension(target.Path);
        var components = root["components"] as JsonObject ?? (JsonObject)(root["components"] = new JsonObject());
        var bucket = components[section] as JsonObject ?? (JsonObject)(components[section] = new JsonObject());
        var name = baseName;
        for (var i = 2; bucket.ContainsKey(name); i++)
        {
            name = baseName + i;
        }

        var local = "#/components/" + section + "/" + Pointers.Escape(name);
        _imported[key] = local;
        var copy = resolved.DeepClone();
        bucket[name] = copy;
        Bundle(root, copy, target, Trail.Of(fragment));
        return local;
    }

    /// <summary>What a fragment of the document itself points at, looked up once: most references name a few components many times over.</summary>
    private JsonNode? FindLocal(JsonObject root, string fragment)
    {
        if (!_found.TryGetValue(fragment, out var found))
        {
            _found[fragment] = found = Find(root, fragment);
        }

        return found;
    }

    private static JsonNode? Find(JsonNode? root, string fragment) =>
        root is not null && Pointers.TryResolve(root, fragment, out var node) ? node : null;

    private void ReportAt(SpecInput file, string pointer, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, params string[] args) =>
        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, args.ToEquatableArray(), Locate(file, pointer)));

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SpecInput file, string? pointer, string message) =>
        Report(descriptor, file, Locate(file, pointer), message);

    /// <summary>
    /// Places a pointer in a file's text: the first few problems of a file by reading only along their pointers, any more
    /// from an index of the whole text, read once however many problems follow.
    /// </summary>
    private LocationInfo Locate(SpecInput file, string? pointer)
    {
        const int AlongThePointer = 4;
        var key = Normalize(file.Path);
        if (!_placements.TryGetValue(key, out var placement))
        {
            _placements[key] = placement = new Placement();
        }

        if (placement.Index is null && placement.AlongThePointer < AlongThePointer)
        {
            placement.AlongThePointer++;
            return PointerLocator.Locate(file.Path, file.Text, pointer);
        }

        placement.Index ??= PointerLocator.Index(file.Path, file.Text);
        return placement.Index.Locate(pointer);
    }

    /// <summary>How a file's problems are placed: how many were read along their pointer, then the index of its whole text.</summary>
    private sealed class Placement
    {
        public int AlongThePointer { get; set; }

        public PointerIndex? Index { get; set; }
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SpecInput file, LocationInfo location, string message) =>
        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, new[] { message }.ToEquatableArray(), location));

    private static string Normalize(string path) => Path.GetFullPath(path).Replace('\\', '/');
}

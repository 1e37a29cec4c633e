using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kernel.Contracts.Generator.Parsing;

namespace Kernel.Contracts.Conformance;

/// <summary>
/// An OpenAPI 3.0/3.1 document read for checking traffic against it: its operations with their parameters, request
/// bodies and documented responses, and a matcher from a concrete request path to the operation it calls.
/// </summary>
public sealed class ApiDocument
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
    private readonly Dictionary<string, SchemaValidator> _validators = new(StringComparer.Ordinal);

    private ApiDocument(string name, JsonObject root)
    {
        Name = name;
        Root = root;
        BasePaths = ReadBasePaths(root);
        Operations = ReadOperations().ToList();
    }

    /// <summary>Where the document came from (a file name, or <c>platform</c>/<c>sessions</c> for ours).</summary>
    public string Name { get; }

    /// <summary>The document as JSON.</summary>
    public JsonObject Root { get; }

    /// <summary>The path prefixes of the servers (<c>/api/v1</c>; <c>""</c> and <c>/v1</c>..<c>/v4</c>), longest first.</summary>
    public IReadOnlyList<string> BasePaths { get; }

    /// <summary>The path of the first server (its variables at their defaults): where a probe sends its requests.</summary>
    public string DefaultBasePath
    {
        get
        {
            var server = (Root["servers"] as JsonArray)?.FirstOrDefault();
            var url = server?["url"]?.GetValue<string>() ?? string.Empty;
            foreach (var (name, variable) in server?["variables"] as JsonObject ?? [])
            {
                url = url.Replace("{" + name + "}", variable?["default"]?.GetValue<string>() ?? string.Empty, StringComparison.Ordinal);
            }

            return (Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url).TrimEnd('/');
        }
    }

    /// <summary>Every operation, in document order.</summary>
    public IReadOnlyList<SpecOperation> Operations { get; }

    /// <summary>The API's title.</summary>
    public string Title => Root["info"]?["title"]?.GetValue<string>() ?? Name;

    /// <summary>One of our documents, carried inside this assembly: <c>platform</c> or <c>sessions</c>.</summary>
    public static ApiDocument Embedded(string api)
    {
        using var stream = typeof(ApiDocument).Assembly.GetManifestResourceStream("spec/" + api)
            ?? throw new ArgumentException("There is no built-in document for the API '" + api + "' (platform or sessions).", nameof(api));
        using var reader = new StreamReader(stream);
        return Parse("kernel-" + api + ".openapi.yaml", reader.ReadToEnd());
    }

    /// <summary>Reads a YAML or JSON document from a file.</summary>
    /// <exception cref="SpecException">The file is missing or is not an OpenAPI document.</exception>
    public static ApiDocument Load(string path)
    {
        if (!File.Exists(path)) throw new SpecException("There is no OpenAPI document at '" + path + "'.");
        return Parse(Path.GetFileName(path), File.ReadAllText(path));
    }

    /// <summary>Reads a YAML or JSON document.</summary>
    /// <exception cref="SpecException">The text is not an OpenAPI document.</exception>
    public static ApiDocument Parse(string name, string text)
    {
        JsonNode? node;
        try
        {
            node = DocumentText.Parse(text);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new SpecException(name + "(" + e.Start.Line + "," + e.Start.Column + "): the document cannot be read: " + DocumentText.Reason(e));
        }

        if (node is not JsonObject root || root["paths"] is not JsonObject || root["openapi"] is null)
        {
            throw new SpecException(name + ": not an OpenAPI 3 document (it needs 'openapi' and 'paths').");
        }

        return new ApiDocument(name, root);
    }

    /// <summary>The node a local reference (<c>#/components/…</c>) points at.</summary>
    public JsonNode? Resolve(string pointer)
    {
        JsonNode? node = Root;
        foreach (var raw in pointer.TrimStart('#').Trim('/').Split('/'))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(segment, out var child) => child,
                JsonArray a when int.TryParse(segment, out var i) && i >= 0 && i < a.Count => a[i],
                _ => throw new SpecException(Name + ": nothing at '" + pointer + "'."),
            };
        }

        return node;
    }

    /// <summary>Follows <c>$ref</c>s until a node that is not a reference; also returns its pointer.</summary>
    public (JsonObject Node, string Pointer) Deref(JsonObject node, string pointer)
    {
        for (var hops = 0; node["$ref"] is JsonValue reference && hops < 32; hops++)
        {
            pointer = reference.GetValue<string>();
            node = Resolve(pointer) as JsonObject ?? throw new SpecException(Name + ": '" + pointer + "' is not an object.");
        }

        return (node, pointer);
    }

    /// <summary>The operation a request calls, with its path parameters, or null when no path of the document matches.</summary>
    public (SpecOperation Operation, IReadOnlyDictionary<string, string> PathParameters)? Match(string method, string path)
    {
        var bare = path.Split('?')[0];
        foreach (var basePath in BasePaths)
        {
            if (!bare.StartsWith(basePath, StringComparison.Ordinal)) continue;
            var rest = bare[basePath.Length..];
            if (!rest.StartsWith('/')) continue;
            foreach (var operation in Operations.Where(o => o.Method.Equals(method, StringComparison.OrdinalIgnoreCase)))
            {
                var match = operation.PathPattern.Match(rest);
                if (match.Success)
                {
                    var values = operation.PathParameterNames.ToDictionary(n => n, n => Uri.UnescapeDataString(match.Groups[PathGroup(n)].Value), StringComparer.Ordinal);
                    return (operation, values);
                }
            }
        }

        return null;
    }

    /// <summary>Whether any operation has this path (with any method): tells "wrong method" from "unknown path".</summary>
    public bool HasPath(string path)
    {
        var bare = path.Split('?')[0];
        return BasePaths.Any(b => bare.StartsWith(b, StringComparison.Ordinal) && Operations.Any(o => o.PathPattern.IsMatch(bare[b.Length..])));
    }

    /// <summary>A validator for the schema at <paramref name="pointer"/> (cached).</summary>
    public SchemaValidator Validator(string pointer)
    {
        lock (_validators)
        {
            if (!_validators.TryGetValue(pointer, out var validator))
            {
                _validators[pointer] = validator = new SchemaValidator(this, pointer);
            }

            return validator;
        }
    }

    private static string PathGroup(string name) => "p" + Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(name));

    private static IReadOnlyList<string> ReadBasePaths(JsonObject root)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var server in root["servers"] as JsonArray ?? [])
        {
            var url = server?["url"]?.GetValue<string>() ?? string.Empty;
            var variables = server?["variables"] as JsonObject;
            IEnumerable<string> expanded = [url];
            foreach (var (name, variable) in variables ?? [])
            {
                var values = (variable?["enum"] as JsonArray)?.Select(v => v!.GetValue<string>()).ToList() ?? [variable?["default"]?.GetValue<string>() ?? string.Empty];
                expanded = expanded.SelectMany(u => values.Select(v => u.Replace("{" + name + "}", v, StringComparison.Ordinal))).ToList();
            }

            foreach (var candidate in expanded)
            {
                var path = Uri.TryCreate(candidate, UriKind.Absolute, out var uri) ? uri.AbsolutePath : candidate;
                paths.Add(path.TrimEnd('/'));
            }
        }

        if (paths.Count == 0) paths.Add(string.Empty);
        return paths.OrderByDescending(p => p.Length).ToList();
    }

    private IEnumerable<SpecOperation> ReadOperations()
    {
        foreach (var (template, item) in (JsonObject)Root["paths"]!)
        {
            if (item is not JsonObject pathItem) continue;
            var itemPointer = "#/paths/" + Escape(template);
            (pathItem, _) = Deref(pathItem, itemPointer);
            var shared = pathItem["parameters"] as JsonArray;
            foreach (var method in Methods)
            {
                if (pathItem[method] is not JsonObject operation) continue;
                var pointer = itemPointer + "/" + method;
                var parameters = new Dictionary<(string, string), SpecParameter>();
                foreach (var (list, listPointer) in new[] { (shared, itemPointer + "/parameters"), (operation["parameters"] as JsonArray, pointer + "/parameters") })
                {
                    for (var i = 0; i < (list?.Count ?? 0); i++)
                    {
                        var (p, pPointer) = Deref((JsonObject)list![i]!, listPointer + "/" + i);
                        var parameter = new SpecParameter(
                            p["name"]!.GetValue<string>(),
                            p["in"]!.GetValue<string>(),
                            p["required"]?.GetValue<bool>() ?? false,
                            p["schema"] is null ? null : pPointer + "/schema",
                            p["example"]);
                        parameters[(parameter.Name, parameter.In)] = parameter;
                    }
                }

                SpecBody? body = null;
                if (operation["requestBody"] is JsonObject requestBody)
                {
                    var (b, bPointer) = Deref(requestBody, pointer + "/requestBody");
                    body = new SpecBody(b["required"]?.GetValue<bool>() ?? false, Media(b, bPointer));
                }

                var responses = new Dictionary<string, SpecResponse>(StringComparer.Ordinal);
                foreach (var (status, response) in operation["responses"] as JsonObject ?? [])
                {
                    var (r, rPointer) = Deref((JsonObject)response!, pointer + "/responses/" + Escape(status));
                    var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var (name, header) in r["headers"] as JsonObject ?? [])
                    {
                        var (h, hPointer) = Deref((JsonObject)header!, rPointer + "/headers/" + Escape(name));
                        if (h["schema"] is not null) headers[name] = hPointer + "/schema";
                    }

                    responses[status] = new SpecResponse(status, rPointer, Media(r, rPointer), headers);
                }

                var names = Regex.Matches(template, "{([^}]+)}").Select(m => m.Groups[1].Value).ToList();
                var pattern = "^" + Regex.Replace(Regex.Escape(template).Replace(@"\{", "{", StringComparison.Ordinal), "{([^}]+)}", m => "(?<" + PathGroup(m.Groups[1].Value) + ">[^/]+)") + "$";
                yield return new SpecOperation(
                    operation["operationId"]?.GetValue<string>() ?? method.ToUpperInvariant() + " " + template,
                    method.ToUpperInvariant(),
                    template,
                    pointer,
                    operation["summary"]?.GetValue<string>(),
                    parameters.Values.ToList(),
                    body,
                    responses,
                    names,
                    new Regex(pattern, RegexOptions.CultureInvariant),
                    (operation["security"] ?? Root["security"]) is JsonArray security && security.Count > 0 && security.All(r => r is JsonObject { Count: > 0 }));
            }
        }
    }

    private IReadOnlyDictionary<string, string?> Media(JsonObject owner, string pointer)
    {
        var media = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (type, content) in owner["content"] as JsonObject ?? [])
        {
            media[type] = content?["schema"] is null ? null : pointer + "/content/" + Escape(type) + "/schema";
        }

        return media;
    }

    internal static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}

/// <summary>One operation of a document.</summary>
/// <param name="OperationId">Its <c>operationId</c> (or <c>METHOD /path</c> without one).</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="PathTemplate">The path as the document writes it, e.g. <c>/kernel/{kernelId}</c>.</param>
/// <param name="Pointer">Its JSON pointer in the document.</param>
/// <param name="Summary">Its summary.</param>
/// <param name="Parameters">Path-item and operation parameters (the operation's win).</param>
/// <param name="RequestBody">Its request body, if any.</param>
/// <param name="Responses">Status (<c>200</c>, <c>4XX</c>, <c>default</c>) → response.</param>
/// <param name="PathParameterNames">The names in the path template, in order.</param>
/// <param name="PathPattern">Matches a concrete path (without the server's base path).</param>
/// <param name="Secured">Whether every request needs credentials (no empty security requirement).</param>
public sealed record SpecOperation(
    string OperationId,
    string Method,
    string PathTemplate,
    string Pointer,
    string? Summary,
    IReadOnlyList<SpecParameter> Parameters,
    SpecBody? RequestBody,
    IReadOnlyDictionary<string, SpecResponse> Responses,
    IReadOnlyList<string> PathParameterNames,
    Regex PathPattern,
    bool Secured)
{
    /// <summary>
    /// The documented response for a status: the exact code, then a <c>4XX</c>-style range. <c>default</c> counts only
    /// for 5xx: it documents unexpected errors, and a client cannot be written against a success or a client error no
    /// one named.
    /// </summary>
    public SpecResponse? ResponseFor(int status) =>
        Responses.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture))
        ?? Responses.GetValueOrDefault((status / 100) + "XX")
        ?? (status >= 500 ? Responses.GetValueOrDefault("default") : null);

    /// <summary>The explicitly documented status codes, ascending.</summary>
    public IEnumerable<int> DocumentedStatuses =>
        Responses.Keys.Select(k => int.TryParse(k, out var code) ? code : 0).Where(c => c > 0).Order();
}

/// <summary>A parameter: name, location (<c>path</c>, <c>query</c>, <c>header</c>, <c>cookie</c>), whether required, its schema's pointer and example.</summary>
public sealed record SpecParameter(string Name, string In, bool Required, string? SchemaPointer, JsonNode? Example);

/// <summary>A request body: whether required, and media type → schema pointer.</summary>
public sealed record SpecBody(bool Required, IReadOnlyDictionary<string, string?> Content);

/// <summary>A documented response: its status key, pointer, media type → schema pointer, header → schema pointer.</summary>
public sealed record SpecResponse(string Status, string Pointer, IReadOnlyDictionary<string, string?> Content, IReadOnlyDictionary<string, string> Headers);

/// <summary>A document that cannot be read or used.</summary>
public sealed class SpecException(string message) : Exception(message);

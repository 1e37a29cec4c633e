using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kernel.Contracts.OpenApi;

/// <summary>
/// An OpenAPI 3.0/3.1 document read for checking traffic against it: its operations with their parameters, request
/// bodies and documented responses, and a matcher from a concrete request path to the operation it calls. The
/// rules it applies (<see cref="ParameterRule"/>, <see cref="ResponseRule"/>, <see cref="ServerPaths"/>) are the
/// generator's.
/// </summary>
public sealed class ApiDocument
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private ApiDocument(string name, JsonObject root)
    {
        Name = name;
        Root = root;
        var servers = Servers(root).ToList();
        BasePaths = ServerPaths.BasePaths(servers);
        DefaultBasePath = ServerPaths.DefaultBasePath(servers);
        Operations = ReadOperations().ToList();
    }

    /// <summary>Where the document came from (a file name, or <c>platform</c>/<c>sessions</c> for ours).</summary>
    public string Name { get; }

    /// <summary>The document as JSON.</summary>
    public JsonObject Root { get; }

    /// <summary>The path prefixes of the servers in document order (<c>/api/v1</c>; <c>""</c> and <c>/v1</c>..<c>/v4</c>).</summary>
    public IReadOnlyList<string> BasePaths { get; }

    /// <summary>The path of the first server (its variables at their defaults): where a probe sends its requests.</summary>
    public string DefaultBasePath { get; }

    /// <summary>Every operation, in document order.</summary>
    public IReadOnlyList<SpecOperation> Operations { get; }

    /// <summary>The API's title.</summary>
    public string Title => Root["info"]?["title"]?.GetValue<string>() ?? Name;

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
    /// <exception cref="SpecException">Nothing is there.</exception>
    public JsonNode? Resolve(string pointer) =>
        Pointers.TryResolve(Root, pointer, out var node) ? node : throw new SpecException(Name + ": nothing at '" + pointer + "'.");

    /// <summary>Follows <c>$ref</c>s until a node that is not a reference; also returns its pointer.</summary>
    /// <exception cref="SpecException">A reference goes nowhere, to a non-object, or round in a cycle.</exception>
    public (JsonObject Node, string Pointer) Deref(JsonObject node, string pointer)
    {
        for (var hops = 0; node["$ref"] is JsonValue reference; hops++)
        {
            if (hops == 32) throw new SpecException(Name + ": the references from '" + pointer + "' go round in a cycle.");
            pointer = reference.GetValue<string>();
            node = Resolve(pointer) as JsonObject ?? throw new SpecException(Name + ": '" + pointer + "' is not an object.");
        }

        return (node, pointer);
    }

    /// <summary>
    /// A schema and, depth first, each of its <c>allOf</c> parts, references followed: what an instance must satisfy
    /// together. The schema itself comes first; a part whose reference goes nowhere is left out, and at most
    /// <see cref="MaxAllOfParts"/> are read (a document is untrusted input).
    /// </summary>
    /// <exception cref="SpecException">The schema itself cannot be resolved.</exception>
    public IReadOnlyList<(JsonObject Node, string Pointer)> AllOfParts(JsonObject schema, string pointer)
    {
        var parts = new List<(JsonObject Node, string Pointer)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Stack<(JsonObject Node, string Pointer)>();
        queue.Push(Deref(schema, pointer));
        while (queue.Count > 0 && parts.Count < MaxAllOfParts)
        {
            var (node, at) = queue.Pop();
            if (!seen.Add(at)) continue;
            parts.Add((node, at));
            if (node["allOf"] is not JsonArray all) continue;
            for (var i = all.Count - 1; i >= 0; i--)
            {
                if (all[i] is not JsonObject part) continue;
                try
                {
                    queue.Push(Deref(part, at + "/allOf/" + i));
                }
                catch (SpecException)
                {
                    // A broken part constrains nothing here; the generator reports it where it stands.
                }
            }
        }

        return parts;
    }

    /// <summary>The most <c>allOf</c> parts <see cref="AllOfParts"/> reads of one schema.</summary>
    public const int MaxAllOfParts = 64;

    /// <summary>The operation a request calls, with its path parameters, or null when no path of the document matches.</summary>
    public (SpecOperation Operation, IReadOnlyDictionary<string, string> PathParameters)? Match(string method, string path)
    {
        var bare = path.Split('?')[0];
        foreach (var basePath in BasePaths.OrderByDescending(b => b.Length))
        {
            if (!bare.StartsWith(basePath, StringComparison.Ordinal)) continue;
            var rest = bare.Substring(basePath.Length);
            if (!rest.StartsWith("/", StringComparison.Ordinal)) continue;
            foreach (var operation in Operations.Where(o => o.Method.Equals(method, StringComparison.OrdinalIgnoreCase)))
            {
                var match = operation.PathPattern.Match(rest);
                if (match.Success)
                {
                    IReadOnlyDictionary<string, string> values = operation.PathParameterNames.ToDictionary(n => n, n => Uri.UnescapeDataString(match.Groups[ServerPaths.GroupName(n)].Value), StringComparer.Ordinal);
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
        return BasePaths.Any(b => bare.StartsWith(b, StringComparison.Ordinal) && Operations.Any(o => o.PathPattern.IsMatch(bare.Substring(b.Length))));
    }

    private static IEnumerable<ServerUrl> Servers(JsonObject root)
    {
        foreach (var server in root["servers"] as JsonArray ?? [])
        {
            var variables = new List<ServerVariable>();
            foreach (var pair in server?["variables"] as JsonObject ?? [])
            {
                IReadOnlyList<string> values = (pair.Value?["enum"] as JsonArray)?.Select(v => v?.ToString() ?? string.Empty).ToList() ?? [];
                variables.Add(new ServerVariable(pair.Key, values, pair.Value?["default"]?.ToString()));
            }

            yield return new ServerUrl(server?["url"]?.GetValue<string>() ?? string.Empty, variables);
        }
    }

    private IEnumerable<SpecOperation> ReadOperations()
    {
        foreach (var pathPair in (JsonObject)Root["paths"]!)
        {
            var template = pathPair.Key;
            if (pathPair.Value is not JsonObject pathItem) continue;
            var itemPointer = Pointers.Append("#/paths", template);
            (pathItem, _) = Deref(pathItem, itemPointer);
            foreach (var method in Methods)
            {
                if (pathItem[method] is not JsonObject operation) continue;
                var pointer = itemPointer + "/" + method;
                var parameters = ParameterRule.Merge(
                    Parameters(operation["parameters"] as JsonArray, pointer + "/parameters"),
                    Parameters(pathItem["parameters"] as JsonArray, itemPointer + "/parameters"),
                    p => p.Name,
                    p => p.In);

                SpecBody? body = null;
                if (operation["requestBody"] is JsonObject requestBody)
                {
                    var (b, bPointer) = Deref(requestBody, pointer + "/requestBody");
                    body = new SpecBody(b["required"]?.GetValue<bool>() ?? false, Media(b, bPointer));
                }

                var responses = new Dictionary<string, SpecResponse>(StringComparer.Ordinal);
                foreach (var responsePair in operation["responses"] as JsonObject ?? [])
                {
                    if (responsePair.Value is not JsonObject response) continue;
                    var (r, rPointer) = Deref(response, Pointers.Append(pointer + "/responses", responsePair.Key));
                    var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var headerPair in r["headers"] as JsonObject ?? [])
                    {
                        if (headerPair.Value is not JsonObject header) continue;
                        var (h, hPointer) = Deref(header, Pointers.Append(rPointer + "/headers", headerPair.Key));
                        if (h["schema"] is not null) headers[headerPair.Key] = hPointer + "/schema";
                    }

                    responses[responsePair.Key] = new SpecResponse(responsePair.Key, rPointer, Media(r, rPointer), headers);
                }

                yield return new SpecOperation(
                    operation["operationId"]?.GetValue<string>() ?? method.ToUpperInvariant() + " " + template,
                    method.ToUpperInvariant(),
                    template,
                    pointer,
                    operation["summary"]?.GetValue<string>(),
                    parameters,
                    body,
                    responses,
                    ServerPaths.ParameterNames(template),
                    ServerPaths.Pattern(template),
                    (operation["security"] ?? Root["security"]) is JsonArray security && security.Count > 0 && security.All(r => r is JsonObject { Count: > 0 }));
            }
        }
    }

    private IEnumerable<SpecParameter> Parameters(JsonArray? list, string listPointer)
    {
        for (var i = 0; i < (list?.Count ?? 0); i++)
        {
            if (list![i] is not JsonObject item) continue;
            var (p, pPointer) = Deref(item, listPointer + "/" + i);
            yield return new SpecParameter(
                p["name"]?.GetValue<string>() ?? string.Empty,
                p["in"]?.GetValue<string>() ?? string.Empty,
                p["required"]?.GetValue<bool>() ?? false,
                p["schema"] is null ? null : pPointer + "/schema",
                p["example"]);
        }
    }

    private static IReadOnlyDictionary<string, string?> Media(JsonObject owner, string pointer)
    {
        var media = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in owner["content"] as JsonObject ?? [])
        {
            media[pair.Key] = pair.Value?["schema"] is null ? null : Pointers.Append(pointer + "/content", pair.Key) + "/schema";
        }

        return media;
    }
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
    /// <summary>The documented response a status falls under (<see cref="ResponseRule.KeyFor"/>), or null when none.</summary>
    public SpecResponse? ResponseFor(int status) => ResponseRule.KeyFor(Responses.Keys, status) is { } key ? Responses[key] : null;

    /// <summary>The explicitly documented status codes, ascending.</summary>
    public IEnumerable<int> DocumentedStatuses =>
        Responses.Keys.Select(ResponseRule.Code).Where(c => c is not null).Select(c => c!.Value).OrderBy(c => c);
}

/// <summary>A parameter: name, location (<c>path</c>, <c>query</c>, <c>header</c>, <c>cookie</c>), whether required, its schema's pointer and example.</summary>
public sealed record SpecParameter(string Name, string In, bool Required, string? SchemaPointer, JsonNode? Example);

/// <summary>A request body: whether required, and media type → schema pointer.</summary>
public sealed record SpecBody(bool Required, IReadOnlyDictionary<string, string?> Content);

/// <summary>A documented response: its status key, pointer, media type → schema pointer, header → schema pointer.</summary>
public sealed record SpecResponse(string Status, string Pointer, IReadOnlyDictionary<string, string?> Content, IReadOnlyDictionary<string, string> Headers);

/// <summary>A document that cannot be read or used.</summary>
public sealed class SpecException(string message) : Exception(message);

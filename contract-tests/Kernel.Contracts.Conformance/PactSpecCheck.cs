using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Conformance;

/// <summary>One thing wrong with an interaction: where in the document, and what.</summary>
/// <param name="Location">The JSON pointer in the OpenAPI document the interaction breaks (an operation, a response, a schema).</param>
/// <param name="Message">What is wrong, in plain words.</param>
public sealed record Finding(string Location, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Message + " [" + Location + "]";
}

/// <summary>The check of one pact interaction against the document.</summary>
/// <param name="Description">The interaction's description.</param>
/// <param name="Method">The request method.</param>
/// <param name="Path">The request path.</param>
/// <param name="OperationId">The operation it calls, or null when none matches.</param>
/// <param name="Status">The response status the pact expects.</param>
/// <param name="Findings">What is wrong; empty when the interaction agrees with the document.</param>
public sealed record InteractionCheck(string Description, string Method, string Path, string? OperationId, int Status, IReadOnlyList<Finding> Findings)
{
    /// <summary>Whether the interaction agrees with the document.</summary>
    public bool Passed => Findings.Count == 0;
}

/// <summary>The check of one pact file.</summary>
/// <param name="Pact">The pact file's name.</param>
/// <param name="Interactions">Each HTTP interaction's check.</param>
public sealed record PactCheck(string Pact, IReadOnlyList<InteractionCheck> Interactions)
{
    /// <summary>Whether every interaction agrees with the document.</summary>
    public bool Passed => Interactions.All(i => i.Passed);
}

/// <summary>
/// Checks each interaction of a pact (V2 to V4) against an OpenAPI document: the path and method are an operation;
/// path, query and header parameters and the request body are valid, or else the expected response is a 4xx; the
/// response status is documented for the operation; its Content-Type, headers and body match the documented response.
/// </summary>
public static class PactSpecCheck
{
    /// <summary>Checks the pact file at <paramref name="path"/>.</summary>
    /// <exception cref="SpecException">The file is not a pact.</exception>
    public static PactCheck CheckFile(ApiDocument document, string path)
    {
        JsonNode? pact;
        try
        {
            pact = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new SpecException(path + ": not JSON (" + e.Message + ").");
        }

        return Check(document, Path.GetFileName(path), pact as JsonObject ?? throw new SpecException(path + ": not a pact (no JSON object)."));
    }

    /// <summary>Checks a parsed pact.</summary>
    public static PactCheck Check(ApiDocument document, string name, JsonObject pact)
    {
        if (pact["interactions"] is not JsonArray interactions)
        {
            throw new SpecException(name + ": not a pact (no 'interactions').");
        }

        var checks = new List<InteractionCheck>();
        foreach (var interaction in interactions.OfType<JsonObject>())
        {
            var type = interaction["type"]?.GetValue<string>();
            if (type is not null && type != "Synchronous/HTTP") continue; // messages are not HTTP traffic
            checks.Add(CheckInteraction(document, interaction));
        }

        return new PactCheck(name, checks);
    }

    private static InteractionCheck CheckInteraction(ApiDocument document, JsonObject interaction)
    {
        var description = interaction["description"]?.GetValue<string>() ?? "(no description)";
        var request = interaction["request"] as JsonObject ?? new JsonObject();
        var response = interaction["response"] as JsonObject ?? new JsonObject();
        var method = request["method"]?.GetValue<string>()?.ToUpperInvariant() ?? "GET";
        var path = request["path"]?.GetValue<string>() ?? "/";
        var status = response["status"]?.GetValue<int>() ?? 200;
        var findings = new List<Finding>();

        var match = document.Match(method, path);
        if (match is not { } found)
        {
            findings.Add(new Finding("#/paths", document.HasPath(path)
                ? method + " is not an operation of " + path + " in " + document.Name + "."
                : "No path of " + document.Name + " matches " + path + " (server base paths: " + string.Join(", ", document.BasePaths.Select(b => "'" + b + "'")) + ")."));
            return new InteractionCheck(description, method, path, null, status, findings);
        }

        var (operation, pathValues) = found;
        var invalid = RequestProblems(document, operation, pathValues, request).ToList();
        if (invalid.Count > 0 && status is < 400 or >= 500)
        {
            findings.Add(new Finding(invalid[0].Location, "The request is invalid (" + string.Join("; ", invalid.Select(i => i.Message)) + ") but the pact expects " + status + ", not a 4xx."));
        }

        var responseHeaders = Headers(response["headers"]);
        var (responseBody, responseType) = Body(response, responseHeaders);
        findings.AddRange(ResponseCheck.Check(document, operation, ResponseToCheck.Expected(status, responseType, responseBody, responseHeaders)));
        return new InteractionCheck(description, method, path, operation.OperationId, status, findings);
    }

    private static IEnumerable<Finding> RequestProblems(ApiDocument document, SpecOperation operation, IReadOnlyDictionary<string, string> pathValues, JsonObject request)
    {
        var query = Query(request["query"]);
        var headers = Headers(request["headers"]);
        foreach (var parameter in operation.Parameters)
        {
            IReadOnlyList<string> values = parameter.In switch
            {
                "path" => pathValues.TryGetValue(parameter.Name, out var v) ? [v] : [],
                "query" => query.TryGetValue(parameter.Name, out var q) ? q : [],
                "header" => headers.TryGetValue(parameter.Name, out var h) ? h : [],
                _ => [],
            };
            if (values.Count == 0)
            {
                if (parameter.Required && parameter.In != "cookie")
                {
                    yield return new Finding(operation.Pointer + "/parameters", "the required " + parameter.In + " parameter '" + parameter.Name + "' is missing");
                }

                continue;
            }

            if (parameter.SchemaPointer is null) continue;
            var validator = document.Validator(parameter.SchemaPointer);
            foreach (var value in values)
            {
                foreach (var error in validator.ValidateText(value))
                {
                    yield return new Finding(parameter.SchemaPointer, parameter.In + " parameter '" + parameter.Name + "' = '" + value + "': " + error);
                }
            }
        }

        var (body, contentType) = Body(request, headers);
        if (operation.RequestBody is not { } expected)
        {
            yield break;
        }

        if (body is null)
        {
            if (expected.Required) yield return new Finding(operation.Pointer + "/requestBody", "the required request body is missing");
            yield break;
        }

        var media = MediaTypes.Match(expected.Content.Keys, contentType);
        if (media is null)
        {
            yield return new Finding(operation.Pointer + "/requestBody/content", "request Content-Type '" + (contentType ?? "(none)") + "' is not documented (documented: " + string.Join(", ", expected.Content.Keys) + ")");
            yield break;
        }

        if (expected.Content[media] is { } schema && MediaTypes.DescribesJson(media))
        {
            foreach (var error in document.Validator(schema).Validate(body))
            {
                yield return new Finding(schema, "request body: " + error);
            }
        }
    }

    /// <summary>The body as JSON (V4 <c>{content, contentType}</c> or V2/V3 raw) and its content type.</summary>
    private static (JsonNode? Body, string? ContentType) Body(JsonObject message, IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
    {
        var contentType = headers.TryGetValue("Content-Type", out var values) ? values.FirstOrDefault() : null;
        if (!message.TryGetPropertyValue("body", out var body) || body is null)
        {
            return (null, contentType);
        }

        if (body is JsonObject v4 && v4.ContainsKey("content") && (v4.ContainsKey("contentType") || v4.ContainsKey("encoded")))
        {
            contentType ??= v4["contentType"]?.GetValue<string>();
            var content = v4["content"];
            if (content is JsonValue text && text.GetValueKind() == JsonValueKind.String && v4["encoded"] is JsonValue e && e.GetValueKind() != JsonValueKind.False)
            {
                return (null, contentType); // base64 or other encoded bytes: not JSON
            }

            if (content is JsonValue raw && raw.GetValueKind() == JsonValueKind.String && MediaTypes.IsJson(contentType))
            {
                try
                {
                    return (JsonNode.Parse(raw.GetValue<string>()), contentType);
                }
                catch (JsonException)
                {
                    return (content.DeepClone(), contentType);
                }
            }

            return (content?.DeepClone(), contentType);
        }

        return (body.DeepClone(), contentType);
    }

    private static Dictionary<string, IReadOnlyList<string>> Headers(JsonNode? node)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in node as JsonObject ?? [])
        {
            headers[name] = value switch
            {
                JsonArray a => a.Select(v => v?.ToString() ?? string.Empty).ToList(),
                null => [],
                _ => [value.ToString()],
            };
        }

        return headers;
    }

    private static Dictionary<string, IReadOnlyList<string>> Query(JsonNode? node)
    {
        var query = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (node is JsonValue text && text.GetValueKind() == JsonValueKind.String)
        {
            // Pact V2 writes the query as a string.
            foreach (var pair in text.GetValue<string>().Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = pair.Split('=', 2);
                var key = Uri.UnescapeDataString(parts[0]);
                var list = query.TryGetValue(key, out var existing) ? existing.ToList() : [];
                list.Add(parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty);
                query[key] = list;
            }

            return query;
        }

        foreach (var (name, value) in node as JsonObject ?? [])
        {
            query[name] = value is JsonArray a ? a.Select(v => v?.ToString() ?? string.Empty).ToList() : [value?.ToString() ?? string.Empty];
        }

        return query;
    }
}

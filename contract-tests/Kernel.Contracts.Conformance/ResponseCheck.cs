using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Conformance;

/// <summary>A response to check: one a server sent (the probe), or one a pact expects.</summary>
/// <param name="Status">The status.</param>
/// <param name="ContentType">The Content-Type, if any.</param>
/// <param name="Text">A sent body as text (empty for none); null for an expectation.</param>
/// <param name="Json">An expected body already read as JSON; null for none, or for a sent response.</param>
/// <param name="Headers">The headers, by name, any case.</param>
/// <param name="IsSent">True for a response a server sent: then a missing Content-Type or body counts. A pact may leave them out.</param>
/// <param name="ToHead">True when it answers a HEAD request (no body, whatever the document says).</param>
public sealed record ResponseToCheck(int Status, string? ContentType, string? Text, JsonNode? Json, IReadOnlyDictionary<string, IReadOnlyList<string>> Headers, bool IsSent, bool ToHead)
{
    /// <summary>A response a server sent, its body as text.</summary>
    public static ResponseToCheck Sent(int status, string? contentType, string text, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, bool toHead = false) =>
        new(status, contentType, text, null, headers, IsSent: true, toHead);

    /// <summary>A response a pact expects, its body as JSON when it gives one.</summary>
    public static ResponseToCheck Expected(int status, string? contentType, JsonNode? body, IReadOnlyDictionary<string, IReadOnlyList<string>> headers) =>
        new(status, contentType, null, body, headers, IsSent: false, ToHead: false);

    /// <summary>Whether there is a body.</summary>
    public bool HasBody => Json is not null || !string.IsNullOrEmpty(Text);
}

/// <summary>
/// The one check of a response against the document, for <c>check-pacts</c> and the probe: the status falls under a
/// documented response (<see cref="ResponseRule"/>), the Content-Type is one it documents (<see cref="MediaTypes"/>),
/// and the body and headers match its schemas.
/// </summary>
public static class ResponseCheck
{
    /// <summary>What is wrong with <paramref name="response"/> as an answer of <paramref name="operation"/>; empty when nothing.</summary>
    public static IReadOnlyList<Finding> Check(ApiDocument document, SpecOperation operation, ResponseToCheck response)
    {
        var findings = new List<Finding>();
        var status = response.Status;
        var documented = operation.ResponseFor(status);
        if (documented is null)
        {
            findings.Add(new Finding(operation.Pointer + "/responses", "status " + status + " is not documented for " + operation.OperationId + " (documented: " + string.Join(", ", operation.Responses.Keys) + ")"));
            return findings;
        }

        var contentType = response.ContentType;
        var hasBody = response.HasBody;
        if (response.IsSent && contentType is null)
        {
            // Clients of these APIs read the type of every response first, a 204 included.
            findings.Add(new Finding(documented.Pointer, "response " + status + " has no Content-Type; clients read the type of every response, a bodiless one included"));
        }
        else if (response.IsSent && !hasBody && MediaTypes.IsJson(contentType))
        {
            findings.Add(new Finding(documented.Pointer, "response " + status + " has no body but says Content-Type '" + contentType + "'; a client that parses JSON by the type fails on it"));
        }

        if (documented.Content.Count == 0)
        {
            if (hasBody && !response.IsSent)
            {
                findings.Add(new Finding(documented.Pointer, "response " + status + " has a body, but the document gives it no content"));
            }
        }
        else if (!hasBody)
        {
            if (response.IsSent && !response.ToHead)
            {
                findings.Add(new Finding(documented.Pointer + "/content", "response " + status + " has no body; the document gives it " + string.Join(", ", documented.Content.Keys)));
            }
            else if (!response.IsSent && contentType is not null && MediaTypes.Match(documented.Content.Keys, contentType) is null)
            {
                findings.Add(NotDocumented(documented, contentType));
            }
        }
        else if (MediaTypes.Match(documented.Content.Keys, contentType) is not { } media)
        {
            findings.Add(NotDocumented(documented, contentType));
        }
        else if (documented.Content[media] is { } schema && MediaTypes.DescribesJson(media))
        {
            var body = response.Json;
            var readable = true;
            if (body is null && response.Text is { } text)
            {
                try
                {
                    body = JsonNode.Parse(text);
                }
                catch (JsonException)
                {
                    readable = false;
                    findings.Add(new Finding(schema, "the " + status + " body is not JSON: " + Shorten(text)));
                }
            }

            if (readable)
            {
                findings.AddRange(document.Validator(schema).Validate(body).Select(e => new Finding(schema, "the " + status + " body breaks " + schema + ": " + e)));
            }
        }

        foreach (var (name, schema) in documented.Headers)
        {
            if (!response.Headers.TryGetValue(name, out var values)) continue;
            foreach (var value in values)
            {
                findings.AddRange(document.Validator(schema).ValidateText(value).Select(e => new Finding(schema, "response header '" + name + "' = '" + value + "': " + e)));
            }
        }

        return findings;
    }

    private static Finding NotDocumented(SpecResponse documented, string? contentType) =>
        new(documented.Pointer + "/content", "response Content-Type '" + (contentType ?? "(none)") + "' is not documented for " + documented.Status + " (documented: " + string.Join(", ", documented.Content.Keys) + ")");

    private static string Shorten(string text) => text.Length <= 200 ? text : text.Substring(0, 200) + "…";
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Kernel.Contracts.Pact;

/// <summary>One problem the mock server saw: a request that was expected but not received, one it did not expect, or one that differed.</summary>
public sealed class PactMismatch
{
    private PactMismatch(string type, string? method, string? path, IReadOnlyList<string> details, string json)
    {
        Type = type;
        Method = method;
        Path = path;
        Details = details;
        Json = json;
    }

    /// <summary>The core's kind of mismatch: <c>missing-request</c>, <c>request-not-found</c> or <c>request-mismatch</c>.</summary>
    public string Type { get; }

    /// <summary>HTTP method of the request concerned, when known.</summary>
    public string? Method { get; }

    /// <summary>Path of the request concerned, when known.</summary>
    public string? Path { get; }

    /// <summary>For differing requests: one readable line per difference (query, header, body, ...).</summary>
    public IReadOnlyList<string> Details { get; }

    /// <summary>The mismatch exactly as the core reported it.</summary>
    public string Json { get; }

    /// <summary>A readable one-paragraph description.</summary>
    public override string ToString()
    {
        var request = $"{Method} {Path}".Trim();
        var summary = Type switch
        {
            "missing-request" => $"Expected request was not received: {request}",
            "request-not-found" => $"Unexpected request: {request}",
            "request-mismatch" => $"Request did not match: {request}",
            _ => $"{Type}: {request}",
        };

        return Details.Count == 0 ? summary : summary + string.Concat(Details.Select(d => Environment.NewLine + "    - " + d));
    }

    internal static IReadOnlyList<PactMismatch> ParseAll(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return [new PactMismatch("unknown", null, null, [json], json)];
            }

            return document.RootElement.EnumerateArray().Select(Parse).ToArray();
        }
        catch (JsonException)
        {
            return [new PactMismatch("unknown", null, null, [json], json)];
        }
    }

    private static PactMismatch Parse(JsonElement element)
    {
        var type = Text(element, "type") ?? "unknown";
        var method = Text(element, "method");
        var path = Text(element, "path");
        var details = new List<string>();
        if (element.TryGetProperty("mismatches", out var mismatches) && mismatches.ValueKind == JsonValueKind.Array)
        {
            details.AddRange(mismatches.EnumerateArray().Select(Describe));
        }

        return new PactMismatch(type, method, path, details, element.GetRawText());
    }

    private static string Describe(JsonElement mismatch)
    {
        var kind = Text(mismatch, "type") ?? "Mismatch";
        var subject = Text(mismatch, "parameter") ?? Text(mismatch, "key") ?? Text(mismatch, "path");
        var text = Text(mismatch, "mismatch");
        if (text is null)
        {
            var expected = mismatch.TryGetProperty("expected", out var e) ? e.GetRawText() : "?";
            var actual = mismatch.TryGetProperty("actual", out var a) ? a.GetRawText() : "?";
            text = $"expected {expected} but was {actual}";
        }

        return subject is null ? $"{kind}: {text}" : $"{kind} at '{subject}': {text}";
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : value.GetRawText()
            : null;
}

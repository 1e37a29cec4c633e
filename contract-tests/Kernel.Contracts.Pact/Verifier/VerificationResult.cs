using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Kernel.Contracts.Pact.Verifier;

/// <summary>Outcome of one interaction in a provider verification.</summary>
/// <param name="Description">The interaction's description.</param>
/// <param name="Passed">Whether the provider's response satisfied the interaction.</param>
/// <param name="Mismatches">Readable descriptions of what differed (empty when passed).</param>
/// <param name="Duration">How long the interaction took, when reported.</param>
public sealed record InteractionVerificationResult(
    string Description,
    bool Passed,
    IReadOnlyList<string> Mismatches,
    TimeSpan? Duration);

/// <summary>Outcome of a provider verification, read from the core's JSON report.</summary>
public sealed class VerificationResult
{
    internal VerificationResult(int exitCode, string? json, string? output, string? logs)
    {
        ExitCode = exitCode;
        Json = json ?? string.Empty;
        Output = output ?? string.Empty;
        Logs = logs ?? string.Empty;
        (Interactions, Errors) = Parse(json);
    }

    /// <summary>True when every interaction passed (exit code 0).</summary>
    public bool Passed => ExitCode == 0;

    /// <summary>The core's exit code: 0 passed, 1 failed (also when the provider was unreachable or no pact was found).</summary>
    public int ExitCode { get; }

    /// <summary>Each interaction verified, in report order.</summary>
    public IReadOnlyList<InteractionVerificationResult> Interactions { get; }

    /// <summary>Readable errors of the run: failed interactions with their mismatches, and failures outside interactions.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The verifier's console report, without colour codes.</summary>
    public string Output { get; }

    /// <summary>The core's log of this verification.</summary>
    public string Logs { get; }

    /// <summary>The core's JSON report, verbatim.</summary>
    public string Json { get; }

    /// <summary>Throws <see cref="PactException"/> listing the errors unless the verification passed.</summary>
    public VerificationResult EnsurePassed()
    {
        if (!Passed)
        {
            var details = Errors.Count > 0 ? Errors : [Output];
            throw new PactException("Pact verification failed:" + string.Concat(details.Select(e => Environment.NewLine + "  - " + e)));
        }

        return this;
    }

    /// <inheritdoc />
    public override string ToString() =>
        Passed ? $"Passed ({Interactions.Count} interaction(s))" : "Failed:" + string.Concat(Errors.Select(e => Environment.NewLine + "  - " + e));

    private static (IReadOnlyList<InteractionVerificationResult>, IReadOnlyList<string>) Parse(string? json)
    {
        var interactions = new List<InteractionVerificationResult>();
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(json))
        {
            return (interactions, errors);
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.TryGetProperty("interactionResults", out var results) && results.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in results.EnumerateArray())
                {
                    interactions.Add(ParseInteraction(item));
                }
            }

            if (root.TryGetProperty("errors", out var errorList) && errorList.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in errorList.EnumerateArray())
                {
                    errors.Add(DescribeError(error));
                }
            }
        }
        catch (JsonException)
        {
            errors.Add("The verifier's JSON report could not be read: " + json);
        }

        return (interactions, errors);
    }

    private static InteractionVerificationResult ParseInteraction(JsonElement item)
    {
        var description = Text(item, "description") ?? "(no description)";
        var passed = item.TryGetProperty("result", out var result) && IsSuccess(result);
        var mismatches = new List<string>();
        if (item.TryGetProperty("mismatch", out var mismatch) && mismatch.ValueKind != JsonValueKind.Null)
        {
            mismatches.AddRange(DescribeMismatch(mismatch));
        }

        TimeSpan? duration = item.TryGetProperty("duration", out var d) ? ParseDuration(d) : null;

        return new InteractionVerificationResult(description, passed, mismatches, duration);
    }

    /// <summary>Reads durations reported as numbers of milliseconds or as text such as <c>623ms</c>, <c>1s</c>, <c>2.5s</c>.</summary>
    private static TimeSpan? ParseDuration(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return TimeSpan.FromMilliseconds(value.GetDouble());
        }

        var match = value.ValueKind == JsonValueKind.String
            ? System.Text.RegularExpressions.Regex.Match(value.GetString()!, @"^\s*([\d.]+)\s*(ns|µs|us|ms|s|m)\s*$")
            : System.Text.RegularExpressions.Match.Empty;
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        return match.Groups[2].Value switch
        {
            "ns" => TimeSpan.FromTicks((long)(amount / 100)),
            "µs" or "us" => TimeSpan.FromTicks((long)(amount * 10)),
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            _ => TimeSpan.FromMinutes(amount),
        };
    }

    private static bool IsSuccess(JsonElement result) => result.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.String => string.Equals(result.GetString(), "success", StringComparison.OrdinalIgnoreCase) ||
                                string.Equals(result.GetString(), "ok", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static string DescribeError(JsonElement error)
    {
        var interaction = Text(error, "interaction");
        var mismatch = error.TryGetProperty("mismatch", out var m) ? string.Join("; ", DescribeMismatch(m)) : error.GetRawText();
        return interaction is null ? mismatch : $"{interaction}: {mismatch}";
    }

    private static IEnumerable<string> DescribeMismatch(JsonElement mismatch)
    {
        switch (mismatch.ValueKind)
        {
            case JsonValueKind.String:
                yield return mismatch.GetString()!;
                yield break;
            case JsonValueKind.Array:
                foreach (var item in mismatch.EnumerateArray())
                {
                    foreach (var line in DescribeMismatch(item))
                    {
                        yield return line;
                    }
                }

                yield break;
            case JsonValueKind.Object:
                if (mismatch.TryGetProperty("mismatches", out var inner) && inner.ValueKind == JsonValueKind.Array)
                {
                    foreach (var line in DescribeMismatch(inner))
                    {
                        yield return line;
                    }

                    yield break;
                }

                var type = Text(mismatch, "type");
                var text = Text(mismatch, "mismatch") ?? Text(mismatch, "message") ?? Text(mismatch, "error") ?? mismatch.GetRawText();
                var subject = Text(mismatch, "path") ?? Text(mismatch, "key") ?? Text(mismatch, "parameter");
                yield return subject is null
                    ? (type is null or "error" ? text : $"{type}: {text}")
                    : $"{type ?? "Mismatch"} at '{subject}': {text}";
                yield break;
            default:
                yield return mismatch.GetRawText();
                yield break;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ValueKind is JsonValueKind.Null ? null : value.GetRawText()
            : null;
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace Kernel.Contracts.Pact;

/// <summary>
/// The consumer test did not exercise the mock server exactly as the pact describes. No pact file was written.
/// </summary>
public sealed class PactVerificationException : PactException
{
    internal PactVerificationException(string consumer, string provider, IReadOnlyList<PactMismatch> mismatches, string mismatchesJson, Exception? testException)
        : base(BuildMessage(consumer, provider, mismatches, testException), testException)
    {
        Mismatches = mismatches;
        MismatchesJson = mismatchesJson;
    }

    /// <summary>Each mismatch the mock server reported (their order varies between runs).</summary>
    public IReadOnlyList<PactMismatch> Mismatches { get; }

    /// <summary>The mismatches as the core reported them (JSON array).</summary>
    public string MismatchesJson { get; }

    private static string BuildMessage(string consumer, string provider, IReadOnlyList<PactMismatch> mismatches, Exception? testException)
    {
        var lines = new List<string>
        {
            $"Pact verification failed for '{consumer}' -> '{provider}': {mismatches.Count} mismatch(es); no pact file was written.",
        };
        lines.AddRange(mismatches.Select((m, i) => $"  {i + 1}. {m}"));
        if (testException is not null)
        {
            lines.Add($"The test itself also failed: {testException.GetType().Name}: {testException.Message}");
        }

        return string.Join(Environment.NewLine, lines);
    }
}

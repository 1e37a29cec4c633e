using System;

namespace Kernel.Contracts.Pact;

/// <summary>Entry point of the consumer side, as in PactNet: <c>Pact.V4("consumer", "provider", config)</c>.</summary>
public static class Pact
{
    /// <summary>Starts a Pact specification V4 contract between <paramref name="consumer"/> and <paramref name="provider"/>.</summary>
    /// <remarks>
    /// Use one builder per test: define interactions, then call <see cref="PactBuilder.VerifyAsync"/> once.
    /// Every test of the same consumer/provider pair writes into the same pact file, merged on write.
    /// </remarks>
    /// <exception cref="PactNativeLibraryNotFoundException">The native Pact core is not installed (run <c>npm ci</c>).</exception>
    public static PactBuilder V4(string consumer, string provider, PactConfig? config = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        return new PactBuilder(consumer, provider, config ?? new PactConfig());
    }
}

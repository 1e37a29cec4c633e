using System;

namespace Kernel.Contracts.Pact.Verifier;

/// <summary>Settings of a provider verification.</summary>
public sealed class PactVerifierOptions
{
    /// <summary>Timeout of each request to the provider (and to the state endpoint). Default: 5 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Skip TLS certificate validation towards the provider. Default: false.</summary>
    public bool DisableSslVerification { get; set; }

    /// <summary>Fail when the sources hold no pact for this provider. Default: true.</summary>
    public bool NoPactsIsError { get; set; } = true;
}

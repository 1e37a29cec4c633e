using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Kernel.Contracts.Reference.ProviderStates;

/// <summary>One provider-state change as a Pact verifier posts it: <c>{"state", "params", "action"}</c>.</summary>
/// <param name="State">The state's name, as the pact writes it.</param>
/// <param name="Params">The state's parameters.</param>
/// <param name="Action"><c>setup</c> or <c>teardown</c>.</param>
public sealed record ProviderStateChange(string State, IReadOnlyDictionary<string, JsonElement> Params, string Action)
{
    /// <summary>Whether this change undoes a state (Pact's <c>teardown</c>).</summary>
    public bool IsTeardown => string.Equals(Action, "teardown", StringComparison.Ordinal);

    /// <summary>A string parameter; a missing one is a <see cref="ProviderStateException"/>.</summary>
    public string Text(string name) =>
        Params.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new ProviderStateException("Provider state '" + State + "' needs the string parameter '" + name + "'.");

    /// <summary>An integer parameter; a missing one is a <see cref="ProviderStateException"/>.</summary>
    public int Int(string name) =>
        Params.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new ProviderStateException("Provider state '" + State + "' needs the integer parameter '" + name + "'.");
}

/// <summary>A state the reference cannot enter: unknown, missing a parameter, or contradicting the server's data.</summary>
public sealed class ProviderStateException(string message) : Exception(message);

/// <summary>Puts a reference server into the provider states its pact names, and takes it out again.</summary>
public interface IProviderStateHandler
{
    /// <summary>The state names this handler knows.</summary>
    IReadOnlyCollection<string> States { get; }

    /// <summary>Sets up (or, on teardown, resets) the state; throws <see cref="ProviderStateException"/> when it cannot.</summary>
    void Apply(ProviderStateChange change);
}

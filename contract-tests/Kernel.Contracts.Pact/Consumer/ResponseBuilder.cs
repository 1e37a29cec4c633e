using System;
using System.Net;
using System.Text.Json;
using Kernel.Contracts.Pact.Interop;
using Kernel.Contracts.Pact.Matchers;

namespace Kernel.Contracts.Pact;

/// <summary>The response half of an interaction: status, headers and body the mock server answers with.</summary>
public sealed class ResponseBuilder
{
    private readonly InteractionState interaction;

    internal ResponseBuilder(InteractionState interaction) => this.interaction = interaction;

    /// <summary>Sets the response status code.</summary>
    public ResponseBuilder WithStatus(HttpStatusCode status) => WithStatus((int)status);

    /// <summary>Sets the response status code (100-599).</summary>
    public ResponseBuilder WithStatus(int status)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        interaction.Check(NativeMethods.pactffi_response_status(interaction.Handle, (ushort)status), $"the status {status}");
        return this;
    }

    /// <summary>Adds a response header; repeat the call for several values.</summary>
    public ResponseBuilder WithHeader(string name, string value)
    {
        interaction.AddHeader(InteractionPart.Response, name, value);
        return this;
    }

    /// <summary>Adds a response header matched by a rule.</summary>
    public ResponseBuilder WithHeader(string name, Matcher value)
    {
        interaction.AddHeader(InteractionPart.Response, name, InteractionState.ValueOf(value));
        return this;
    }

    /// <summary>
    /// Sets a JSON response body (<c>application/json</c>), serialized with the pact's options; it may contain
    /// <see cref="Matcher"/>s anywhere. A <see cref="string"/> is serialized as a JSON string: use
    /// <see cref="WithBody"/> for JSON text.
    /// </summary>
    public ResponseBuilder WithJsonBody(object? body, JsonSerializerOptions? options = null)
    {
        interaction.SetJsonBody(InteractionPart.Response, body, options);
        return this;
    }

    /// <summary>Sets a response body as text with its content type; JSON content types are checked to be valid JSON.</summary>
    /// <exception cref="ArgumentException">The content type is JSON but the body is not valid JSON.</exception>
    public ResponseBuilder WithBody(string body, string contentType)
    {
        interaction.SetBody(InteractionPart.Response, body, contentType);
        return this;
    }
}

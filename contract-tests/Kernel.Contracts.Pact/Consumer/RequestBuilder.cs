using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using Kernel.Contracts.Pact.Interop;
using Kernel.Contracts.Pact.Matchers;

namespace Kernel.Contracts.Pact;

/// <summary>The request half of an interaction: provider states, method, path, query, headers and body.</summary>
public sealed class RequestBuilder
{
    private readonly InteractionState interaction;

    internal RequestBuilder(InteractionState interaction) => this.interaction = interaction;

    /// <summary>Adds a provider state the provider must be put in before this request.</summary>
    public RequestBuilder Given(string providerState)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerState);
        interaction.Check(NativeMethods.pactffi_given(interaction.Handle, providerState), $"the provider state '{providerState}'");
        return this;
    }

    /// <summary>
    /// Adds a provider state with parameters; values are serialized as JSON (numbers stay numbers), and the
    /// provider's state endpoint receives them as <c>params</c>.
    /// </summary>
    public RequestBuilder Given(string providerState, IDictionary<string, object?> parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerState);
        ArgumentNullException.ThrowIfNull(parameters);
        var json = JsonSerializer.Serialize(parameters, interaction.JsonOptions);
        var result = NativeMethods.pactffi_given_with_params(interaction.Handle, providerState, json);
        interaction.Check(result == 0, $"the provider state '{providerState}' with parameters {json} (error {result})");
        return this;
    }

    /// <summary>Sets the request method and path.</summary>
    public RequestBuilder WithRequest(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        return WithRequest(method.Method, path);
    }

    /// <summary>Sets the request method and path.</summary>
    public RequestBuilder WithRequest(string method, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(path);
        interaction.Check(NativeMethods.pactffi_with_request(interaction.Handle, method.ToUpperInvariant(), path), $"the request {method} {path}");
        return this;
    }

    /// <summary>Sets the request method and a path matched by a rule, e.g. <c>Match.Regex("/users/1", @"/users/\d+")</c>.</summary>
    public RequestBuilder WithRequest(HttpMethod method, Matcher path)
    {
        ArgumentNullException.ThrowIfNull(method);
        return WithRequest(method.Method, InteractionState.ValueOf(path));
    }

    /// <summary>Adds a query parameter; repeat the call for repeated parameters.</summary>
    public RequestBuilder WithQuery(string name, string value)
    {
        interaction.AddQuery(name, value);
        return this;
    }

    /// <summary>Adds a query parameter matched by a rule.</summary>
    public RequestBuilder WithQuery(string name, Matcher value)
    {
        interaction.AddQuery(name, InteractionState.ValueOf(value));
        return this;
    }

    /// <summary>Adds a request header; repeat the call for several values.</summary>
    public RequestBuilder WithHeader(string name, string value)
    {
        interaction.AddHeader(InteractionPart.Request, name, value);
        return this;
    }

    /// <summary>Adds a request header matched by a rule.</summary>
    public RequestBuilder WithHeader(string name, Matcher value)
    {
        interaction.AddHeader(InteractionPart.Request, name, InteractionState.ValueOf(value));
        return this;
    }

    /// <summary>
    /// Sets a JSON request body (<c>application/json</c>), serialized with the pact's options; it may contain
    /// <see cref="Matcher"/>s anywhere. A <see cref="string"/> is serialized as a JSON string: use
    /// <see cref="WithBody"/> for JSON text.
    /// </summary>
    public RequestBuilder WithJsonBody(object? body, JsonSerializerOptions? options = null)
    {
        interaction.SetJsonBody(InteractionPart.Request, body, options);
        return this;
    }

    /// <summary>Sets a request body as text with its content type; JSON content types are checked to be valid JSON.</summary>
    /// <exception cref="ArgumentException">The content type is JSON but the body is not valid JSON.</exception>
    public RequestBuilder WithBody(string body, string contentType)
    {
        interaction.SetBody(InteractionPart.Request, body, contentType);
        return this;
    }

    /// <summary>Moves on to the response of this interaction.</summary>
    public ResponseBuilder WillRespond() => new(interaction);
}

using System;
using System.Collections.Generic;
using System.Text.Json;
using Kernel.Contracts.Pact.Interop;
using Kernel.Contracts.Pact.Matchers;

namespace Kernel.Contracts.Pact;

/// <summary>One native interaction plus the bookkeeping the core leaves to the caller (indices of repeated values).</summary>
internal sealed class InteractionState
{
    private readonly Dictionary<string, int> queryIndices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>[] headerIndices =
    [
        new(StringComparer.OrdinalIgnoreCase),
        new(StringComparer.OrdinalIgnoreCase),
    ];

    internal InteractionState(uint handle, string description, JsonSerializerOptions jsonOptions)
    {
        Handle = handle;
        Description = description;
        JsonOptions = jsonOptions;
    }

    internal uint Handle { get; }

    internal string Description { get; }

    internal JsonSerializerOptions JsonOptions { get; }

    internal void Check(bool succeeded, string what)
    {
        if (!succeeded)
        {
            throw new PactException(
                $"The Pact core rejected {what} for the interaction '{Description}' (is its mock server already running?).");
        }
    }

    internal void AddQuery(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        var index = NextIndex(queryIndices, name);
        Check(NativeMethods.pactffi_with_query_parameter_v2(Handle, name, (nuint)index, value), $"the query parameter '{name}'");
    }

    internal void AddHeader(InteractionPart part, string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        var index = NextIndex(headerIndices[(int)part], name);
        Check(NativeMethods.pactffi_with_header_v2(Handle, part, name, (nuint)index, value), $"the header '{name}'");
    }

    internal void SetJsonBody(InteractionPart part, object? body, JsonSerializerOptions? options)
    {
        var json = JsonSerializer.Serialize(body, body?.GetType() ?? typeof(object), options ?? JsonOptions);
        SetBody(part, json, "application/json");
    }

    internal void SetBody(InteractionPart part, string body, string contentType)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        if (Kernel.Contracts.OpenApi.MediaTypes.IsJson(contentType))
        {
            // The core silently stores invalid JSON as base64 bytes; fail here instead.
            try
            {
                using var _ = JsonDocument.Parse(body);
            }
            catch (JsonException exception)
            {
                throw new ArgumentException($"The body of '{Description}' is declared as {contentType} but is not valid JSON: {exception.Message}", nameof(body), exception);
            }
        }

        Check(NativeMethods.pactffi_with_body(Handle, part, contentType, body), $"the {part.ToString().ToLowerInvariant()} body");
    }

    internal static string ValueOf(Matcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        return matcher.ToJson();
    }

    private static int NextIndex(Dictionary<string, int> indices, string name)
    {
        indices.TryGetValue(name, out var index);
        indices[name] = index + 1;
        return index;
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kernel.Contracts.Reference.ProviderStates;

/// <summary>
/// <c>POST /_pact/provider-states</c>: the state-change endpoint a Pact verifier calls before (setup) and after
/// (teardown) each interaction. Body <c>{"state": "…", "params": {…}, "action": "setup"|"teardown"}</c>; a state the
/// server cannot enter is 400 with a problem saying why, so the verifier reports it against the interaction.
/// </summary>
public static class ProviderStateEndpoint
{
    /// <summary>The path of the endpoint.</summary>
    public const string Path = "/_pact/provider-states";

    /// <summary>Every change received, in order (for tests and logs).</summary>
    public sealed class Journal
    {
        /// <summary>The changes, oldest first.</summary>
        public ConcurrentQueue<ProviderStateChange> Changes { get; } = new();
    }

    /// <summary>Maps the endpoint for the <see cref="IProviderStateHandler"/> registered in the services.</summary>
    public static IEndpointConventionBuilder MapProviderStates(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, async (HttpContext context, IProviderStateHandler handler, Journal journal) =>
        {
            ProviderStateChange change;
            try
            {
                using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
                change = Read(document.RootElement);
            }
            catch (JsonException e)
            {
                return Problem("The state change is not JSON: " + e.Message);
            }
            catch (ProviderStateException e)
            {
                return Problem(e.Message);
            }

            journal.Changes.Enqueue(change);
            try
            {
                handler.Apply(change);
            }
            catch (ProviderStateException e)
            {
                return Problem(e.Message + (change.IsTeardown ? string.Empty : " Known states: " + string.Join("; ", handler.States.Select(s => "'" + s + "'")) + "."));
            }

            return Results.Text("{}", "application/json");
        });

    private static ProviderStateChange Read(JsonElement root)
    {
        try
        {
            ReadEveryString(root);
        }
        catch (InvalidOperationException e)
        {
            // JSON that parses but holds invalid UTF-8 or an escaped lone surrogate: the caller's error, not ours.
            throw new ProviderStateException("The state change holds text that is not valid Unicode: " + e.Message);
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("state", out var state) || state.ValueKind != JsonValueKind.String)
        {
            throw new ProviderStateException("A state change is a JSON object with a string 'state'.");
        }

        var action = root.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()! : "setup";
        if (action is not ("setup" or "teardown"))
        {
            throw new ProviderStateException("The action of a state change is 'setup' or 'teardown', not '" + action + "'.");
        }

        var parameters = root.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Object
            ? p.EnumerateObject().ToDictionary(x => x.Name, x => x.Value.Clone(), StringComparer.Ordinal)
            : new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        return new ProviderStateChange(state.GetString()!, parameters, action);
    }

    private static void ReadEveryString(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    ReadEveryString(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) ReadEveryString(item);
                break;
        }
    }

    private static IResult Problem(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "The provider state cannot be set up.");
}

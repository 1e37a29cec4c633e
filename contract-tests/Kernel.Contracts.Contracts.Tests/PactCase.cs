using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Kernel.Contracts.Pact;
using Kernel.Contracts.Pact.Matchers;

namespace Kernel.Contracts.Contracts.Tests;

/// <summary>
/// One consumer interaction: <see cref="Define"/> adds it to a pact, <see cref="Exercise"/> drives the generated client
/// against the mock server and asserts what the client made of the answer. <see cref="Committed"/> cases are written
/// to the committed pact and verified against the reference; the others are checked on the consumer side only.
/// </summary>
public sealed record PactCase(string Name, Action<PactBuilder> Define, Func<Uri, Task> Exercise, bool Committed = true)
{
    public override string ToString() => Name;
}

/// <summary>Helpers shared by the interaction definitions.</summary>
internal static class PactBodies
{
    private static readonly JsonSerializerOptions Options = new PactConfig().JsonSerializerOptions;

    /// <summary>A problem details body (<c>application/problem+json</c>), matchers allowed.</summary>
    public static ResponseBuilder WithProblem(this ResponseBuilder response, int status, object body) =>
        response.WithStatus(status).WithBody(JsonSerializer.Serialize(body, Options), "application/problem+json");

    public static Dictionary<string, object?> Params(params (string Key, object? Value)[] values)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in values) result[key] = value;
        return result;
    }

    /// <summary>The response's JSON content type, parameters allowed.</summary>
    public static Matcher JsonContentType => Match.Regex("application/json", @"application/json(;.*)?");

    public static HttpMethod Patch => HttpMethod.Patch;
}

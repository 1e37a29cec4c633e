using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Conformance.Probing;

/// <summary>What a probe request is: a valid one, or one broken on purpose in a given way.</summary>
public enum ProbeCaseKind
{
    /// <summary>A valid request.</summary>
    Valid,

    /// <summary>A parameter missing or with a value its schema refuses.</summary>
    InvalidParameter,

    /// <summary>A body missing, malformed, or with a member its schema refuses.</summary>
    InvalidBody,

    /// <summary>No credentials on a secured operation.</summary>
    MissingCredentials,

    /// <summary>Credentials the server must refuse.</summary>
    WrongCredentials,
}

/// <summary>One request to send: its operation, its kind with what is broken, its credentials, and the break applied to valid parts.</summary>
internal sealed record ProbeCase(SpecOperation Operation, ProbeCaseKind Kind, string What, ProbeCredentials Credentials, Func<RequestParts, RequestParts>? Break)
{
    /// <summary>A valid request of <paramref name="operation"/>.</summary>
    public static ProbeCase Valid(SpecOperation operation) => new(operation, ProbeCaseKind.Valid, string.Empty, ProbeCredentials.Valid, null);

    /// <summary>How a record names it: <c>valid</c>, <c>invalid: …</c> or <c>credentials: …</c>.</summary>
    public string Label => Kind switch
    {
        ProbeCaseKind.Valid => "valid",
        ProbeCaseKind.MissingCredentials or ProbeCaseKind.WrongCredentials => "credentials: " + What,
        _ => "invalid: " + What,
    };
}

/// <summary>A request before it is sent: path values, query, headers, body text.</summary>
internal sealed record RequestParts(Dictionary<string, string> Path, Dictionary<string, string> Query, Dictionary<string, string> Headers, string? Body, string? ContentType);

/// <summary>
/// The requests broken on purpose, from each operation's schemas: a required member or parameter missing, a wrong
/// type, a pattern, length, range or enum broken, an unknown member of a closed object, malformed JSON, missing or
/// wrong credentials.
/// </summary>
internal sealed class ProbeCases(SchemaShapes shapes, Random random)
{
    private readonly SchemaShapes _shapes = shapes;
    private readonly Random _random = random;

    /// <summary>The requests of <paramref name="operation"/> broken on purpose.</summary>
    public IEnumerable<ProbeCase> Broken(SpecOperation operation)
    {
        foreach (var parameter in operation.Parameters.Where(p => p.SchemaPointer is not null && p.In is "path" or "query" or "header"))
        {
            var shape = _shapes.Of(parameter.SchemaPointer!);
            if (parameter.Required && parameter.In != "path")
            {
                yield return Case(operation, ProbeCaseKind.InvalidParameter, parameter.In + " parameter '" + parameter.Name + "' missing", r => Without(r, parameter));
            }

            foreach (var (what, value) in BrokenTexts(shape).Where(t => Travels(parameter.In, t.Value)))
            {
                yield return Case(operation, ProbeCaseKind.InvalidParameter, parameter.In + " parameter '" + parameter.Name + "' " + what, r => With(r, parameter, value));
            }
        }

        if (operation.RequestBody is { } body && body.Content.FirstOrDefault(c => MediaTypes.DescribesJson(c.Key)) is { Value: { } schema } json)
        {
            var shape = _shapes.Of(schema);
            if (body.Required)
            {
                yield return Case(operation, ProbeCaseKind.InvalidBody, "body missing", r => r with { Body = null });
            }

            yield return Case(operation, ProbeCaseKind.InvalidBody, "malformed JSON body", r => r with { Body = (r.Body ?? "{}").TrimEnd().TrimEnd('}') + ",\"" });
            foreach (var (what, change) in BrokenMembers(shape, string.Empty))
            {
                yield return Case(operation, ProbeCaseKind.InvalidBody, "body " + what, r => r with { Body = Mutate(r.Body, change) });
            }
        }

        if (operation.Secured)
        {
            yield return new ProbeCase(operation, ProbeCaseKind.MissingCredentials, "missing", ProbeCredentials.Missing, null);
            yield return new ProbeCase(operation, ProbeCaseKind.WrongCredentials, "wrong", ProbeCredentials.Wrong, null);
        }
    }

    private static ProbeCase Case(SpecOperation operation, ProbeCaseKind kind, string what, Func<RequestParts, RequestParts> change) =>
        new(operation, kind, what, ProbeCredentials.Valid, change);

    private static RequestParts Without(RequestParts parts, SpecParameter parameter)
    {
        (parameter.In == "query" ? parts.Query : parts.Headers).Remove(parameter.Name);
        return parts;
    }

    internal static RequestParts With(RequestParts parts, SpecParameter parameter, string value)
    {
        (parameter.In switch { "path" => parts.Path, "query" => parts.Query, _ => parts.Headers })[parameter.Name] = value;
        return parts;
    }

    /// <summary>Texts a parameter with this schema must refuse: near misses of valid values.</summary>
    private IEnumerable<(string What, string Value)> BrokenTexts(SchemaShape shape) => SchemaSampler.NearMisses(shape, _random).ToList();

    /// <summary>
    /// Whether a value reaches the server as itself: a path segment of dots is removed by URL normalisation and an
    /// encoded slash is read differently by different servers; a header loses surrounding whitespace.
    /// </summary>
    internal static bool Travels(string location, string value) => location switch
    {
        "path" => value is not ("" or "." or "..") && !value.Contains('/', StringComparison.Ordinal),
        "header" => value.Length > 0 && value.Trim() == value && value.All(c => c >= ' ' && c < 0x7F),
        _ => true,
    };

    /// <summary>Changes to a JSON object with this schema that make it invalid.</summary>
    private IEnumerable<(string What, Action<JsonObject> Change)> BrokenMembers(SchemaShape shape, string prefix)
    {
        foreach (var name in shape.Required.Order(StringComparer.Ordinal))
        {
            yield return ("without required '" + prefix + name + "'", o => o.Remove(name));
        }

        if (shape.Closed)
        {
            yield return ("with an unknown member '" + prefix + "unexpectedMember'", o => o["unexpectedMember"] = 1);
        }

        foreach (var (name, member) in shape.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var path = prefix + name;
            JsonNode wrong = member.Type switch
            {
                "string" => JsonValue.Create(12345),
                "object" or "array" => JsonValue.Create("not-" + member.Type),
                _ => JsonValue.Create("not-" + (member.Type ?? "a-value")),
            };
            if (member.Type is not null) yield return ("with '" + path + "' of the wrong type", o => o[name] = wrong.DeepClone());
            if (!member.Nullable && !shape.Required.Contains(name) && member.Type is not null) yield return ("with '" + path + "' null", o => o[name] = null);
            // The near misses of a parameter, as JSON (a wrong type is its own case above).
            if (member.Type is "string" or "integer" or "number")
            {
                var number = member.Type != "string";
                foreach (var (what, value) in BrokenTexts(member).Where(t => t.What != "not a number"))
                {
                    JsonNode near = number ? JsonValue.Create(decimal.Parse(value, CultureInfo.InvariantCulture)) : JsonValue.Create(value);
                    yield return ("with '" + path + "' " + what, o => o[name] = near.DeepClone());
                }
            }

            if (member.Type == "object" && member.Properties.Count > 0)
            {
                foreach (var (what, change) in BrokenMembers(member, path + "."))
                {
                    yield return (what, o =>
                    {
                        if (o[name] is not JsonObject inner)
                        {
                            o[name] = inner = new JsonObject();
                        }

                        change(inner);
                    });
                }
            }
        }
    }

    private static string? Mutate(string? body, Action<JsonObject> change)
    {
        if (body is null || JsonNode.Parse(body) is not JsonObject value) return body;
        change(value);
        return value.ToJsonString();
    }
}

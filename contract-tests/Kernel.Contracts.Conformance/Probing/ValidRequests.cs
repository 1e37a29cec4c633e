using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Conformance.Probing;

/// <summary>
/// Valid requests: ids from earlier responses (<see cref="IdPool"/>) when there are some, else the document's
/// examples, else values sampled from the schemas or made by the fakers; every fourth round, valid ids no one issued.
/// </summary>
internal sealed class ValidRequests(ApiDocument document, ProbeOptions options, SchemaShapes shapes, IdPool ids, Random random, Bogus.Faker faker, List<string> notes)
{
    private readonly ApiDocument _document = document;
    private readonly ProbeOptions _options = options;
    private readonly SchemaShapes _shapes = shapes;
    private readonly IdPool _ids = ids;
    private readonly Random _random = random;
    private readonly Bogus.Faker _faker = faker;
    private readonly List<string> _notes = notes;

    /// <summary>Valid parts: ids from earlier responses when there are some, else the document's examples, else faked values.</summary>
    public RequestParts ValidParts(SpecOperation operation, int round)
    {
        var parts = new RequestParts(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.OrdinalIgnoreCase), null, null);
        foreach (var parameter in operation.Parameters)
        {
            if (parameter.In == "query" && !parameter.Required && _random.Next(2) == 0) continue;
            if (parameter.In == "header" && !parameter.Required) continue;
            // Every fourth round asks for things that do not exist: valid ids no one issued (a documented 404, say).
            var value = (round % 4 == 3 && parameter.In == "path" ? Unknown(parameter, round) : null) ?? _ids.Pick(parameter.Name) ?? Example(parameter, round);
            if (value is null) continue;
            (parameter.In switch { "path" => parts.Path, "query" => parts.Query, "header" => parts.Headers, _ => new Dictionary<string, string>() })[parameter.Name] = value;
        }

        if (operation.RequestBody is { } body && body.Content.FirstOrDefault(c => MediaTypes.DescribesJson(c.Key)) is { Key: { } mediaType } media)
        {
            var example = BodyExample(body, mediaType);
            var faked = _options.FakeBody?.Invoke(operation, _faker);
            var chosen = round % 2 == 1 && faked is not null ? faked : example ?? faked;
            if (chosen is JsonObject o && round > 0)
            {
                // A fresh value for members that name a new thing (a session token), so creates create.
                foreach (var (name, value) in o.ToList())
                {
                    if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && name.EndsWith("Token", StringComparison.Ordinal))
                    {
                        o[name] = "probe" + _options.Seed.ToString(CultureInfo.InvariantCulture) + "r" + round.ToString(CultureInfo.InvariantCulture);
                    }
                }
            }

            parts = parts with { Body = chosen?.ToJsonString(), ContentType = mediaType };
        }

        return parts;
    }

    /// <summary>A value the schema accepts but no server issued (an id sampled from its pattern, say).</summary>
    private string? Unknown(SpecParameter parameter, int round)
    {
        if (parameter.SchemaPointer is null) return null;
        var shape = _shapes.Of(parameter.SchemaPointer);
        return shape.Type != "string" || shape.Enum is not null ? null : Sampled(parameter, shape);
    }

    /// <summary>
    /// The document's example, or on odd rounds (and when there is none) a value sampled from the schema, as
    /// different users would send; the schema's own example when a pattern cannot be sampled.
    /// </summary>
    private string? Example(SpecParameter parameter, int round)
    {
        var shape = parameter.SchemaPointer is null ? null : _shapes.Of(parameter.SchemaPointer);
        if (shape is not null && (round % 2 == 1 || parameter.Example is not JsonValue) && Sampled(parameter, shape) is { } sampled) return sampled;
        if (parameter.Example is JsonValue example) return example.ToString();
        if (shape is null) return null;
        if (_document.Resolve(parameter.SchemaPointer!) is JsonObject schema && schema["example"] is JsonValue schemaExample) return schemaExample.ToString();
        // No example and a pattern the sampler cannot follow: a plain value, which the server may refuse with a documented 4xx.
        return shape.Type is "string" or null ? "probe" + _faker.Random.AlphaNumeric(Math.Max(4, shape.MinLength ?? 4)) : null;
    }

    /// <summary>A value sampled from the parameter's schema that travels as itself; null (with a note) for a pattern the sampler does not support.</summary>
    private string? Sampled(SpecParameter parameter, SchemaShape shape)
    {
        if (shape.PatternUnsupported is { } why)
        {
            var note = "the pattern '" + shape.Pattern + "' of " + parameter.In + " parameter '" + parameter.Name + "' " + why + "; its values come from the document's examples.";
            if (!_notes.Contains(note, StringComparer.Ordinal)) _notes.Add(note);
            return null;
        }

        for (var attempt = 0; attempt < 8; attempt++)
        {
            if (SchemaSampler.Valid(shape, _random) is { } value && ProbeCases.Travels(parameter.In, value)) return value;
        }

        return null;
    }

    private JsonNode? BodyExample(SpecBody body, string mediaType)
    {
        var pointer = body.Content[mediaType];
        if (pointer is null) return null;
        var mediaPointer = pointer[..^"/schema".Length];
        var media = _document.Resolve(mediaPointer) as JsonObject;
        if (media?["example"] is { } example) return example.DeepClone();
        if (media?["examples"] is JsonObject examples && examples.Count > 0)
        {
            var pick = examples.ElementAt(_random.Next(examples.Count));
            var (node, _) = _document.Deref((JsonObject)pick.Value!, mediaPointer + "/examples/" + Pointers.Escape(pick.Key));
            return node["value"]?.DeepClone();
        }

        return (_document.Resolve(pointer) as JsonObject)?["example"]?.DeepClone();
    }
}

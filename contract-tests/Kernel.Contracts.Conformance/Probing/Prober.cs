using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Conformance.Probing;

/// <summary>
/// Probes a running implementation from its OpenAPI document: valid requests (document examples and faked bodies,
/// with ids chained from earlier responses: create then get, run then status) and requests broken on purpose (a
/// required member missing, a wrong type, a pattern, length, range or enum broken, an unknown member of a closed
/// object, malformed JSON, missing or wrong credentials). Each response must be no 5xx, a status the document gives
/// the operation, a 4xx for broken input, and a Content-Type and body that match the documented response.
/// </summary>
public sealed class Prober
{
    private const string Breaks = "\u00a7 not valid \u00a7";
    private readonly ApiDocument _document;
    private readonly ProbeOptions _options;
    private readonly Bogus.Faker _faker;
    private readonly Random _random;
    private readonly Dictionary<string, List<string>> _pool = new(StringComparer.Ordinal);
    private readonly Dictionary<ProbeCredentials, HttpClient> _clients = new();
    private readonly List<ProbeRecord> _records = [];
    private readonly Dictionary<string, SchemaShape> _shapes = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];
    private int _round;

    private Prober(ApiDocument document, ProbeOptions options)
    {
        _document = document;
        _options = options;
        _faker = new Bogus.Faker { Random = new Bogus.Randomizer(options.Seed) };
        _random = new Random(options.Seed);
    }

    /// <summary>Runs a probe; <paramref name="progress"/> hears of each request as it completes.</summary>
    public static async Task<ProbeResult> RunAsync(ApiDocument document, ProbeOptions options, Action<ProbeRecord>? progress = null, CancellationToken cancellationToken = default)
    {
        var prober = new Prober(document, options);
        try
        {
            return await prober.RunAsync(progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var client in prober._clients.Values) client.Dispose();
        }
    }

    private async Task<ProbeResult> RunAsync(Action<ProbeRecord>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var operations = Ordered(_document.Operations).ToList();
        var broken = operations.SelectMany(BrokenCases).ToList();
        var timedOut = false;

        // One valid round first (it fills the id pool), then every broken case, then valid rounds until the budget is spent.
        var queue = new Queue<Func<Task<ProbeRecord>>>();
        foreach (var operation in operations) queue.Enqueue(() => SendValidAsync(operation, cancellationToken));
        foreach (var @case in broken) queue.Enqueue(() => SendAsync(@case, cancellationToken));
        while (_records.Count < _options.MaxRequests)
        {
            if (queue.Count == 0)
            {
                _round++;
                foreach (var operation in operations) queue.Enqueue(() => SendValidAsync(operation, cancellationToken));
            }

            if (clock.Elapsed > _options.TimeLimit)
            {
                timedOut = true;
                break;
            }

            var record = await queue.Dequeue()().ConfigureAwait(false);
            _records.Add(record);
            progress?.Invoke(record);
        }

        return new ProbeResult(_records, timedOut) { Notes = _notes };
    }

    /// <summary>Creating operations first, reading and changing ones next, deleting ones last.</summary>
    private static IEnumerable<SpecOperation> Ordered(IEnumerable<SpecOperation> operations) =>
        operations.OrderBy(o => o.Method switch { "POST" => 0, "PUT" => 1, "GET" => 2, "PATCH" => 3, "DELETE" => 5, _ => 4 }).ThenBy(o => o.PathParameterNames.Count);

    private sealed record ProbeCase(SpecOperation Operation, string Kind, ProbeCredentials Credentials, Func<RequestParts, RequestParts>? Break);

    /// <summary>A request before it is sent: path values, query, headers, body text.</summary>
    private sealed record RequestParts(Dictionary<string, string> Path, Dictionary<string, string> Query, Dictionary<string, string> Headers, string? Body, string? ContentType);

    private Task<ProbeRecord> SendValidAsync(SpecOperation operation, CancellationToken cancellationToken) =>
        SendAsync(new ProbeCase(operation, "valid", ProbeCredentials.Valid, null), cancellationToken);

    private IEnumerable<ProbeCase> BrokenCases(SpecOperation operation)
    {
        foreach (var parameter in operation.Parameters.Where(p => p.SchemaPointer is not null && p.In is "path" or "query" or "header"))
        {
            var shape = Shape(parameter.SchemaPointer!);
            if (parameter.Required && parameter.In != "path")
            {
                yield return Case(operation, "invalid: " + parameter.In + " parameter '" + parameter.Name + "' missing", r => Without(r, parameter));
            }

            foreach (var (what, value) in BrokenTexts(shape).Where(t => Travels(parameter.In, t.Value)))
            {
                yield return Case(operation, "invalid: " + parameter.In + " parameter '" + parameter.Name + "' " + what, r => With(r, parameter, value));
            }
        }

        if (operation.RequestBody is { } body && body.Content.FirstOrDefault(c => MediaTypes.DescribesJson(c.Key)) is { Value: { } schema } json)
        {
            var shape = Shape(schema);
            if (body.Required)
            {
                yield return Case(operation, "invalid: body missing", r => r with { Body = null });
            }

            yield return Case(operation, "invalid: malformed JSON body", r => r with { Body = (r.Body ?? "{}").TrimEnd().TrimEnd('}') + ",\"" });
            foreach (var (what, change) in BrokenMembers(shape, string.Empty))
            {
                yield return Case(operation, "invalid: body " + what, r => r with { Body = Mutate(r.Body, change) });
            }
        }

        if (operation.Secured)
        {
            yield return new ProbeCase(operation, "credentials: missing", ProbeCredentials.Missing, null);
            yield return new ProbeCase(operation, "credentials: wrong", ProbeCredentials.Wrong, null);
        }
    }

    /// <summary>The shape of the schema at a pointer, read once per probe.</summary>
    private SchemaShape Shape(string pointer)
    {
        if (!_shapes.TryGetValue(pointer, out var shape))
        {
            _shapes[pointer] = shape = SchemaShape.Of(_document, pointer);
        }

        return shape;
    }

    private static ProbeCase Case(SpecOperation operation, string kind, Func<RequestParts, RequestParts> change) =>
        new(operation, kind, ProbeCredentials.Valid, change);

    private static RequestParts Without(RequestParts parts, SpecParameter parameter)
    {
        (parameter.In == "query" ? parts.Query : parts.Headers).Remove(parameter.Name);
        return parts;
    }

    private static RequestParts With(RequestParts parts, SpecParameter parameter, string value)
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
    private static bool Travels(string location, string value) => location switch
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

    private async Task<ProbeRecord> SendAsync(ProbeCase @case, CancellationToken cancellationToken)
    {
        var operation = @case.Operation;
        var parts = ValidParts(operation);
        if (@case.Break is { } change) parts = change(parts);

        var path = _document.DefaultBasePath + Regex.Replace(operation.PathTemplate, "{([^}]+)}", m => Uri.EscapeDataString(parts.Path.GetValueOrDefault(m.Groups[1].Value, "x")));
        var query = string.Join("&", parts.Query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value)));
        var url = new Uri(_options.BaseAddress, path.TrimStart('/') + (query.Length > 0 ? "?" + query : string.Empty));
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), url);
        foreach (var (name, value) in parts.Headers) request.Headers.TryAddWithoutValidation(name, value);
        if (parts.Body is not null)
        {
            request.Content = new StringContent(parts.Body, Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(parts.ContentType ?? "application/json");
        }

        var problems = new List<string>();
        int? status = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.RequestTimeout);
            using var response = await Client(@case.Credentials).SendAsync(request, timeout.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            Check(@case, response, text, problems);
            if (@case.Kind == "valid" && status is >= 200 and < 300) Remember(operation, parts, text);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            problems.Add("no response: " + e.Message);
        }

        return new ProbeRecord(operation.OperationId, @case.Kind, operation.Method, url.ToString(), status, problems, Curl.Of(request, parts.Body));
    }

    private void Check(ProbeCase @case, HttpResponseMessage response, string text, List<string> problems)
    {
        var status = (int)response.StatusCode;
        var operation = @case.Operation;
        if (status >= 500)
        {
            problems.Add("server error " + status + (text.Length > 0 ? ": " + Shorten(text) : string.Empty));
        }

        if (@case.Kind != "valid" && status is < 400 or >= 500)
        {
            problems.Add("accepted broken input (" + @case.Kind + ") with " + status + "; expected a 4xx");
        }

        var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => (IReadOnlyList<string>)h.Value.ToList(), StringComparer.OrdinalIgnoreCase);
        var checkedResponse = new ResponseToCheck(status, response.Content.Headers.ContentType?.MediaType, text, headers, Sent: true, ToHead: response.RequestMessage?.Method == HttpMethod.Head);
        problems.AddRange(ResponseCheck.Check(_document, operation, checkedResponse).Select(f => f.Message));
    }

    /// <summary>Valid parts: ids from earlier responses when there are some, else the document's examples, else faked values.</summary>
    private RequestParts ValidParts(SpecOperation operation)
    {
        var parts = new RequestParts(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.OrdinalIgnoreCase), null, null);
        foreach (var parameter in operation.Parameters)
        {
            if (parameter.In == "query" && !parameter.Required && _random.Next(2) == 0) continue;
            if (parameter.In == "header" && !parameter.Required) continue;
            // Every fourth round asks for things that do not exist: valid ids no one issued (a documented 404, say).
            var value = (_round % 4 == 3 && parameter.In == "path" ? Unknown(parameter) : null) ?? Chained(parameter.Name) ?? Example(parameter);
            if (value is null) continue;
            (parameter.In switch { "path" => parts.Path, "query" => parts.Query, "header" => parts.Headers, _ => new Dictionary<string, string>() })[parameter.Name] = value;
        }

        if (operation.RequestBody is { } body && body.Content.FirstOrDefault(c => MediaTypes.DescribesJson(c.Key)) is { Key: { } mediaType } media)
        {
            var example = BodyExample(body, mediaType);
            var faked = _options.FakeBody?.Invoke(operation, _faker);
            var chosen = _round % 2 == 1 && faked is not null ? faked : example ?? faked;
            if (chosen is JsonObject o && _round > 0)
            {
                // A fresh value for members that name a new thing (a session token), so creates create.
                foreach (var (name, value) in o.ToList())
                {
                    if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && name.EndsWith("Token", StringComparison.Ordinal))
                    {
                        o[name] = "probe" + _options.Seed.ToString(CultureInfo.InvariantCulture) + "r" + _round.ToString(CultureInfo.InvariantCulture);
                    }
                }
            }

            parts = parts with { Body = chosen?.ToJsonString(), ContentType = mediaType };
        }

        return parts;
    }

    private string? Chained(string parameter)
    {
        if (!_pool.TryGetValue(Key(parameter), out var values) || values.Count == 0) return null;
        return values[_random.Next(values.Count)];
    }

    /// <summary>A value the schema accepts but no server issued (an id sampled from its pattern, say).</summary>
    private string? Unknown(SpecParameter parameter)
    {
        if (parameter.SchemaPointer is null) return null;
        var shape = Shape(parameter.SchemaPointer);
        return shape.Type != "string" || shape.Enum is not null ? null : Sampled(parameter, shape);
    }

    /// <summary>
    /// The document's example, or on odd rounds (and when there is none) a value sampled from the schema, as
    /// different users would send; the schema's own example when a pattern cannot be sampled.
    /// </summary>
    private string? Example(SpecParameter parameter)
    {
        var shape = parameter.SchemaPointer is null ? null : Shape(parameter.SchemaPointer);
        if (shape is not null && (_round % 2 == 1 || parameter.Example is not JsonValue) && Sampled(parameter, shape) is { } sampled) return sampled;
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
            if (SchemaSampler.Valid(shape, _random) is { } value && Travels(parameter.In, value)) return value;
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

    /// <summary>Keeps the strings of a successful response, by member name (and <c>id</c>s by their container: datasets[].id → dataset id).</summary>
    private void Remember(SpecOperation operation, RequestParts parts, string text)
    {
        foreach (var (name, value) in parts.Path) Add(name, value);
        if (operation.Method == "DELETE")
        {
            foreach (var (name, value) in parts.Path) _pool.GetValueOrDefault(Key(name))?.Remove(value);
            return;
        }

        JsonNode? body;
        try
        {
            body = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return;
        }

        Walk(body, null, 0);

        void Walk(JsonNode? node, string? container, int depth)
        {
            if (depth > 4) return;
            switch (node)
            {
                case JsonObject o:
                    foreach (var (name, child) in o)
                    {
                        if (child is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                        {
                            Add(name, v.GetValue<string>());
                            if (name == "id" && container is not null) Add(Singular(container) + "Id", v.GetValue<string>());
                        }
                        else
                        {
                            Walk(child, name, depth + 1);
                        }
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a.Take(20)) Walk(child, container, depth + 1);
                    break;
            }
        }
    }

    private void Add(string name, string value)
    {
        var key = Key(name);
        if (!_pool.TryGetValue(key, out var values)) _pool[key] = values = [];
        if (!values.Contains(value, StringComparer.Ordinal)) values.Add(value);
    }

    private static string Singular(string name) => name.EndsWith('s') ? name[..^1] : name;

    /// <summary><c>kernel_id</c>, <c>kernelId</c> and <c>KernelID</c> are one key.</summary>
    private static string Key(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    private HttpClient Client(ProbeCredentials credentials)
    {
        if (!_clients.TryGetValue(credentials, out var client))
        {
            _clients[credentials] = client = new HttpClient(_options.Handler(credentials)) { Timeout = Timeout.InfiniteTimeSpan };
        }

        return client;
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}

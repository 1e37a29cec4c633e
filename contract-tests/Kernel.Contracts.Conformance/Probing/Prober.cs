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
    private readonly ApiDocument _document;
    private readonly ProbeOptions _options;
    private readonly ProbeCases _cases;
    private readonly ValidRequests _valid;
    private readonly IdPool _ids;
    private readonly Dictionary<ProbeCredentials, HttpClient> _clients = new();
    private readonly List<ProbeRecord> _records = [];
    private readonly List<string> _notes = [];
    private int _round;

    private Prober(ApiDocument document, ProbeOptions options)
    {
        _document = document;
        _options = options;
        var faker = new Bogus.Faker { Random = new Bogus.Randomizer(options.Seed) };
        var random = new Random(options.Seed);
        var shapes = new SchemaShapes(document);
        _ids = new IdPool(random);
        _cases = new ProbeCases(shapes, random);
        _valid = new ValidRequests(document, options, shapes, _ids, random, faker, _notes);
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
        var broken = operations.SelectMany(_cases.Broken).ToList();
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

    private Task<ProbeRecord> SendValidAsync(SpecOperation operation, CancellationToken cancellationToken) =>
        SendAsync(ProbeCase.Valid(operation), cancellationToken);

    private async Task<ProbeRecord> SendAsync(ProbeCase @case, CancellationToken cancellationToken)
    {
        var operation = @case.Operation;
        var parts = _valid.ValidParts(operation, _round);
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
            if (@case.Kind == ProbeCaseKind.Valid && status is >= 200 and < 300) _ids.Remember(operation, parts, text);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            problems.Add("no response: " + e.Message);
        }

        return new ProbeRecord(operation.OperationId, @case.Label, operation.Method, url.ToString(), status, problems, Curl.Of(request, parts.Body));
    }

    private void Check(ProbeCase @case, HttpResponseMessage response, string text, List<string> problems)
    {
        var status = (int)response.StatusCode;
        var operation = @case.Operation;
        if (status >= 500)
        {
            problems.Add("server error " + status + (text.Length > 0 ? ": " + Shorten(text) : string.Empty));
        }

        if (@case.Kind != ProbeCaseKind.Valid && status is < 400 or >= 500)
        {
            problems.Add("accepted broken input (" + @case.Label + ") with " + status + "; expected a 4xx");
        }

        var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => (IReadOnlyList<string>)h.Value.ToList(), StringComparer.OrdinalIgnoreCase);
        var checkedResponse = ResponseToCheck.Sent(status, response.Content.Headers.ContentType?.MediaType, text, headers, toHead: response.RequestMessage?.Method == HttpMethod.Head);
        problems.AddRange(ResponseCheck.Check(_document, operation, checkedResponse).Select(f => f.Message));
    }

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

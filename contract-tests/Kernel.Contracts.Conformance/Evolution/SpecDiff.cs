using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Conformance.Evolution;

/// <summary>One change between two versions of a document.</summary>
/// <param name="Rule">The kind of change, with what it means for clients and servers.</param>
/// <param name="Message">What changed, in plain words, naming the operation and member.</param>
/// <param name="BasePointer">Where it stands in the old document (a JSON pointer), or null when it is new.</param>
/// <param name="HeadPointer">Where it stands in the new document, or null when it is gone.</param>
public sealed record SpecChange(DiffRule Rule, string Message, string? BasePointer, string? HeadPointer)
{
    /// <summary>The worse of the client's and the server's impact.</summary>
    public Impact Worst => (Impact)Math.Max((int)Rule.Client, (int)Rule.Server);
}

/// <summary>
/// Compares two versions of an OpenAPI document operation by operation (matched on method and path, whatever the
/// path parameters are called) and schema by schema, and classifies every change by <see cref="DiffRules"/>.
/// Requests and responses are judged in opposite directions: narrowing what a request may carry breaks clients,
/// widening what a response may carry breaks strict clients, and the reverse burdens servers.
/// </summary>
public sealed class SpecDiff
{
    private const int MaxDepth = 64;
    private readonly ApiDocument _base;
    private readonly ApiDocument _head;
    private readonly List<SpecChange> _changes = [];
    private readonly HashSet<(string, string, bool)> _compared = [];
    private readonly Dictionary<(string, string, string, string), int> _shared = [];
    private readonly Dictionary<int, List<string>> _alsoIn = [];

    private SpecDiff(ApiDocument @base, ApiDocument head)
    {
        _base = @base;
        _head = head;
    }

    /// <summary>Every change from <paramref name="base"/> to <paramref name="head"/>, in document order.</summary>
    public static IReadOnlyList<SpecChange> Compare(ApiDocument @base, ApiDocument head)
    {
        var diff = new SpecDiff(@base, head);
        diff.Run();
        return diff._changes.Select((c, i) => diff._alsoIn.TryGetValue(i, out var also) && also.Count > 0
            ? c with { Message = c.Message + " (the same schema is used by " + string.Join(", ", also) + ")" }
            : c).ToList();
    }

    /// <summary>
    /// The version bump the change set asks for: <c>major</c> for any breaking change (for a client or a server),
    /// <c>minor</c> for additions, <c>patch</c> otherwise, <c>none</c> without changes.
    /// </summary>
    public static string SuggestedBump(IReadOnlyCollection<SpecChange> changes) =>
        changes.Count == 0 ? "none"
        : changes.Any(c => c.Worst == Impact.Breaking) ? "major"
        : changes.Any(c => c.Rule.Id.Contains("added", StringComparison.Ordinal) || c.Rule == DiffRules.RequestWidened) ? "minor"
        : "patch";

    private void Run()
    {
        foreach (var path in _base.BasePaths.Except(_head.BasePaths))
        {
            Add(DiffRules.BasePathRemoved, $"the base path '{Shown(path)}' is no longer served", "#/servers", "#/servers");
        }

        foreach (var path in _head.BasePaths.Except(_base.BasePaths))
        {
            Add(DiffRules.BasePathAdded, $"the base path '{Shown(path)}' is new", "#/servers", "#/servers");
        }

        var heads = _head.Operations.ToDictionary(Key, StringComparer.Ordinal);
        var bases = _base.Operations.ToDictionary(Key, StringComparer.Ordinal);
        foreach (var old in _base.Operations)
        {
            if (heads.TryGetValue(Key(old), out var now)) CompareOperation(old, now);
            else Add(DiffRules.OperationRemoved, $"{old.OperationId} ({old.Method} {old.PathTemplate}) was removed", old.Pointer, null);
        }

        foreach (var now in _head.Operations.Where(o => !bases.ContainsKey(Key(o))))
        {
            Add(DiffRules.OperationAdded, $"{now.OperationId} ({now.Method} {now.PathTemplate}) is new", null, now.Pointer);
        }

        static string Shown(string basePath) => basePath.Length == 0 ? "/" : basePath;
    }

    private static string Key(SpecOperation operation) => operation.Method + " " + Regex.Replace(operation.PathTemplate, "{[^}]*}", "{}");

    private void CompareOperation(SpecOperation old, SpecOperation now)
    {
        var name = now.OperationId;
        if (old.OperationId != now.OperationId)
        {
            Add(DiffRules.OperationIdChanged, $"{now.Method} {now.PathTemplate}: operationId '{old.OperationId}' became '{now.OperationId}'", old.Pointer, now.Pointer);
        }

        CompareSecurity(old, now);
        CompareParameters(name, old, now);
        CompareRequestBody(name, old, now);
        CompareResponses(name, old, now);
    }

    private void CompareSecurity(SpecOperation old, SpecOperation now)
    {
        string Schemes(ApiDocument document, SpecOperation operation)
        {
            var node = document.Resolve(operation.Pointer)?["security"] ?? document.Root["security"];
            return string.Join(" | ", (node as JsonArray ?? []).Select(r => string.Join("+", (r as JsonObject ?? []).Select(p => p.Key).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));
        }

        var (before, after) = (Schemes(_base, old), Schemes(_head, now));
        if (old.Secured == now.Secured && before == after) return;
        var (rule, what) = (old.Secured, now.Secured) switch
        {
            (false, true) => (DiffRules.SecurityAdded, "now requires credentials"),
            (true, false) => (DiffRules.SecurityRemoved, "no longer requires credentials"),
            _ => (DiffRules.SecurityChanged, $"requires '{after}' instead of '{before}'"),
        };
        Add(rule, $"{now.OperationId}: {what}", old.Pointer, now.Pointer);
    }

    private void CompareParameters(string name, SpecOperation old, SpecOperation now)
    {
        // Path parameters are matched by position (a renamed one is the same parameter); the others by location and name.
        string Key(SpecOperation operation, SpecParameter p) =>
            p.In == "path" ? "path#" + operation.PathParameterNames.ToList().IndexOf(p.Name) : p.In + ":" + (p.In == "header" ? p.Name.ToLowerInvariant() : p.Name);

        var heads = now.Parameters.ToDictionary(p => Key(now, p), StringComparer.Ordinal);
        var bases = old.Parameters.ToDictionary(p => Key(old, p), StringComparer.Ordinal);
        foreach (var p in old.Parameters)
        {
            var label = $"{name}: {p.In} parameter '{p.Name}'";
            if (!heads.TryGetValue(Key(old, p), out var q))
            {
                Add(DiffRules.ParameterRemoved, label + " was removed", p.SchemaPointer ?? old.Pointer, null);
                continue;
            }

            if (!p.Required && q.Required) Add(DiffRules.ParameterBecameRequired, label + " became required", p.SchemaPointer, q.SchemaPointer);
            if (p.Required && !q.Required) Add(DiffRules.ParameterBecameOptional, label + " became optional", p.SchemaPointer, q.SchemaPointer);
            if (p.SchemaPointer is not null && q.SchemaPointer is not null) CompareTop(label, request: true, p.SchemaPointer, q.SchemaPointer);
        }

        foreach (var q in now.Parameters.Where(q => !bases.ContainsKey(Key(now, q))))
        {
            Add(q.Required ? DiffRules.ParameterAddedRequired : DiffRules.ParameterAddedOptional, $"{name}: {q.In} parameter '{q.Name}' is new{(q.Required ? " and required" : string.Empty)}", null, q.SchemaPointer ?? now.Pointer);
        }
    }

    private void CompareRequestBody(string name, SpecOperation old, SpecOperation now)
    {
        var (a, b) = (old.RequestBody, now.RequestBody);
        if (a is null && b is null) return;
        var (aPointer, bPointer) = (old.Pointer + "/requestBody", now.Pointer + "/requestBody");
        if (a is null)
        {
            if (b!.Required) Add(DiffRules.RequestBodyAddedRequired, $"{name}: a request body is now required", null, bPointer);
            return;
        }

        if (b is null)
        {
            Add(DiffRules.RequestBodyRemoved, $"{name}: the request body was removed", aPointer, null);
            return;
        }

        if (!a.Required && b.Required) Add(DiffRules.RequestBodyBecameRequired, $"{name}: the request body became required", aPointer, bPointer);
        if (a.Required && !b.Required) Add(DiffRules.RequestBodyBecameOptional, $"{name}: the request body became optional", aPointer, bPointer);
        CompareContent($"{name}: request body", request: true, a.Content, b.Content, aPointer, bPointer, DiffRules.RequestMediaTypeRemoved, DiffRules.RequestMediaTypeAdded);
    }

    private void CompareResponses(string name, SpecOperation old, SpecOperation now)
    {
        static bool Success(string status) => status.StartsWith('2');
        foreach (var (status, a) in old.Responses)
        {
            if (!now.Responses.TryGetValue(status, out var b))
            {
                Add(Success(status) ? DiffRules.ResponseSuccessStatusRemoved : DiffRules.ResponseStatusRemoved, $"{name}: the documented response {status} was removed", a.Pointer, null);
                continue;
            }

            CompareContent($"{name}: response {status}", request: false, a.Content, b.Content, a.Pointer, b.Pointer, DiffRules.ResponseMediaTypeRemoved, DiffRules.ResponseMediaTypeAdded);
        }

        foreach (var (status, b) in now.Responses.Where(r => !old.Responses.ContainsKey(r.Key)))
        {
            Add(Success(status) ? DiffRules.ResponseSuccessStatusAdded : DiffRules.ResponseStatusAdded, $"{name}: the response {status} is new", null, b.Pointer);
        }
    }

    private void CompareContent(string label, bool request, IReadOnlyDictionary<string, string?> a, IReadOnlyDictionary<string, string?> b, string aPointer, string bPointer, DiffRule removed, DiffRule added)
    {
        foreach (var (type, schema) in a)
        {
            if (!b.TryGetValue(type, out var other))
            {
                Add(removed, $"{label}: the media type {type} was removed", MediaPointer(schema, aPointer, type), null);
            }
            else if (schema is not null && other is not null)
            {
                CompareTop(label, request, schema, other);
            }
        }

        foreach (var type in b.Keys.Where(t => !a.ContainsKey(t)))
        {
            Add(added, $"{label}: the media type {type} is new", null, MediaPointer(b[type], bPointer, type));
        }

        // The media type's own pointer, behind the references its schema pointer already went through.
        static string MediaPointer(string? schema, string owner, string type) =>
            schema?.EndsWith("/schema", StringComparison.Ordinal) == true ? schema[..^"/schema".Length] : owner + "/content/" + Pointers.Escape(type);
    }

    // Each operation's schema is walked whole (cycles stop the walk, not the next operation's).
    private void CompareTop(string label, bool request, string aPointer, string bPointer)
    {
        _compared.Clear();
        CompareSchema(label, request, aPointer, bPointer, 0);
    }

    private void CompareSchema(string label, bool request, string aPointer, string bPointer, int depth)
    {
        var a = SchemaView.Read(_base, aPointer);
        var b = SchemaView.Read(_head, bPointer);
        if (depth > MaxDepth || !_compared.Add((a.Pointer, b.Pointer, request))) return;

        void Narrowed(string what) => AddShared(request ? DiffRules.RequestNarrowed : DiffRules.ResponseNarrowed, label, what, a.Pointer, b.Pointer);
        void Widened(string what) => AddShared(request ? DiffRules.RequestWidened : DiffRules.ResponseWidened, label, what, a.Pointer, b.Pointer);

        CompareTypes(label, request, a, b, Narrowed, Widened);
        if (a.Nullable != b.Nullable)
        {
            if (b.Nullable && !request) AddShared(DiffRules.ResponseNullAdded, label, "may now be null", a.Pointer, b.Pointer);
            else if (b.Nullable) Widened("may now be null");
            else Narrowed("may no longer be null");
        }

        if (a.Enum is not null || b.Enum is not null)
        {
            var gone = a.Enum is null ? ["(any value)"] : a.Enum.Except(b.Enum ?? a.Enum).ToList();
            var added = b.Enum is null ? ["(any value)"] : b.Enum.Except(a.Enum ?? b.Enum).ToList();
            if (a.Enum is null) Narrowed("is now limited to " + string.Join(", ", b.Enum!));
            else if (gone.Count > 0) Narrowed("no longer allows " + string.Join(", ", gone));
            if (b.Enum is null) Widened("is no longer limited to " + string.Join(", ", a.Enum!));
            else if (added.Count > 0) Widened("now allows " + string.Join(", ", added));
        }

        foreach (var (keyword, upper) in SchemaView.Bounds)
        {
            var (x, y) = (a.Number(keyword), b.Number(keyword));
            if (x == y) continue;
            var tighter = y is not null && (x is null || (upper ? y < x : y > x));
            var text = $"{keyword} {Shown(x)} → {Shown(y)}";
            if (tighter) Narrowed(text);
            else Widened(text);
        }

        foreach (var keyword in new[] { "pattern", "format" })
        {
            var (x, y) = (a.Text(keyword), b.Text(keyword));
            if (x == y) continue;
            if (x is null) Narrowed($"now has the {keyword} '{y}'");
            else if (y is null) Widened($"no longer has the {keyword} '{x}'");
            else if (keyword == "pattern") AddShared(request ? DiffRules.RequestPatternChanged : DiffRules.ResponsePatternChanged, label, $"pattern '{x}' → '{y}'", a.Pointer, b.Pointer);
            else AddShared(request ? DiffRules.RequestTypeChanged : DiffRules.ResponseTypeChanged, label, $"format '{x}' → '{y}'", a.Pointer, b.Pointer);
        }

        if (a.Closed != b.Closed)
        {
            if (b.Closed) Narrowed("no longer allows members it does not name");
            else Widened("now allows members it does not name");
        }

        CompareProperties(label, request, a, b, depth);
        if (a.Items is not null && b.Items is not null) CompareSchema(label + "[]", request, a.Items, b.Items, depth + 1);
        if (a.Alternatives != b.Alternatives)
        {
            if (b.Alternatives > a.Alternatives) Widened($"oneOf/anyOf has {b.Alternatives} alternatives instead of {a.Alternatives}");
            else Narrowed($"oneOf/anyOf has {b.Alternatives} alternatives instead of {a.Alternatives}");
        }

        static string Shown(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "none";
    }

    private void CompareTypes(string label, bool request, SchemaView a, SchemaView b, Action<string> narrowed, Action<string> widened)
    {
        if (a.Types.SetEquals(b.Types)) return;
        var text = $"type {a.ShownTypes} → {b.ShownTypes}";
        static bool Covers(IReadOnlySet<string> wide, IReadOnlySet<string> narrow) =>
            wide.Count == 0 || narrow.All(t => wide.Contains(t) || (t == "integer" && wide.Contains("number")));
        if (Covers(b.Types, a.Types)) widened(text);
        else if (Covers(a.Types, b.Types)) narrowed(text);
        else AddShared(request ? DiffRules.RequestTypeChanged : DiffRules.ResponseTypeChanged, label, text, a.Pointer, b.Pointer);
    }

    private void CompareProperties(string label, bool request, SchemaView a, SchemaView b, int depth)
    {
        foreach (var (name, aPointer) in a.Properties)
        {
            var member = $"member '{name}'";
            var wasRequired = a.Required.Contains(name);
            if (!b.Properties.TryGetValue(name, out var bPointer))
            {
                var rule = request
                    ? (b.Closed ? DiffRules.RequestPropertyRemovedClosed : DiffRules.RequestPropertyRemoved)
                    : (wasRequired ? DiffRules.ResponseRequiredPropertyRemoved : DiffRules.ResponseOptionalPropertyRemoved);
                AddShared(rule, label, member + " was removed", aPointer, b.Pointer);
                continue;
            }

            var isRequired = b.Required.Contains(name);
            if (wasRequired != isRequired)
            {
                var rule = (request, isRequired) switch
                {
                    (true, true) => DiffRules.RequestPropertyBecameRequired,
                    (true, false) => DiffRules.RequestPropertyBecameOptional,
                    (false, true) => DiffRules.ResponsePropertyBecameRequired,
                    (false, false) => DiffRules.ResponsePropertyBecameOptional,
                };
                AddShared(rule, label, member + (isRequired ? " became required" : " became optional"), aPointer, bPointer);
            }

            CompareSchema($"{label}.{name}", request, aPointer, bPointer, depth + 1);
        }

        foreach (var (name, bPointer) in b.Properties.Where(p => !a.Properties.ContainsKey(p.Key)))
        {
            var required = b.Required.Contains(name);
            var rule = (request, required) switch
            {
                (true, true) => DiffRules.RequestPropertyAddedRequired,
                (true, false) => DiffRules.RequestPropertyAddedOptional,
                (false, true) => DiffRules.ResponsePropertyAddedRequired,
                (false, false) => DiffRules.ResponsePropertyAddedOptional,
            };
            AddShared(rule, label, $"member '{name}' is new{(required ? " and required" : string.Empty)}", a.Pointer, bPointer);
        }
    }

    private void Add(DiffRule rule, string message, string? basePointer, string? headPointer) =>
        _changes.Add(new SpecChange(rule, message, basePointer, headPointer));

    // A schema several operations share changes once: the change is reported at its first use, naming the others.
    private void AddShared(DiffRule rule, string label, string detail, string basePointer, string headPointer)
    {
        var key = (rule.Id, basePointer, headPointer, detail);
        var operation = label.Split(':')[0];
        if (_shared.TryGetValue(key, out var index))
        {
            if (!_alsoIn[index].Contains(operation) && !_changes[index].Message.StartsWith(operation + ":", StringComparison.Ordinal)) _alsoIn[index].Add(operation);
            return;
        }

        _shared[key] = _changes.Count;
        _alsoIn[_changes.Count] = [];
        Add(rule, label + ": " + detail, basePointer, headPointer);
    }
}

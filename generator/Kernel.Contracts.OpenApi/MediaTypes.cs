using System;
using System.Collections.Generic;
using System.Linq;

namespace Kernel.Contracts.OpenApi;

/// <summary>
/// What a media type is, for the generator, the generated code and the checks alike. The generated server's own
/// test of a request's Content-Type is emitted from <see cref="JsonTypes"/> and <see cref="JsonSuffix"/>.
/// </summary>
/// <remarks>The Pact binding compiles this file into itself (internal there): a body it declares as JSON is one here.</remarks>
#if KERNEL_CONTRACTS_LINKED
internal
#else
public
#endif
static class MediaTypes
{
    /// <summary>JSON.</summary>
    public const string Json = "application/json";

    /// <summary>RFC 9457 problem details.</summary>
    public const string ProblemJson = "application/problem+json";

    /// <summary>The structured-syntax suffix of every JSON-based type (RFC 6839): <c>application/problem+json</c>, <c>application/vnd.x+json</c>.</summary>
    public const string JsonSuffix = "+json";

    /// <summary>The types that are JSON by name besides those with <see cref="JsonSuffix"/>.</summary>
    public static IReadOnlyList<string> JsonTypes { get; } = new[] { Json, "text/json" };

    /// <summary>A Content-Type without its parameters: <c>application/json; charset=utf-8</c> is <c>application/json</c>.</summary>
    public static string Bare(string contentType)
    {
        var semicolon = contentType.IndexOf(';');
        return (semicolon < 0 ? contentType : contentType.Substring(0, semicolon)).Trim();
    }

    /// <summary>Whether a Content-Type is JSON: one of <see cref="JsonTypes"/> or a type ending in <see cref="JsonSuffix"/>, any case, any parameters.</summary>
    public static bool IsJson(string? contentType)
    {
        if (contentType is null) return false;
        var bare = Bare(contentType);
        return JsonTypes.Any(t => bare.Equals(t, StringComparison.OrdinalIgnoreCase)) || bare.EndsWith(JsonSuffix, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether the schema of a documented media type describes a JSON body: a JSON type, or <c>*/*</c> (a document
    /// that gives "anything" a schema means JSON).
    /// </summary>
    public static bool DescribesJson(string documentedMediaType) => IsJson(documentedMediaType) || Bare(documentedMediaType) == "*/*";

    /// <summary>
    /// The documented media type a Content-Type falls under: the exact type (any case, parameters ignored), then
    /// <c>type/*</c>, then <c>*/*</c>; with no Content-Type, the only documented one; else null.
    /// </summary>
    public static string? Match(IEnumerable<string> documented, string? contentType)
    {
        var keys = documented as IReadOnlyCollection<string> ?? documented.ToList();
        if (contentType is null) return keys.Count == 1 ? keys.First() : null;
        var bare = Bare(contentType);
        var slash = bare.IndexOf('/');
        var range = (slash < 0 ? bare : bare.Substring(0, slash)) + "/*";
        return keys.FirstOrDefault(k => Bare(k).Equals(bare, StringComparison.OrdinalIgnoreCase))
            ?? keys.FirstOrDefault(k => Bare(k).Equals(range, StringComparison.OrdinalIgnoreCase))
            ?? keys.FirstOrDefault(k => Bare(k) == "*/*");
    }
}

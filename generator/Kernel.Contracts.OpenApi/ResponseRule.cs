using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Kernel.Contracts.OpenApi;

/// <summary>
/// Which documented response a status falls under, and whether it is a success a client returns: the one rule of
/// the generated clients, the generated server stubs, <c>check-pacts</c>, <c>probe</c> and the report.
/// <list type="bullet">
/// <item>A status falls under its exact code (<c>404</c>), else its range (<c>4XX</c>), else <c>default</c>
/// (OpenAPI: "the documentation of responses other than the ones declared for specific HTTP response codes"),
/// else under nothing: it is undocumented.</item>
/// <item>A success is a 2xx status under a 2xx code or <c>2XX</c>; or, when the operation documents no 2xx at all,
/// a 2xx status under <c>default</c> (then <c>default</c> is the only description of what success returns).</item>
/// </list>
/// </summary>
public static class ResponseRule
{
    /// <summary>The key of the response for everything not declared by code or range.</summary>
    public const string Default = "default";

    /// <summary>Whether a response key is <c>default</c>.</summary>
    public static bool IsDefault(string key) => string.Equals(key, Default, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a key is a range such as <c>4XX</c>.</summary>
    public static bool IsRange(string key) => key.Length == 3 && key[0] >= '1' && key[0] <= '5' && (key[1] == 'X' || key[1] == 'x') && (key[2] == 'X' || key[2] == 'x');

    /// <summary>The code of an exact key (<c>404</c>), or null for a range, <c>default</c> or anything else.</summary>
    public static int? Code(string key) =>
        key.Length == 3 && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code >= 100 && code <= 599 ? code : null;

    /// <summary>Whether a key names responses at all: <c>default</c>, a range (<c>4XX</c>) or a code from 100 to 599.</summary>
    public static bool IsKey(string key) => IsDefault(key) || IsRange(key) || Code(key) is not null;

    /// <summary>The documented key a status falls under (exact, range, <c>default</c>), or null when none.</summary>
    public static string? KeyFor(IEnumerable<string> keys, int status)
    {
        string? range = null;
        string? fallback = null;
        foreach (var key in keys)
        {
            if (Code(key) == status) return key;
            if (IsRange(key) && key[0] - '0' == status / 100) range = key;
            if (IsDefault(key)) fallback = key;
        }

        return range ?? fallback;
    }

    /// <summary>Whether a status under the documented keys is a success the client returns (see the class remarks).</summary>
    public static bool IsSuccess(IEnumerable<string> keys, int status)
    {
        var list = keys as IReadOnlyCollection<string> ?? keys.ToList();
        return KeyFor(list, status) is { } key && SuccessCoverage(list, key).Covers(status);
    }

    /// <summary>Whether a key documents successes by itself: a 2xx code or <c>2XX</c>.</summary>
    public static bool IsSuccessKey(string key) => Code(key) is >= 200 and <= 299 || (IsRange(key) && key[0] == '2');

    /// <summary>
    /// The statuses a key covers among <paramref name="keys"/>: an exact code; a range less the codes declared in it;
    /// <c>default</c> as 100–599 less every code and range declared. Generated code tests a status against this.
    /// </summary>
    public static StatusCoverage Coverage(IEnumerable<string> keys, string key)
    {
        var others = keys.Where(k => !string.Equals(k, key, StringComparison.OrdinalIgnoreCase)).ToList();
        if (Code(key) is { } code) return new StatusCoverage(code, code, Array.Empty<int>(), Array.Empty<int>());
        if (IsRange(key))
        {
            var hundreds = key[0] - '0';
            return new StatusCoverage(hundreds * 100, hundreds * 100 + 99, others.Select(Code).Where(c => c / 100 == hundreds).Select(c => c!.Value).ToList(), Array.Empty<int>());
        }

        if (IsDefault(key))
        {
            return new StatusCoverage(100, 599, others.Select(Code).Where(c => c is not null).Select(c => c!.Value).ToList(), others.Where(IsRange).Select(k => k[0] - '0').ToList());
        }

        return StatusCoverage.None;
    }

    /// <summary>
    /// The statuses under a key that are successes a client returns: all of a 2xx key's; the 2xx part of <c>default</c>
    /// when no key is a 2xx; else none.
    /// </summary>
    public static StatusCoverage SuccessCoverage(IEnumerable<string> keys, string key)
    {
        var list = keys as IReadOnlyCollection<string> ?? keys.ToList();
        if (IsSuccessKey(key)) return Coverage(list, key);
        if (IsDefault(key) && !list.Any(IsSuccessKey))
        {
            var all = Coverage(list, key);
            return new StatusCoverage(200, 299, all.ExceptCodes.Where(c => c / 100 == 2).ToList(), Array.Empty<int>());
        }

        return StatusCoverage.None;
    }
}

/// <summary>The statuses a documented response covers: <see cref="From"/>–<see cref="To"/> less some codes and some whole classes.</summary>
/// <param name="From">The lowest status.</param>
/// <param name="To">The highest status.</param>
/// <param name="ExceptCodes">Codes in the span that other responses declare, in document order.</param>
/// <param name="ExceptClasses">Classes (4 for <c>4XX</c>) that other responses declare as ranges.</param>
public sealed record StatusCoverage(int From, int To, IReadOnlyList<int> ExceptCodes, IReadOnlyList<int> ExceptClasses)
{
    /// <summary>Covers nothing.</summary>
    public static readonly StatusCoverage None = new(1, 0, Array.Empty<int>(), Array.Empty<int>());

    /// <summary>Whether the span holds no status.</summary>
    public bool IsEmpty => From > To;

    /// <summary>Whether a status is covered.</summary>
    public bool Covers(int status) =>
        status >= From && status <= To && !ExceptCodes.Contains(status) && !ExceptClasses.Contains(status / 100);
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace Kernel.Contracts.OpenApi;

/// <summary>
/// An operation's parameters: its own, then those of its path item it does not override. A parameter is known by
/// its name and location (<c>in</c>), so an operation's <c>id</c> in the query overrides the path item's <c>id</c>
/// in the query, never its <c>id</c> in the path.
/// </summary>
public static class ParameterRule
{
    /// <summary>The merged parameters, the operation's first; <paramref name="key"/> gives a parameter's name and location.</summary>
    public static IReadOnlyList<T> Merge<T>(IEnumerable<T> operationLevel, IEnumerable<T> pathLevel, Func<T, (string? Name, string? In)> key)
    {
        var merged = operationLevel.ToList();
        var taken = new HashSet<(string?, string?)>(merged.Select(key));
        merged.AddRange(pathLevel.Where(p => taken.Add(key(p))));
        return merged;
    }
}

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
    /// <summary>The merged parameters, the operation's first; <paramref name="name"/> and <paramref name="location"/> give a parameter's name and <c>in</c>.</summary>
    public static IReadOnlyList<T> Merge<T>(IEnumerable<T> operationLevel, IEnumerable<T> pathLevel, Func<T, string?> name, Func<T, string?> location)
    {
        var merged = operationLevel.ToList();
        var taken = new HashSet<Key>(merged.Select(p => new Key(name(p), location(p))));
        merged.AddRange(pathLevel.Where(p => taken.Add(new Key(name(p), location(p)))));
        return merged;
    }

    // A class, not a value tuple: the ReadyToRun tool then runs precompiled HashSet code instead of compiling it at start.
    private sealed record Key(string? Name, string? In);
}

using System;
using System.Diagnostics;
using System.Linq;
using System.Text;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>
/// Small documents built to exhaust a reader, and a measure of what reading one costs. Linked into the
/// Conformance tests too: every reader of documents must refuse the same documents.
/// </summary>
internal static class HostileDocuments
{
    private const string Header = "openapi: 3.1.0\ninfo:\n  title: Hostile\n  version: '1'\npaths: {}\n";

    /// <summary>"Billion laughs": each of 9 levels lists the one before it ten times, 10^9 strings from under 1 KB.</summary>
    public static string BillionLaughs()
    {
        var text = new StringBuilder(Header).Append("x-laughs:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 9; level++)
        {
            var previous = "*l" + (level - 1);
            text.Append("  l").Append(level).Append(": &l").Append(level).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat(previous, 10))).Append("]\n");
        }

        return text.ToString();
    }

    /// <summary>A YAML document whose <c>x-deep</c> member opens <paramref name="depth"/> flow sequences.</summary>
    public static string DeepYaml(int depth) => Header + "x-deep: " + new string('[', depth) + new string(']', depth) + "\n";

    /// <summary>A JSON document whose <c>x-deep</c> member opens <paramref name="depth"/> arrays.</summary>
    public static string DeepJson(int depth) =>
        "{\n  \"openapi\": \"3.1.0\",\n  \"info\": { \"title\": \"Hostile\", \"version\": \"1\" },\n  \"paths\": {},\n  \"x-deep\": "
        + new string('[', depth) + new string(']', depth) + "\n}\n";

    /// <summary>The 1-based line and column of the <paramref name="nth"/> (1-based) occurrence of <paramref name="c"/>.</summary>
    public static (int Line, int Column) PositionOf(string text, char c, int nth)
    {
        var index = -1;
        for (var i = 0; i < nth; i++)
        {
            index = text.IndexOf(c, index + 1);
        }

        var lineStart = text.LastIndexOf('\n', index) + 1;
        return (text.Take(index).Count(ch => ch == '\n') + 1, index - lineStart + 1);
    }

    /// <summary>Runs <paramref name="read"/> on this thread and returns its result, the time it took and the bytes it allocated.</summary>
    public static (T Result, TimeSpan Elapsed, long AllocatedBytes) Measure<T>(Func<T> read)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var result = read();
        return (result, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

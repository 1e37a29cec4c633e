using System;
using System.Collections.Generic;
using System.Text;

namespace Kernel.Contracts.PublicApi.Tests;

/// <summary>A small line diff for failure messages: '-' lines are in the committed listing, '+' lines in the assembly.</summary>
internal static class LineDiff
{
    private const int Context = 2;

    /// <summary>The lines that differ with a little context, or an empty string when the texts are equal.</summary>
    public static string Describe(string expected, string actual)
    {
        var a = Split(expected);
        var b = Split(actual);

        // Only the middle that differs goes through the quadratic LCS; API changes are usually small.
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        if (prefix == a.Length && prefix == b.Length)
        {
            return string.Empty;
        }

        var edits = new List<(char Kind, string Line)>();
        for (var i = Math.Max(0, prefix - Context); i < prefix; i++)
        {
            edits.Add((' ', a[i]));
        }

        edits.AddRange(Middle(a.AsSpan(prefix, a.Length - prefix - suffix), b.AsSpan(prefix, b.Length - prefix - suffix)));
        for (var i = a.Length - suffix; i < Math.Min(a.Length, a.Length - suffix + Context); i++)
        {
            edits.Add((' ', a[i]));
        }

        return Render(edits);
    }

    private static List<(char Kind, string Line)> Middle(ReadOnlySpan<string> a, ReadOnlySpan<string> b)
    {
        var result = new List<(char, string)>();
        if ((long)a.Length * b.Length > 4_000_000)
        {
            // Too large to align: everything removed, then everything added.
            for (var i = 0; i < a.Length; i++)
            {
                result.Add(('-', a[i]));
            }

            foreach (var line in b)
            {
                result.Add(('+', line));
            }

            return result;
        }

        // lcs[i, j] = length of the longest common subsequence of a[i..] and b[j..].
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                result.Add((' ', a[x]));
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                result.Add(('-', a[x]));
                x++;
            }
            else
            {
                result.Add(('+', b[y]));
                y++;
            }
        }

        return result;
    }

    /// <summary>Changed lines, each with up to <see cref="Context"/> unchanged lines around it; longer unchanged runs become "...".</summary>
    private static string Render(List<(char Kind, string Line)> edits)
    {
        var keep = new bool[edits.Count];
        for (var i = 0; i < edits.Count; i++)
        {
            if (edits[i].Kind != ' ')
            {
                for (var k = Math.Max(0, i - Context); k <= Math.Min(edits.Count - 1, i + Context); k++)
                {
                    keep[k] = true;
                }
            }
        }

        var text = new StringBuilder();
        var skipped = false;
        for (var i = 0; i < edits.Count; i++)
        {
            if (!keep[i])
            {
                skipped = true;
                continue;
            }

            if (skipped)
            {
                text.Append("  ...\n");
                skipped = false;
            }

            text.Append(edits[i].Kind).Append(' ').Append(edits[i].Line).Append('\n');
        }

        return text.ToString();
    }

    private static string[] Split(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}

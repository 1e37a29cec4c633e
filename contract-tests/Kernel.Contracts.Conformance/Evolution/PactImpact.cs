using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Conformance.Evolution;

/// <summary>A pact interaction that agrees with the old document and not with the new one.</summary>
/// <param name="Consumer">The pact's consumer.</param>
/// <param name="Pact">The pact file's name.</param>
/// <param name="Interaction">The interaction's description.</param>
/// <param name="Findings">Why the new document refuses it.</param>
public sealed record BrokenInteraction(string Consumer, string Pact, string Interaction, IReadOnlyList<Finding> Findings);

/// <summary>
/// Which consumers a change breaks, for certain: every interaction of the pacts is checked against both documents
/// (<see cref="PactSpecCheck"/>), and those the old one accepts and the new one refuses are listed.
/// </summary>
public static class PactImpact
{
    /// <summary>The interactions of <paramref name="pactFiles"/> that <paramref name="head"/> breaks.</summary>
    /// <exception cref="SpecException">A file is not a pact.</exception>
    public static IReadOnlyList<BrokenInteraction> Find(ApiDocument @base, ApiDocument head, IEnumerable<string> pactFiles)
    {
        var broken = new List<BrokenInteraction>();
        foreach (var file in pactFiles)
        {
            var before = PactSpecCheck.CheckFile(@base, file).Interactions;
            var after = PactSpecCheck.CheckFile(head, file).Interactions;
            var consumer = Consumer(file);
            foreach (var (old, now) in before.Zip(after))
            {
                if (old.Passed && !now.Passed) broken.Add(new BrokenInteraction(consumer, Path.GetFileName(file), now.Description, now.Findings));
            }
        }

        return broken;
    }

    private static string Consumer(string file)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(file))?["consumer"]?["name"]?.GetValue<string>() ?? Path.GetFileNameWithoutExtension(file);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return Path.GetFileNameWithoutExtension(file);
        }
    }
}

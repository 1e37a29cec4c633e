using System;
using Kernel.Contracts.Conformance;
using Kernel.Contracts.Generator.Tests;
using Xunit;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Spec.Tests;

/// <summary>
/// check-pacts and the probe read documents given on the command line: one built to exhaust the reader is
/// refused with its place, quickly and in little memory, by the same limits the generator applies.
/// </summary>
public class DocumentLimitTests
{
    // Generous hang bounds, not performance goals.
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(5);
    private const long MemoryBound = 200L * 1024 * 1024;

    private static string Refused(string name, string text)
    {
        var (error, elapsed, allocated) = HostileDocuments.Measure(() => Assert.Throws<SpecException>(() => ApiDocument.Parse(name, text)));

        Assert.True(elapsed < TimeBound, "took " + elapsed);
        Assert.True(allocated < MemoryBound, "allocated " + allocated + " bytes");
        return error.Message;
    }

    [Fact]
    public void Billion_laughs_is_refused()
    {
        var text = HostileDocuments.BillionLaughs();
        var line = Array.FindIndex(text.Split('\n'), l => l.StartsWith("  l5:", StringComparison.Ordinal)) + 1;

        var message = Refused("laughs.yaml", text);

        Assert.StartsWith("laughs.yaml(" + line + ",", message, StringComparison.Ordinal);
        Assert.EndsWith("): the document cannot be read: the document expands into more than 1000000 nodes (check its aliases).", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_thousand_nested_yaml_sequences_are_refused_at_the_one_too_deep()
    {
        var text = HostileDocuments.DeepYaml(10_000);
        var (line, column) = HostileDocuments.PositionOf(text, '[', 64);

        Assert.Equal("deep.yaml(" + line + "," + column + "): the document cannot be read: the document nests deeper than 64 levels.", Refused("deep.yaml", text));
    }

    [Fact]
    public void Ten_thousand_nested_json_arrays_are_refused_at_the_one_too_deep()
    {
        var text = HostileDocuments.DeepJson(10_000);
        var (line, column) = HostileDocuments.PositionOf(text, '[', 64);

        Assert.StartsWith("deep.json(" + line + "," + column + "): the document cannot be read: The maximum configured depth of 64 has been exceeded", Refused("deep.json", text), StringComparison.Ordinal);
    }
}

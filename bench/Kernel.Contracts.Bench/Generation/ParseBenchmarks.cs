using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Kernel.Contracts.Generator;
using Kernel.Contracts.Generator.Model;
using Kernel.Contracts.Generator.Parsing;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Bench.Generation;

/// <summary>
/// Inside one process: the generator's parse of a document (text → <c>ApiModel</c>, what the compiler caches) against
/// a plain <see cref="JsonDocument.Parse(string, JsonDocumentOptions)"/> of the same document, the floor. A YAML
/// document's floor is the parse of its JSON form (converted once, outside the timing): ours reads the YAML too.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private string _text = string.Empty;
    private string _json = string.Empty;
    private SpecRequest _request = null!;

    /// <summary>The document's file name (our two, then the large corpus documents that are present).</summary>
    [ParamsSource(nameof(Names))]
    public string Document { get; set; } = "kernel-platform.openapi.yaml";

    public static IEnumerable<string> Names() => BenchPaths.Documents().Select(Path.GetFileName)!;

    [GlobalSetup]
    public void Setup()
    {
        var path = BenchPaths.Documents().First(p => Path.GetFileName(p) == Document);
        _text = File.ReadAllText(path);
        _json = path.EndsWith(".json", System.StringComparison.Ordinal) ? _text : DocumentText.Parse(_text)!.ToJsonString();
        _request = new SpecRequest(new SpecInput(path, _text, "Bench.Api", "Models;Client;Server", null, null), EquatableArray<SpecInput>.Empty);
    }

    /// <summary>The floor: a JsonDocument of the same document.</summary>
    [Benchmark(Baseline = true)]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_json);
        return document.RootElement.GetPropertyCount();
    }

    /// <summary>Ours: <c>SpecParser.Parse</c>, as the source generator and <c>kernel-contracts generate</c> run it.</summary>
    [Benchmark]
    public int SpecParserParse()
    {
        var result = SpecParser.Parse(_request);
        return result.Model?.Types.Count ?? -1;
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Kernel.Contracts.OpenApi;
using Xunit;
using YamlDotNet.Core;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>
/// <see cref="BlockYaml"/> reads most YAML without YamlDotNet. Whatever it reads must be exactly what
/// <see cref="YamlToJson"/> (YamlDotNet) makes of the same text — members, order, values and their kinds — and
/// whatever it cannot read, or is not valid YAML, it must leave to YamlDotNet, which reports the error.
/// </summary>
public class BlockYamlTests
{
    public static TheoryData<string, string> Read => new()
    {
        { "scalars", "a: 1\nb: two\nc: true\nd: null\ne: ~\nf:\ng: 1.50\nh: 0x1F\ni: .inf\nj: -3\nk: '007'\nl: \"x\"\nm: 0o17\nn: 1e3\no: +12\np: yes\n" },
        { "keys", "200: ok\n1.50: x\ntrue: y\n~: z\n0x1F: h\n'quoted: key': v\n\"d\" : w\nkey with spaces  : s\n" },
        { "nesting and sequences without indentation", "paths:\n  /a:\n    get:\n      tags:\n      - one\n      - two\n      parameters:\n        - name: id\n          in: path\n        -   name: q\n            in: query\n    put: {}\n" },
        { "a sequence at the root", "- a\n- b: 1\n  c: 2\n- - x\n  - y\n-\n- 'q'\n" },
        { "literal block scalars", "a: |\n  one\n    more\n\n  two\n\nb: |-\n  strip\n\n\nc: |+\n  keep\n\n\nd: |\n\n  after an empty line\ne: x\n" },
        { "folded block scalars", "a: >\n  one\n  two\n\n  three\n    indented\n  four\n\n\nb: >-\n  x\n  y\nc: >+\n  k\n\nd: >\n   deeper\n   text\n" },
        { "explicit indentation", "a: |2-\n     five spaces\n   three\n\nb:\n  - |1\n     two more\n" },
        { "a block scalar at the end without a line break", "a: |\n  one\n  two" },
        { "a block scalar ended by a comment and a key", "a: |\n  text\n# note\nb: >\n  folded\n    # kept\nc: 1\n" },
        { "plain scalars over lines", "d: one\n  two\n\n  three\n   four # note\ne: x\nf:\n  on the next line\n  and the one after\ng: text\n  - a dash in the text\n  # a comment ends it\n" },
        { "plain text that looks like indicators", "a: http://x.y/z?q=1#frag\nb: a#b\nc: -x\nd: ?y\ne: :z\nf: a [b] {c}, d\ng: it's\nh: a:b, c\n" },
        { "quoted scalars over lines", "a: 'one\n  two\n\n  it''s'\nb: \"esc \\t \\u00e9 \\x41 \\\\ \\\" \\/ \\N \\_\n  next\\\n  joined\\n\n\n  end\"\nc: \"emoji \\U0001F600\"\n" },
        { "quoted scalars on one line", "a: 'x'\nb: \"y  z \"\n'k': 'it''s'\n\"e\": \"tab\\tq\"\nc: ''\nd: \"\"\nf: 'a \"b\" c'\ng: \"a 'b' c\"\nh: ['q', \"r\"]\n" },
        { "flow collections", "a: [1, two, 'three', \"four\", [5], {six: 6}]\nb: {}\nc: []\nd: {x: [y, z], 'q': r, \"s\": -1}\ne: [ spaced , out ]\n" },
        { "comments", "# top\na: 1 # c\n# mid\n\nb:   # c\n  - x # c\n  # inside\n  - 'y' # c\nc: [1] # c\n" },
        { "a document start", "---\na: 1\n" },
        { "CR LF line breaks", "a: 1\r\nb: |\r\n  x\r\n\r\n  y\r\nc: >\r\n  f\r\n  g\r\nd: 'q\r\n  r'\r\n" },
        { "unicode", "naïve: ünïcödé\n日本: 語\nemoji: 😀 text\n" },
        { "nothing", "" },
        { "only comments", "# nothing\n\n# here\n" },
        { "an empty document", "---\n" },
        { "a scalar document", "just text\n" },
        { "a mapping in a sequence in a mapping, each with block scalars", "a:\n  - b: |\n      text\n    c: >-\n      more\n      text\n  - d\n" },
    };

    public static TheoryData<string, string> LeftToYamlDotNet => new()
    {
        { "an anchor and an alias", "a: &x 1\nb: *x\n" },
        { "a merge", "base: &b {x: 1}\nc:\n  <<: *b\n" },
        { "a tag", "a: !!str 1\n" },
        { "a tab", "a:\t1\n" },
        { "a flow over lines", "a: [1,\n  2]\n" },
        { "a directive", "%YAML 1.2\n---\na: 1\n" },
        { "two documents", "a: 1\n---\nb: 2\n" },
        { "a complex key", "? a\n: b\n" },
        { "a repeated key", "a: 1\na: 2\n" },
        { "a value on a key's line and a mapping", "a: b: c\n" },
        { "a key under an item's text", "a:\n  - x\n  y: 1\n" },
        { "an unterminated quote", "a: 'open\n" },
        { "an unknown escape", "a: \"\\q\"\n" },
        { "a trailing comma", "a: [1, 2,]\n" },
        { "a byte order mark", "\uFEFFa: 1\n" },
        { "a lone carriage return", "a: 1\rb: 2\n" },
        { "a less indented key", "a:\n    b: 1\n  c: 2\n" },
        { "a sequence beside a value", "a: b\n- c\n" },
        { "a block scalar without content", "a: |\nb: 1\n" },
    };

    [Theory]
    [MemberData(nameof(Read))]
    public void Reads_what_YamlDotNet_reads_the_same(string name, string text)
    {
        Assert.True(BlockYaml.TryParse(text, out var fast), name + ": left to YamlDotNet");
        Assert.Equal(Json(YamlToJson.Parse(text)), Json(fast));
    }

    [Theory]
    [MemberData(nameof(LeftToYamlDotNet))]
    public void Leaves_the_rest_and_every_error_to_YamlDotNet(string name, string text)
    {
        Assert.False(BlockYaml.TryParse(text, out _), name + ": read without YamlDotNet");

        // The document reads (or fails, at the same place with the same message) as it always did.
        var expected = Outcome(() => YamlToJson.Parse(text));
        Assert.Equal(expected, Outcome(() => DocumentText.Parse(text)));
    }

    [Fact]
    public void A_repeated_key_is_still_an_error_at_its_place()
    {
        var e = Assert.Throws<YamlException>(() => DocumentText.Parse("a: 1\nb:\n  c: 2\n  c: 3\n"));
        Assert.Equal(4, e.Start.Line);
        Assert.Contains("Duplicate key 'c'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("items on one line")]
    [InlineData("keys on their lines")]
    public void Deep_nesting_is_left_to_the_limits_of_the_reader_that_reports_them(string shape)
    {
        var text = shape == "items on one line"
            ? string.Concat(Enumerable.Repeat("- ", 100_000)) + "x\n"
            : string.Concat(Enumerable.Range(0, 5_000).Select(i => new string(' ', i) + "k:\n"));

        Assert.False(BlockYaml.TryParse(text, out _));
        var e = Assert.Throws<YamlException>(() => DocumentText.Parse(text));
        Assert.Contains("deeper than 64 levels", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_every_YAML_document_of_ours_and_of_the_corpus_as_YamlDotNet_does()
    {
        var documents = YamlDocuments();
        Assert.Contains(documents, d => d.EndsWith("kernel-sessions.openapi.yaml", StringComparison.Ordinal));
        foreach (var path in documents)
        {
            var text = File.ReadAllText(path);
            Assert.True(BlockYaml.TryParse(text, out var fast), path + ": left to YamlDotNet");
            Assert.True(Json(YamlToJson.Parse(text)) == Json(fast), path + ": read differently");
        }
    }

    /// <summary>
    /// Broken and odd YAML made from our documents by small edits (a seeded random walk): whatever the reader accepts,
    /// YamlDotNet must accept and read the same. Most edits still make valid YAML, so both paths are exercised.
    /// </summary>
    [Fact]
    public void Accepts_nothing_that_YamlDotNet_reads_differently_or_rejects()
    {
        var random = new Random(20261202);
        var sources = new[] { "kernel-platform.openapi.yaml", "kernel-sessions.openapi.yaml" }
            .Select(name => File.ReadAllText(Path.Combine(GeneratorHarness.RepoRoot, "spec", name)))
            .ToArray();
        string[] insertions = [":", " ", "- ", "'", "\"", "#", "\n", "|", ">", "[", "{", "]", "}", ",", "  ", ": ", "\\", "''", "-", "?", "|-\n", "\n\n"];
        var accepted = 0;
        const int Edits = 400;
        for (var i = 0; i < Edits; i++)
        {
            var text = Mutate(sources[i % sources.Length], random, insertions);
            if (!BlockYaml.TryParse(text, out var fast))
            {
                continue;
            }

            accepted++;
            var expected = Outcome(() => YamlToJson.Parse(text));
            Assert.True(expected == Json(fast), "edit " + i + " read differently from YamlDotNet (" + Trim(expected) + "):\n" + text);
        }

        // The walk must exercise the reader, not only its refusals.
        Assert.InRange(accepted, Edits / 5, Edits);
    }

    private static string Mutate(string text, Random random, string[] insertions)
    {
        var lines = text.Split('\n').ToList();
        for (var edits = random.Next(1, 3); edits > 0; edits--)
        {
            var line = random.Next(lines.Count);
            var at = lines[line].Length == 0 ? 0 : random.Next(lines[line].Length + 1);
            switch (random.Next(6))
            {
                case 0:
                    lines[line] = lines[line].Insert(at, insertions[random.Next(insertions.Length)]);
                    break;
                case 1:
                    lines[line] = at < lines[line].Length ? lines[line].Remove(at, 1) : lines[line];
                    break;
                case 2:
                    lines.RemoveAt(line);
                    break;
                case 3:
                    lines.Insert(line, lines[line]);
                    break;
                case 4:
                    lines[line] = " " + lines[line];
                    break;
                default:
                    lines[line] = lines[line].StartsWith(' ') ? lines[line].Substring(1) : lines[line];
                    break;
            }
        }

        return string.Join("\n", lines);
    }

    private static List<string> YamlDocuments()
    {
        var documents = Directory.GetFiles(Path.Combine(GeneratorHarness.RepoRoot, "spec"), "*.yaml").ToList();
        var corpus = Path.GetFullPath(Path.Combine(GeneratorHarness.RepoRoot, "..", "shared", "openapi-corpus"));
        if (Directory.Exists(corpus))
        {
            documents.AddRange(Directory.GetFiles(corpus).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)));
        }

        return documents;
    }

    private static string Json(JsonNode? node) => node?.ToJsonString() ?? "null";

    /// <summary>The JSON read, or the error with its place.</summary>
    private static string Outcome(Func<JsonNode?> read)
    {
        try
        {
            return Json(read());
        }
        catch (YamlException e)
        {
            return "error at " + e.Start.Line + ":" + e.Start.Column + ": " + e.Message;
        }
    }

    private static string Trim(string text) => text.Length > 200 ? text.Substring(0, 200) + "…" : text;
}

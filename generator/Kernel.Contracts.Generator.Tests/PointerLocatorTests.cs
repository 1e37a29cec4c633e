using System.Collections.Generic;
using System.IO;
using System.Linq;
using Kernel.Contracts.Generator.Parsing;
using Xunit;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>
/// A JSON text is placed by its own fast index; every key and item must land exactly where the YAML index (what
/// placed every diagnostic before) puts it, or diagnostics would move.
/// </summary>
public class PointerLocatorTests
{
    public static TheoryData<string> Texts() => new()
    {
        // CR LF, nested arrays, scalars of every kind.
        "{\"a\": 1,\r\n \"b\": [true, {\"c\": \"x\"}, null, -2.5e3, [[1], \"s\"]]}",
        // A surrogate pair (two UTF-16 units), YAML's other line breaks inside strings, an escaped key, a repeated key.
        "{\"a\U0001F600\": \"\u2028\", \"b\": \"\u0085q\u2029\",\n\"c\\u0041\": {\"d\": [{}]}, \"c\\u0041\": 2, \"é\": \"ü\"}",
        "[\n  {\"x\": []},\n  \"y\"\n]",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_json_text_is_placed_as_yaml_places_it(string text) =>
        AssertSamePlaces(text);

    [Fact]
    public void Every_json_document_of_the_corpus_is_placed_as_yaml_places_it()
    {
        var corpus = Path.GetFullPath(Path.Combine(GeneratorHarness.RepoRoot, "..", "shared", "openapi-corpus"));
        var documents = Directory.Exists(corpus) ? Directory.GetFiles(corpus, "*.json").Take(8).ToList() : new List<string>();
        foreach (var path in documents)
        {
            AssertSamePlaces(File.ReadAllText(path));
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    [InlineData("a:\n  b: [1, {c: 2}]\n  b: 3\nd: 'x'\n")]
    public void Reading_along_one_pointer_places_it_where_the_whole_index_does(string text)
    {
        // The first problems of a document are placed this way; a pointer that goes past the text lands on its deepest part.
        var whole = PointerLocator.Index("t.json", text);
        var pointers = new List<string>();
        Collect(whole.Root, "#", pointers);
        pointers.AddRange(pointers.Select(p => p + "/missing/0").ToList());
        pointers.Add("#/nothing");
        foreach (var pointer in pointers)
        {
            Assert.Equal(whole.Locate(pointer), PointerLocator.Locate("t.json", text, pointer));
        }
    }

    [Fact]
    public void Reading_along_pointers_of_corpus_documents_places_them_where_the_whole_index_does()
    {
        // Reading stops once the pointer is placed: what comes after it must not change where it is.
        var corpus = Path.GetFullPath(Path.Combine(GeneratorHarness.RepoRoot, "..", "shared", "openapi-corpus"));
        foreach (var name in new[] { "ingrammicro.com-reseller_6.0.json", "twilio.com-flex-v1_1.0.0.yaml" })
        {
            var path = Path.Combine(corpus, name);
            if (!File.Exists(path))
            {
                continue;
            }

            var text = File.ReadAllText(path);
            var whole = PointerLocator.Index(name, text);
            var pointers = new List<string>();
            Collect(whole.Root, "#", pointers);
            foreach (var pointer in pointers.Where((_, i) => i % 997 == 0).SelectMany(p => new[] { p, p + "/missing" }))
            {
                Assert.Equal(whole.Locate(pointer), PointerLocator.Locate(name, text, pointer));
            }
        }
    }

    [Fact]
    public void A_json_text_the_strict_reader_refuses_is_placed_by_yaml()
    {
        // A trailing comma: JSON's reader stops, YAML reads it; the index must still place the keys.
        const string text = "{\"a\": {\"b\": 1,},\n \"c\": 2}";
        Assert.Null(PointerLocator.IndexJson("t.json", text));
        var location = PointerLocator.Index("t.json", text).Locate("#/c");
        Assert.Equal((1, 1), (location.Line, location.Column));
    }

    private static void AssertSamePlaces(string text)
    {
        var fast = PointerLocator.IndexJson("t.json", text);
        Assert.NotNull(fast);
        var yaml = PointerLocator.IndexYaml("t.json", text);
        var pointers = new List<string>();
        Collect(yaml.Root, "#", pointers);
        Assert.NotEmpty(pointers);
        Assert.Equal(pointers.Count, Count(fast!.Root));
        foreach (var pointer in pointers)
        {
            Assert.Equal(yaml.Locate(pointer), fast.Locate(pointer));
        }
    }

    private static void Collect(PointerIndex.Node node, string pointer, List<string> pointers)
    {
        foreach (var pair in node.Children)
        {
            var child = pointer + "/" + Kernel.Contracts.OpenApi.Pointers.Escape(pair.Key);
            pointers.Add(child);
            Collect(pair.Value, child, pointers);
        }
    }

    private static int Count(PointerIndex.Node node) => node.Children.Count + node.Children.Values.Sum(Count);
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kernel.Contracts.OpenApi;
using Xunit;
using YamlDotNet.Core;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>
/// <see cref="DocumentText"/> reads JSON with its own <c>Utf8JsonReader</c> walk instead of <see cref="JsonNode.Parse(string, JsonNodeOptions?, JsonDocumentOptions)"/>.
/// What it reads must be what <c>JsonNode.Parse</c> reads — members, order, values, number texts and kinds — and
/// what it refuses must fail at the place and with the reason System.Text.Json gives.
/// </summary>
public class JsonTreeTests
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = DocumentLimits.MaxDepth };

    public static TheoryData<string, string> Broken => new()
    {
        { "a missing colon", "{\"a\" 1}" },
        { "a trailing comma", "{\"a\": [1, 2,]}" },
        { "an unclosed object", "{\"a\": {\"b\": 1}" },
        { "text after the root", "{\"a\": 1} {\"b\": 2}" },
        { "an unquoted key", "{a: 1}" },
        { "a bad literal", "{\"a\": tru}" },
        { "a bad number", "{\"a\": 01}" },
        { "a control character in a string", "{\"a\": \"x\ty\"}" },
        { "a bad escape", "{\"a\": \"\\q\"}" },
        { "an error on a later line after multi-byte text", "{\n  \"naïve\": \"日本\",\n  \"b\": ]\n}" },
        { "an unterminated comment", "{\"a\": 1 /* note" },
        { "too deep", new string('[', 65) + new string(']', 65) },
    };

    [Fact]
    public void Reads_every_JSON_document_of_ours_and_of_the_corpus_as_JsonNode_Parse_does()
    {
        var documents = JsonDocuments();
        Assert.Contains(documents, d => d.Name == "kernel-sessions.openapi.yaml");
        foreach (var (name, text) in documents)
        {
            AssertSame(JsonNode.Parse(text, documentOptions: Options), DocumentText.Parse(text), name);
        }
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("  {\"a\": null, \"b\": [true, false, null], \"c\": {\"d\": {}}}  ")]
    [InlineData("{\"n\": [0, -1, 1.50, 1e3, 1E-7, 12345678901234567890123, -0.0]}")]
    [InlineData("{\"s\": \"esc \\t \\u00e9 \\\" \\\\ \\/ \\ud83d\\ude00\", \"\\u0061b\": \"key escaped\"}")]
    [InlineData("{// a comment\n\"a\": /* inside */ 1 // after\n}")]
    [InlineData("{\"naïve\": \"ünïcödé\", \"日本\": \"語 😀\"}")]
    public void Reads_values_of_every_kind_as_JsonNode_Parse_does(string text) =>
        AssertSame(JsonNode.Parse(text, documentOptions: Options), DocumentText.Parse(text), text);

    [Theory]
    [MemberData(nameof(Broken))]
    public void Refuses_broken_JSON_where_and_as_System_Text_Json_does(string name, string text)
    {
        var expected = Assert.ThrowsAny<JsonException>(() => JsonNode.Parse(text, documentOptions: Options));
        var actual = Assert.Throws<YamlException>(() => DocumentText.Parse(text));

        Assert.True(expected.LineNumber + 1 == actual.Start.Line, name + ": line " + actual.Start.Line + ", expected " + (expected.LineNumber + 1));
        Assert.True(expected.BytePositionInLine + 1 == actual.Start.Column, name + ": column " + actual.Start.Column + ", expected " + (expected.BytePositionInLine + 1));
        Assert.StartsWith(actual.Message, expected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_repeated_anywhere_is_an_error_at_the_repeat()
    {
        var e = Assert.Throws<YamlException>(() => DocumentText.Parse("{\n  \"a\": [1, {\"b\": 1,\n    \"b\": 2}]\n}"));
        Assert.Equal(3, e.Start.Line);
        Assert.Contains("Duplicate key", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Broken and odd JSON made from a corpus document by small edits: read and refused as System.Text.Json does.</summary>
    [Fact]
    public void Reads_and_refuses_edited_documents_as_System_Text_Json_does()
    {
        var source = JsonDocuments().Single(d => d.Name == "kernel-sessions.openapi.yaml").Text;
        var random = new Random(20261202);
        string[] insertions = ["{", "}", "[", "]", ",", ":", "\"", "\\", " ", "\n", "1", "-", "e", "null", "/*", "//"];
        var refused = 0;
        const int Edits = 300;
        for (var i = 0; i < Edits; i++)
        {
            var at = random.Next(source.Length);
            var text = random.Next(2) == 0
                ? source.Insert(at, insertions[random.Next(insertions.Length)])
                : source.Remove(at, 1);
            JsonNode? expected;
            try
            {
                // A repeated member shows only once the nodes are read.
                expected = JsonNode.Parse(text, documentOptions: Options);
                _ = Kinds(expected).Count();
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
            {
                refused++;
                var thrown = Assert.ThrowsAny<Exception>(() => DocumentText.Parse(text));
                Assert.True(thrown is YamlException, "edit " + i + ": " + thrown.GetType().Name + ": " + thrown.Message);
                if (e is JsonException json)
                {
                    var actual = (YamlException)thrown;
                    Assert.True(json.LineNumber + 1 == actual.Start.Line && json.BytePositionInLine + 1 == actual.Start.Column, "edit " + i + " refused elsewhere: " + actual.Message);
                }

                continue;
            }

            AssertSame(expected, DocumentText.Parse(text), "edit " + i);
        }

        // The edits must exercise both the reading and the refusals.
        Assert.InRange(refused, Edits / 5, Edits * 4 / 5);
    }

    private static void AssertSame(JsonNode? expected, JsonNode? actual, string where)
    {
        Assert.True(expected?.ToJsonString() == actual?.ToJsonString(), where + ": read differently");
        Assert.True(Kinds(expected).SequenceEqual(Kinds(actual)), where + ": a value's kind differs");
    }

    private static IEnumerable<JsonValueKind> Kinds(JsonNode? node)
    {
        yield return node?.GetValueKind() ?? JsonValueKind.Null;
        var children = node switch
        {
            JsonObject obj => obj.Select(pair => pair.Value),
            JsonArray array => array,
            _ => Enumerable.Empty<JsonNode?>(),
        };
        foreach (var kind in children.SelectMany(Kinds))
        {
            yield return kind;
        }
    }

    /// <summary>Our documents written as JSON (always there), and the corpus's JSON documents where the corpus is.</summary>
    private static List<(string Name, string Text)> JsonDocuments()
    {
        var documents = Directory.GetFiles(Path.Combine(GeneratorHarness.RepoRoot, "spec"), "*.openapi.yaml")
            .Select(path => (Path.GetFileName(path), DocumentText.Parse(File.ReadAllText(path))!.ToJsonString(new JsonSerializerOptions { WriteIndented = true })))
            .ToList();
        var corpus = Path.GetFullPath(Path.Combine(GeneratorHarness.RepoRoot, "..", "shared", "openapi-corpus"));
        if (Directory.Exists(corpus))
        {
            documents.AddRange(Directory.GetFiles(corpus, "*.json").Select(path => (Path.GetFileName(path), File.ReadAllText(path))));
        }

        return documents;
    }
}

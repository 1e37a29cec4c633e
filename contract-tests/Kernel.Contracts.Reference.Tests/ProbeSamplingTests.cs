using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Kernel.Contracts.Conformance;
using Kernel.Contracts.Conformance.Probing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Reference.Tests;

/// <summary>The probe samples parameter values from their schemas: patterns, formats, lengths, enums, and near misses of each.</summary>
public sealed class ProbeSamplingTests
{
    private const int Seeds = 200;

    /// <summary>Every pattern of our documents and, when it is here, the public corpus in <c>../shared/openapi-corpus</c>.</summary>
    private static IReadOnlyList<string> DocumentPatterns()
    {
        var patterns = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var api in new[] { "platform", "sessions" }) Collect(EmbeddedDocuments.Load(api).Root, patterns);
        foreach (var file in CorpusFiles())
        {
            Collect(file.EndsWith(".json", StringComparison.Ordinal) ? JsonNode.Parse(File.ReadAllText(file)) : Kernel.Contracts.OpenApi.YamlToJson.Parse(File.ReadAllText(file)), patterns);
        }

        return [.. patterns];

        static void Collect(JsonNode? node, ISet<string> into)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, child) in o)
                    {
                        if (key == "pattern" && child is JsonValue v && v.TryGetValue<string>(out var text)) into.Add(text);
                        else Collect(child, into);
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a) Collect(child, into);
                    break;
            }
        }
    }

    private static IEnumerable<string> CorpusFiles()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Kernel.Contracts.sln"))) directory = directory.Parent;
        var corpus = directory is null ? null : Path.Combine(directory.FullName, "..", "shared", "openapi-corpus");
        return corpus is null || !Directory.Exists(corpus)
            ? []
            : Directory.EnumerateFiles(corpus).Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
    }

    [Fact]
    public void Every_document_pattern_samples_to_matching_values_and_near_misses_that_do_not_match()
    {
        var patterns = DocumentPatterns();
        Assert.Contains("^[A-Za-z0-9_.-]{1,64}$", patterns);
        if (CorpusFiles().Any()) Assert.Contains("^AC[0-9a-fA-F]{32}$", patterns); // Twilio's, read from the corpus
        var failures = new List<string>();
        foreach (var pattern in patterns)
        {
            var sampler = RegexSampler.TryCreate(pattern, out var unsupported);
            if (sampler is null)
            {
                failures.Add(pattern + ": " + unsupported);
                continue;
            }

            var regex = new Regex(pattern);
            var nearMisses = 0;
            for (var seed = 0; seed < Seeds; seed++)
            {
                var random = new Random(seed);
                var sample = sampler.Sample(random);
                if (sample is null || !regex.IsMatch(sample)) failures.Add(pattern + ": seed " + seed + " sampled " + (sample ?? "nothing"));
                if (sampler.OutsideClass(random) is { } miss)
                {
                    nearMisses++;
                    if (regex.IsMatch(miss)) failures.Add(pattern + ": seed " + seed + " near miss '" + miss + "' matches");
                }
            }

            // An anchored pattern is broken by one character outside its class, whatever the seed.
            if (pattern.StartsWith('^') && pattern.EndsWith('$') && pattern != "^$" && nearMisses < Seeds * 9 / 10)
            {
                failures.Add(pattern + ": only " + nearMisses + " near misses in " + Seeds + " seeds");
            }
        }

        // Every pattern the documents use is in the supported subset.
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("^a{3}$", "aaa")]
    [InlineData(@"^\.\-\/$", ".-/")]
    [InlineData(@"^\x41\u0042$", "AB")]
    [InlineData("^(?:ab){2}$", "abab")]
    [InlineData("^(?<name>x)y$", "xy")]
    public void Fixed_patterns_sample_to_their_one_string(string pattern, string expected) =>
        Assert.Equal(expected, RegexSampler.TryCreate(pattern, out _)!.Sample(new Random(1)));

    [Theory]
    [InlineData(@"^\d{4}-\d{2}-\d{2}$")]
    [InlineData(@"^[^,\s]+$")]
    [InlineData(@"^\W\S\D$")]
    [InlineData(@"^[\w-]+@[a-z]+\.(com|org)$")]
    [InlineData(@"^(Token token=[A-Za-z0-9]+|Bearer [A-Za-z0-9]+)$")]
    [InlineData(@"^x{2,}y?z*$")]
    [InlineData(@"^[^\x00-\x7F]+$")]
    [InlineData(@"^[\u4e00-\u9fa5]{2,4}$")]
    [InlineData(@"^[]a]+$")]
    [InlineData("^a+?b{1,3}?$")]
    [InlineData("abc")]
    [InlineData("^$|^[A-Za-z0-9]{2,4}$")]
    public void Supported_constructs_sample_matching_values(string pattern)
    {
        var sampler = RegexSampler.TryCreate(pattern, out var unsupported);
        Assert.True(sampler is not null, unsupported);
        var samples = Enumerable.Range(0, Seeds).Select(seed => sampler!.Sample(new Random(seed))).ToList();
        Assert.All(samples, s => Assert.Matches(pattern, s!));
        Assert.True(samples.Distinct().Count() > 1 || !pattern.Contains('+', StringComparison.Ordinal), "one sample only: " + samples[0]);
    }

    [Fact]
    public void Alternation_reaches_every_branch()
    {
        var sampler = RegexSampler.TryCreate("^(Token token=[a-z]+|Bearer [a-z]+)$", out _)!;
        var samples = Enumerable.Range(0, 50).Select(seed => sampler.Sample(new Random(seed))!).ToList();
        Assert.Contains(samples, s => s.StartsWith("Token token=", StringComparison.Ordinal));
        Assert.Contains(samples, s => s.StartsWith("Bearer ", StringComparison.Ordinal));
    }

    [Fact]
    public void Samples_honour_the_lengths_asked_for()
    {
        var sampler = RegexSampler.TryCreate("^[A-Za-z0-9_-]+$", out _)!;
        for (var seed = 0; seed < 50; seed++)
        {
            Assert.Equal(20, sampler.Sample(new Random(seed), 20, 20)!.Length);
            Assert.InRange(sampler.Sample(new Random(seed), 1, 3)!.Length, 1, 3);
        }

        Assert.Null(RegexSampler.TryCreate("^[a-z]{2}$", out _)!.Sample(new Random(1), 5, 10));
    }

    [Fact]
    public void A_near_miss_swaps_one_character_for_one_outside_its_class()
    {
        var sampler = RegexSampler.TryCreate("^[0-9a-f]{32}$", out _)!;
        for (var seed = 0; seed < 50; seed++)
        {
            var miss = sampler.OutsideClass(new Random(seed))!;
            Assert.Equal(32, miss.Length);
            Assert.Single(miss, c => !Regex.IsMatch(c.ToString(), "[0-9a-f]"));
        }

        // A pattern that matches whatever surrounds it has no near miss of one character.
        Assert.Null(RegexSampler.TryCreate("a*", out _)!.OutsideClass(new Random(1)));
    }

    [Theory]
    [InlineData("^(?=a)b$", "a lookahead '(?=' at position 1")]
    [InlineData("^(?<!a)b$", "a lookbehind '(?<!' at position 1")]
    [InlineData(@"\bword\b", @"a word boundary '\b' at position 0")]
    [InlineData(@"^(a)\1$", @"a back-reference '\1' at position 4")]
    [InlineData("(?i)abc", "an inline option or special group '(?i' at position 0")]
    [InlineData(@"^\p{L}+$", @"a Unicode category '\p' at position 1")]
    [InlineData("^[a-z-[aeiou]]$", "a class subtraction '-[' at position 5")]
    [InlineData(@"^\Aabc$", @"the anchor '\A' at position 1")]
    public void Unsupported_constructs_are_named_with_their_position(string pattern, string what)
    {
        Assert.Null(RegexSampler.TryCreate(pattern, out var unsupported));
        Assert.Equal("uses " + what + ", which the probe's pattern sampler does not support", unsupported);
    }

    [Fact]
    public void An_invalid_pattern_says_so()
    {
        Assert.Null(RegexSampler.TryCreate("^[a-z$", out var unsupported));
        Assert.StartsWith("is not a valid regular expression", unsupported, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_samples_the_same_values()
    {
        var shape = Shape("id", "type: string\n      pattern: '^[A-Za-z0-9_.-]{1,64}$'\n      maxLength: 64");
        string Run(int seed)
        {
            var random = new Random(seed);
            var values = Enumerable.Range(0, 20).Select(_ => SchemaSampler.Valid(shape, random)).ToList();
            values.AddRange(SchemaSampler.NearMisses(shape, random).Select(m => m.What + "=" + m.Value));
            return string.Join("|", values);
        }

        Assert.Equal(Run(5), Run(5));
        Assert.NotEqual(Run(5), Run(6));
    }

    [Theory]
    [InlineData("format: uuid", @"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    [InlineData("format: date-time", @"^202\d-\d\d-\d\dT\d\d:\d\d:\d\dZ$")]
    [InlineData("format: date", @"^20\d\d-\d\d-\d\d$")]
    [InlineData("format: email", @"^[a-z0-9]{6}@example\.com$")]
    [InlineData("format: uri", @"^https://example\.com/[A-Za-z0-9]{8}$")]
    [InlineData("format: int64", @"^\d+$")]
    [InlineData("minLength: 3\n      maxLength: 5", @"^[A-Za-z0-9]{3,5}$")]
    public void Strings_are_sampled_from_their_format_and_length(string constraints, string expected)
    {
        var shape = Shape("s", "type: string\n      " + constraints);
        for (var seed = 0; seed < 50; seed++) Assert.Matches(expected, SchemaSampler.Valid(shape, new Random(seed)));
    }

    [Fact]
    public void Numbers_enums_and_their_near_misses()
    {
        var count = Shape("n", "type: integer\n      format: int32\n      minimum: 1\n      maximum: 100");
        for (var seed = 0; seed < 50; seed++) Assert.InRange(int.Parse(SchemaSampler.Valid(count, new Random(seed))!, CultureInfo.InvariantCulture), 1, 100);
        Assert.Equal(
            [("not a number", "NaN-x"), ("below its minimum", "0"), ("above its maximum", "101")],
            SchemaSampler.NearMisses(count, new Random(1)).ToList());

        var pipeline = Shape("p", "type: string\n      enum: [qc_nirs, qc_eeg]");
        Assert.Contains(SchemaSampler.Valid(pipeline, new Random(3)), new[] { "qc_nirs", "qc_eeg" });
        var misses = SchemaSampler.NearMisses(pipeline, new Random(1)).ToDictionary(m => m.What, m => m.Value);
        Assert.Equal("not-a-member-x", misses["not in its enum"]);
        Assert.Contains(misses["a member of its enum with its case changed"], new[] { "QC_NIRS", "QC_EEG" });

        var id = Shape("id", "type: string\n      minLength: 4\n      maxLength: 64\n      pattern: '^[A-Za-z0-9_-]+$'");
        misses = SchemaSampler.NearMisses(id, new Random(2)).ToDictionary(m => m.What, m => m.Value);
        Assert.Equal(65, misses["one character longer than 64"].Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", misses["one character longer than 64"]);
        Assert.Equal(3, misses["one character shorter than 4"].Length);
        Assert.DoesNotMatch("^[A-Za-z0-9_-]+$", misses["breaking its pattern with a character outside its class"]);
    }

    [Fact]
    public void Exclusive_bounds_are_themselves_the_near_misses_and_never_sampled()
    {
        // 3.1's numeric form and 3.0's flag read alike (SchemaConstraints); the bound itself is the nearest refused value.
        var shape = Shape("x", "type: integer\n      exclusiveMinimum: 0\n      exclusiveMaximum: 10");
        var misses = SchemaSampler.NearMisses(shape, new Random(1)).ToDictionary(m => m.What, m => m.Value);
        Assert.Equal("0", misses["below its minimum"]);
        Assert.Equal("10", misses["above its maximum"]);
        for (var seed = 0; seed < 100; seed++) Assert.InRange(int.Parse(SchemaSampler.Valid(shape, new Random(seed))!, CultureInfo.InvariantCulture), 1, 9);
    }

    [Fact]
    public async Task The_probe_samples_query_values_notes_an_unsupported_pattern_and_repeats_itself_for_a_seed()
    {
        const string spec = """
            openapi: 3.1.0
            info: { title: Items, version: '1' }
            paths:
              /items/{id}:
                get:
                  operationId: getItem
                  parameters:
                    - { name: id, in: path, required: true, example: xyz, schema: { type: string, pattern: '^(?=x)[a-z]+$' } }
                    - { name: code, in: query, required: true, schema: { type: string, pattern: '^[A-Z]{2}-\d{3}$' } }
                  responses:
                    '200': { description: ok, content: { application/json: { schema: { type: object } } } }
                    '400': { description: bad, content: { application/problem+json: { schema: { type: object } } } }
            """;
        var document = ApiDocument.Parse("items.yaml", spec);
        var codes = new List<string>();
        await using var host = await TestHost.StartAsync(_ => { }, app => app.MapGet("/items/{id}", (string id, string? code) =>
        {
            lock (codes) codes.Add(code ?? string.Empty);
            return Regex.IsMatch(id, "^(?=x)[a-z]+$") && code is not null && Regex.IsMatch(code, @"^[A-Z]{2}-\d{3}$")
                ? Results.Text("{}", "application/json")
                : Results.Text("{}", "application/problem+json", statusCode: 400);
        }));

        async Task<ProbeResult> Probe() => await Prober.RunAsync(document, new ProbeOptions
        {
            BaseAddress = host.BaseAddress,
            Handler = _ => new HttpClientHandler(),
            Seed = 11,
            MaxRequests = 40,
        });

        var first = await Probe();
        Assert.True(first.Passed, string.Join("\n", first.Requests.Where(r => !r.Passed).SelectMany(r => r.Problems.Append(r.Curl))));
        Assert.Equal(["the pattern '^(?=x)[a-z]+$' of path parameter 'id' uses a lookahead '(?=' at position 1, which the probe's pattern sampler does not support; its values come from the document's examples."], first.Notes);
        Assert.All(first.Requests.Where(r => r.Valid), r => Assert.Contains("/items/xyz?", r.Url, StringComparison.Ordinal));
        // The query value has no example: it is sampled, differently each time, and a near miss is refused.
        Assert.True(codes.Distinct().Count() > 10, string.Join(", ", codes));
        Assert.Contains(first.Requests, r => r.Kind == "invalid: query parameter 'code' breaking its pattern with a character outside its class" && r.Status == 400);

        var second = await Probe();
        Assert.Equal(first.Requests.Select(r => r.Kind + " " + r.Url), second.Requests.Select(r => r.Kind + " " + r.Url));
    }

    private static SchemaShape Shape(string name, string schema) =>
        SchemaShape.Of(ApiDocument.Parse("shape.yaml", "openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    " + name + ":\n      " + schema + "\n"), "#/components/schemas/" + name);
}

using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Kernel.Contracts.Pact.Matchers;
using Xunit;

namespace Kernel.Contracts.Pact.Tests;

public sealed class ConsumerTests
{
    private readonly string pactDir = TestPaths.NewPactDir();

    [Fact]
    public async Task Matched_interaction_writes_a_V4_pact_file_with_its_matchers()
    {
        var pact = SessionsPact.Create(pactDir).WithSessionInteraction();

        await pact.VerifyAsync(async ctx =>
        {
            using var client = new HttpClient { BaseAddress = ctx.MockServerUri };
            using var request = new HttpRequestMessage(HttpMethod.Get, "sessions/42?verbose=true");
            request.Headers.Add("Accept", "application/json");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>();
            Assert.Equal(42, (int)body!["id"]!);
            Assert.Equal("gpu", (string)body["tags"]![0]!);
        });

        Assert.Equal(Path.Combine(pactDir, $"{SessionsPact.Consumer}-{SessionsPact.Provider}.json"), pact.PactFilePath);
        var document = JsonNode.Parse(await File.ReadAllTextAsync(pact.PactFilePath))!;
        Assert.Equal("4.0", (string?)document["metadata"]!["pactSpecification"]!["version"]);
        var interaction = document["interactions"]!.AsArray().Single()!;
        Assert.Equal(SessionsPact.Description, (string?)interaction["description"]);
        Assert.Equal(SessionsPact.State, (string?)interaction["providerStates"]![0]!["name"]);
        Assert.Equal(42, (int)interaction["providerStates"]![0]!["params"]!["id"]!);

        var body = interaction["response"]!["matchingRules"]!["body"]!;
        Assert.Equal("integer", (string?)body["$.id"]!["matchers"]![0]!["match"]);
        Assert.Equal("type", (string?)body["$.name"]!["matchers"]![0]!["match"]);
        Assert.Equal("PENDING|RUNNING|TERMINATED", (string?)body["$.status"]!["matchers"]![0]!["regex"]);
        Assert.Equal("yyyy-MM-dd'T'HH:mm:ss", (string?)body["$.createdAt"]!["matchers"]![0]!["format"]);
        Assert.Equal(1, (int)body["$.tags"]!["matchers"]![0]!["min"]!);
        Assert.Equal("regex", (string?)interaction["response"]!["matchingRules"]!["header"]!["Content-Type"]!["matchers"]![0]!["match"]);
    }

    [Fact]
    public async Task Unexpected_request_throws_naming_it_and_writes_no_file()
    {
        var pact = SessionsPact.Create(pactDir).WithSessionInteraction();

        var exception = await Assert.ThrowsAsync<PactVerificationException>(() => pact.VerifyAsync(async ctx =>
        {
            using var client = new HttpClient { BaseAddress = ctx.MockServerUri };
            using var response = await client.GetAsync("sessions/99");
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        }));

        Assert.Contains(exception.Mismatches, m => m.Type == "request-not-found" && m.Path == "/sessions/99");
        Assert.Contains(exception.Mismatches, m => m.Type == "missing-request" && m.Path == "/sessions/42");
        Assert.Contains("Unexpected request: GET /sessions/99", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Expected request was not received: GET /sessions/42", exception.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(pact.PactFilePath));
        Assert.Empty(Directory.GetFiles(pactDir));
    }

    [Fact]
    public async Task Query_mismatch_is_reported_with_the_parameter()
    {
        var pact = SessionsPact.Create(pactDir).WithSessionInteraction();

        var exception = await Assert.ThrowsAsync<PactVerificationException>(() =>
            pact.VerifyAsync(ctx => SendAsync(ctx, "sessions/42?verbose=false", accept: "application/json")));

        var mismatch = Assert.Single(exception.Mismatches);
        Assert.Equal("request-mismatch", mismatch.Type);
        Assert.Contains(mismatch.Details, d => d.Contains("verbose", StringComparison.Ordinal));
        Assert.Contains("verbose", exception.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(pact.PactFilePath));
    }

    [Fact]
    public async Task Header_mismatch_is_reported_with_the_header()
    {
        var pact = SessionsPact.Create(pactDir).WithSessionInteraction();

        var exception = await Assert.ThrowsAsync<PactVerificationException>(() =>
            pact.VerifyAsync(ctx => SendAsync(ctx, "sessions/42?verbose=true", accept: "text/plain")));

        var mismatch = Assert.Single(exception.Mismatches);
        Assert.Contains(mismatch.Details, d => d.Contains("Accept", StringComparison.OrdinalIgnoreCase));
        Assert.False(File.Exists(pact.PactFilePath));
    }

    [Fact]
    public async Task Body_mismatch_is_reported_with_the_field()
    {
        var pact = SessionsPact.Create(pactDir);
        pact.UponReceiving("a request to create a session")
            .WithRequest(HttpMethod.Post, "/sessions")
            .WithJsonBody(new { image = Match.Regex("python:3.12", @"[a-z]+:[\d.]+"), gpus = Match.Integer(1) })
            .WillRespond()
            .WithStatus(HttpStatusCode.Created);

        var exception = await Assert.ThrowsAsync<PactVerificationException>(() => pact.VerifyAsync(async ctx =>
        {
            using var client = new HttpClient { BaseAddress = ctx.MockServerUri };
            using var content = new StringContent("""{"image":"python:3.12","gpus":"two"}""", Encoding.UTF8, "application/json");
            using var response = await client.PostAsync("sessions", content);
        }));

        var mismatch = Assert.Single(exception.Mismatches);
        Assert.Equal("request-mismatch", mismatch.Type);
        Assert.Contains(mismatch.Details, d => d.Contains("$.gpus", StringComparison.Ordinal));
        Assert.False(File.Exists(pact.PactFilePath));
    }

    [Fact]
    public async Task Test_exception_with_mismatches_becomes_the_inner_exception()
    {
        var pact = SessionsPact.Create(pactDir).WithSessionInteraction();

        var exception = await Assert.ThrowsAsync<PactVerificationException>(() => pact.VerifyAsync(async ctx =>
        {
            using var client = new HttpClient { BaseAddress = ctx.MockServerUri };
            using var response = await client.GetAsync("sessions/42");
            response.EnsureSuccessStatusCode();
        }));

        Assert.IsType<HttpRequestException>(exception.InnerException);
        Assert.Contains("The test itself also failed: HttpRequestException", exception.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(pact.PactFilePath));
    }

    [Fact]
    public async Task Test_exception_without_mismatch_propagates_unchanged_and_writes_no_file()
    {
        var pact = SessionsPact.Create(pactDir).WithSessionInteraction();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => pact.VerifyAsync(async ctx =>
        {
            await SendAsync(ctx, "sessions/42?verbose=true", accept: "application/json");
            throw new InvalidOperationException("consumer bug");
        }));

        Assert.Equal("consumer bug", exception.Message);
        Assert.False(File.Exists(pact.PactFilePath));
    }

    [Fact]
    public async Task Pact_files_merge_across_tests_of_the_same_pair()
    {
        var first = SessionsPact.Create(pactDir).WithSessionInteraction();
        await first.VerifyAsync(ctx => SendAsync(ctx, "sessions/42?verbose=true", accept: "application/json"));

        var second = SessionsPact.Create(pactDir);
        second.UponReceiving("a request for the health")
            .WithRequest("GET", "/health")
            .WillRespond()
            .WithStatus(204);
        await second.VerifyAsync(async ctx =>
        {
            using var client = new HttpClient { BaseAddress = ctx.MockServerUri };
            (await client.GetAsync("health")).Dispose();
        });

        var document = JsonNode.Parse(await File.ReadAllTextAsync(second.PactFilePath))!;
        Assert.Equal(
            ["a request for session 42", "a request for the health"],
            document["interactions"]!.AsArray().Select(i => (string)i!["description"]!).Order());
    }

    [Fact]
    public async Task A_builder_is_single_use()
    {
        var pact = SessionsPact.Create(pactDir).WithSessionInteraction();
        await pact.VerifyAsync(ctx => SendAsync(ctx, "sessions/42?verbose=true", accept: "application/json"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => pact.VerifyAsync(_ => Task.CompletedTask));
        Assert.Throws<ObjectDisposedException>(() => pact.UponReceiving("another"));
    }

    [Fact]
    public void Invalid_json_text_is_rejected_before_reaching_the_core()
    {
        using var pact = SessionsPact.Create(pactDir);
        var request = pact.UponReceiving("a request with a broken body").WithRequest(HttpMethod.Post, "/sessions");

        var exception = Assert.Throws<ArgumentException>(() => request.WithBody("{\"image\": ", "application/json"));
        Assert.Contains("not valid JSON", exception.Message, StringComparison.Ordinal);
        request.WithBody("{\"image\": \"python\"}", "application/vnd.kernel+json; charset=utf-8");
        request.WithBody("{not json", "text/plain");
    }

    private static async Task SendAsync(MockServerContext ctx, string relative, string accept)
    {
        using var client = new HttpClient { BaseAddress = ctx.MockServerUri };
        using var request = new HttpRequestMessage(HttpMethod.Get, relative);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        (await client.SendAsync(request)).Dispose();
    }
}

using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Contracts.Cli;
using Kernel.Contracts.Conformance;
using Xunit;

namespace Kernel.Contracts.Reference.Tests;

/// <summary>`kernel-contracts check-pacts`: the committed pacts agree with our documents; a team's broken pact is named precisely.</summary>
public sealed class CheckPactsCliTests
{
    private static Task<(int Code, string Output, string Error)> Run(params string[] args) => CliRun.RunAsync(args);

    [Theory]
    [InlineData("platform", 17)]
    [InlineData("sessions", 33)]
    public async Task The_committed_pacts_agree_with_our_documents(string api, int interactions)
    {
        var json = Path.GetTempFileName();
        var (code, output, error) = await Run("check-pacts", "--api", api, "--json", json);

        Assert.True(code == 0, output + error);
        Assert.Contains($"check-pacts: {interactions} passed, 0 failed", output, StringComparison.Ordinal);
        var records = JsonNode.Parse(await File.ReadAllTextAsync(json))!.AsArray();
        Assert.Equal(interactions, records.Count);
        Assert.All(records, r => Assert.False(string.IsNullOrEmpty(r!["operationId"]?.GetValue<string>())));
    }

    [Theory]
    [InlineData("platform")]
    [InlineData("sessions")]
    public async Task Every_documented_response_of_every_operation_is_under_a_committed_pact(string api)
    {
        var json = Path.GetTempFileName();
        var (code, output, error) = await Run("check-pacts", "--api", api, "--json", json);
        Assert.True(code == 0, output + error);

        var document = EmbeddedDocuments.Load(api);
        var covered = JsonNode.Parse(await File.ReadAllTextAsync(json))!.AsArray()
            .Select(r => (Operation: r!["operationId"]!.GetValue<string>(), Status: r["status"]!.GetValue<int>()))
            .Select(r => r.Operation + " " + document.Operations.Single(o => o.OperationId == r.Operation).ResponseFor(r.Status)!.Status)
            .ToHashSet();
        var documented = document.Operations.SelectMany(o => o.Responses.Keys.Select(status => o.OperationId + " " + status));
        // `default` included: a consumer that reads an unexpected 5xx as a problem is under contract too.
        var uncovered = documented.Except(covered).ToList();
        Assert.True(uncovered.Count == 0, "no pact covers: " + string.Join(", ", uncovered));
    }

    [Fact]
    public async Task A_teams_own_pact_that_breaks_the_document_fails_naming_the_interaction_and_the_schema()
    {
        var pact = JsonNode.Parse("""
            {
              "consumer": { "name": "team-notebook" },
              "provider": { "name": "kernel-sessions-api" },
              "interactions": [
                {
                  "type": "Synchronous/HTTP",
                  "description": "info of a session",
                  "request": { "method": "GET", "path": "/v4/kernel/tok-1" },
                  "response": {
                    "status": 200,
                    "headers": { "Content-Type": ["application/json"] },
                    "body": { "contentType": "application/json", "encoded": false, "content": { "lang": "python:3.6", "age": "ten seconds" } }
                  }
                },
                {
                  "type": "Synchronous/HTTP",
                  "description": "destroy a session",
                  "request": { "method": "DELETE", "path": "/v4/kernel/tok-1" },
                  "response": { "status": 418, "headers": { "Content-Type": ["text/html"] }, "body": { "contentType": "text/html", "encoded": false, "content": "<p>teapot</p>" } }
                }
              ],
              "metadata": { "pactSpecification": { "version": "4.0" } }
            }
            """)!;
        var file = Path.Combine(Path.GetTempPath(), "team-pact-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(file, pact.ToJsonString());

        var (code, output, _) = await Run("check-pacts", "--api", "sessions", "--pact", file);

        Assert.Equal(1, code);
        Assert.Contains("  FAIL  info of a session  → getKernelInfo 200", output, StringComparison.Ordinal);
        Assert.Contains("age", output, StringComparison.Ordinal);
        Assert.Contains("  FAIL  destroy a session  → destroyKernel 418", output, StringComparison.Ordinal);
        // 418 falls under the documented default (a problem), which a web page is not.
        Assert.Contains("response Content-Type 'text/html' is not documented for default", output, StringComparison.Ordinal);
        Assert.Contains("check-pacts: 0 passed, 2 failed", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check-pacts")]
    [InlineData("check-pacts", "--api", "platform", "--spec", "x.yaml")]
    [InlineData("check-pacts", "--spec", "x.yaml")]
    public async Task Wrong_options_are_a_message_and_a_non_zero_exit(params string[] args)
    {
        var (code, _, error) = await Run(args);
        Assert.NotEqual(0, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_document_or_a_missing_pact_is_a_message_and_exit_2()
    {
        var spec = Path.Combine(Path.GetTempPath(), "broken-" + Guid.NewGuid().ToString("N") + ".yaml");
        await File.WriteAllTextAsync(spec, "openapi: 3.1.0\npaths: {\n  /x: [\n");
        var pact = Path.GetTempFileName();

        var (code, _, error) = await Run("check-pacts", "--spec", spec, "--pact", pact);
        Assert.Equal(2, code);
        Assert.Matches(@"broken-[0-9a-f]+\.yaml\(\d+,\d+\): the document cannot be read: ", error);

        (code, _, error) = await Run("check-pacts", "--api", "platform", "--pact", "/nonexistent/pact.json");
        Assert.Equal(2, code);
        Assert.Contains("no pact at '/nonexistent/pact.json'", error, StringComparison.Ordinal);
    }
}

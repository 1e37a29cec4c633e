using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Contracts.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Kernel.Contracts.Reference.Tests;

/// <summary>`kernel-contracts probe`: the reference servers answer every probe as documented; a sloppy implementation is caught.</summary>
public sealed class ProbeCliTests
{
    private static Task<(int Code, string Output, string Error)> Run(params string[] args) => CliRun.RunAsync(args);

    [Fact]
    public async Task The_platform_reference_answers_several_hundred_probes_as_documented()
    {
        await using var served = await ServedCli.StartAsync("--api", "platform", "--api-key", "probe-key");
        var json = Path.GetTempFileName();

        var (code, output, error) = await Run("probe", "--api", "platform", "--base-url", served.Address.ToString(), "--api-key", "probe-key", "--max-requests", "400", "--seed", "7", "--json", json);

        Assert.True(code == 0, output + error);
        Assert.Contains("probe: 400 requests", output, StringComparison.Ordinal);
        var records = JsonNode.Parse(await File.ReadAllTextAsync(json))!.AsArray();
        Assert.Equal(400, records.Count);
        // Broken input of every kind was sent, and refused.
        var kinds = records.Select(r => r!["kind"]!.GetValue<string>()).ToHashSet();
        Assert.Contains("credentials: missing", kinds);
        Assert.Contains("credentials: wrong", kinds);
        Assert.Contains(kinds, k => k.Contains("pipeline_name' not in its enum", StringComparison.Ordinal));
        Assert.Contains(kinds, k => k.Contains("study_id' breaking its pattern", StringComparison.Ordinal));
        Assert.All(records.Where(r => r!["kind"]!.GetValue<string>() != "valid"), r => Assert.InRange(r!["status"]!.GetValue<int>(), 400, 499));
        // Valid ids no one issued are asked for too, and answered with the documented 404.
        Assert.Contains(records, r => r!["kind"]!.GetValue<string>() == "valid" && r["operationId"]!.GetValue<string>() == "listDatasets" && r["status"]!.GetValue<int>() == 404);
        // Ids were chained: a status read after a run of the same dataset.
        Assert.Contains(records, r => r!["operationId"]!.GetValue<string>() == "getPipelineStatus" && r["status"]!.GetValue<int>() == 200);
    }

    [Fact]
    public async Task The_sessions_reference_answers_several_hundred_probes_as_documented_and_the_seed_repeats_them()
    {
        await using var served = await ServedCli.StartAsync("--api", "sessions", "--access-key", "AKPROBE1", "--secret-key", "probe-secret");
        var first = Path.GetTempFileName();
        var (code, output, error) = await Run("probe", "--api", "sessions", "--base-url", served.Address.ToString(), "--access-key", "AKPROBE1", "--secret-key", "probe-secret", "--max-requests", "300", "--seed", "3", "--json", first);
        Assert.True(code == 0, output + error);

        var records = JsonNode.Parse(await File.ReadAllTextAsync(first))!.AsArray();
        Assert.Equal(300, records.Count);
        Assert.Contains(records, r => r!["kind"]!.GetValue<string>() == "invalid: malformed JSON body");
        Assert.Contains(records, r => r!["kind"]!.GetValue<string>().Contains("clientSessionToken' breaking its pattern", StringComparison.Ordinal));
        Assert.Contains(records, r => r!["operationId"]!.GetValue<string>() == "createKernel" && r["status"]!.GetValue<int>() == 201);
        Assert.Contains(records, r => r!["operationId"]!.GetValue<string>() == "getKernelInfo" && r["status"]!.GetValue<int>() == 200);

        // The same seed sends the same requests (against a fresh server).
        await using var again = await ServedCli.StartAsync("--api", "sessions", "--access-key", "AKPROBE1", "--secret-key", "probe-secret");
        var second = Path.GetTempFileName();
        (code, _, _) = await Run("probe", "--api", "sessions", "--base-url", again.Address.ToString(), "--access-key", "AKPROBE1", "--secret-key", "probe-secret", "--max-requests", "300", "--seed", "3", "--json", second);
        Assert.Equal(0, code);
        var repeated = JsonNode.Parse(await File.ReadAllTextAsync(second))!.AsArray();
        Assert.Equal(
            records.Select(r => (r!["kind"]!.GetValue<string>(), UrlPath(r["url"]!), r["status"]?.GetValue<int>())),
            repeated.Select(r => (r!["kind"]!.GetValue<string>(), UrlPath(r["url"]!), r["status"]?.GetValue<int>())));

        static string UrlPath(JsonNode url) => new Uri(url.GetValue<string>()).PathAndQuery;
    }

    [Fact]
    public async Task A_sloppy_implementation_is_caught_with_reproducible_requests()
    {
        // A hand-written Platform API with four kinds of bug.
        await using var host = await TestHost.StartAsync(_ => { }, app =>
        {
            app.Use(async (HttpContext context, RequestDelegate next) =>
            {
                if (context.Request.Headers.Authorization != "sloppy-key")
                {
                    context.Response.StatusCode = 401;
                    context.Response.ContentType = "application/problem+json";
                    await context.Response.WriteAsync("""{"type":"https://api.kernel.com/problems/unauthorized","title":"Unauthorized","status":401}""");
                    return;
                }

                await next(context);
            });
            // Bug 1: a malformed study id is a bare 422, where the document gives a problem (under default). Bug 2: the body misses "datasets".
            app.MapGet("/api/v1/study/{studyId}/datasets", (string studyId) =>
                studyId.Length == 32 ? Results.Text("""{"items":[]}""", "application/json") : Results.StatusCode(422));
            // Bug 3: any pipeline name is accepted, even one outside the enum.
            app.MapPost("/api/v1/study/{studyId}/dataset/{datasetId}/pipeline/{pipeline}", () =>
                Results.Text("""{"job_id":"9f8e7d6c5b4a39281706f5e4d3c2b1a0"}""", "application/json"));
            // Bug 4: the status endpoint crashes.
            app.MapGet("/api/v1/study/{studyId}/dataset/{datasetId}/pipeline/{pipeline}/status", string () => throw new InvalidOperationException("boom"));
        });

        var (code, output, _) = await Run("probe", "--api", "platform", "--base-url", host.BaseAddress.ToString(), "--api-key", "sloppy-key", "--max-requests", "60");

        Assert.Equal(1, code);
        Assert.True(output.Contains("server error 500", StringComparison.Ordinal), output);
        // 422 falls under listDatasets' default, a problem; a bare status with nothing in it is not one.
        Assert.Contains("response 422 has no body; the document gives it application/problem+json", output, StringComparison.Ordinal);
        Assert.Contains("PropertyRequired at #/datasets", output, StringComparison.Ordinal);
        Assert.Contains("accepted broken input (invalid: path parameter 'pipeline_name' not in its enum) with 200; expected a 4xx", output, StringComparison.Ordinal);
        Assert.Matches(@"curl -i -X POST 'http://127\.0\.0\.1:\d+/api/v1/study/5a6b7c8d9e0f11223344556677889900/dataset/5d1c0f3a9b2e4c7d8e6f1a2b3c4d5e6f/pipeline/not-a-member-x' -H 'Authorization: sloppy-key'", output);
        Assert.Matches(@"probe: 60 requests \(\d+ valid, \d+ broken on purpose\), \d+ failed", output);
    }

    [Fact]
    public async Task A_bodiless_response_labelled_json_and_one_without_a_type_are_caught()
    {
        // Sessions: restartKernel's 204 says JSON (the 2018 JS client fails on it); every other answer is a bare 404.
        await using var host = await TestHost.StartAsync(_ => { }, app => app.Run(context =>
        {
            if (HttpMethods.IsPatch(context.Request.Method))
            {
                context.Response.StatusCode = 204;
                context.Response.ContentType = "application/json";
            }
            else
            {
                context.Response.StatusCode = 404;
            }

            return Task.CompletedTask;
        }));

        var (code, output, _) = await Run("probe", "--api", "sessions", "--base-url", host.BaseAddress.ToString(), "--access-key", "AKPROBE", "--secret-key", "s", "--max-requests", "40");

        Assert.Equal(1, code);
        Assert.Contains("response 204 has no body but says Content-Type 'application/json'; a client that parses JSON by the type fails on it", output, StringComparison.Ordinal);
        Assert.Contains("response 404 has no Content-Type; clients read the type of every response, a bodiless one included", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bodies_with_characters_xml_cannot_hold_still_reach_both_result_files_escaped()
    {
        // Terminal colours, NUL and BEL, then an emoji that the probe's 200-character excerpt cuts in half (a lone
        // surrogate), then an encoded surrogate (ED A0 80), which is not valid UTF-8.
        var text = "\u001b[31mboom\u001b[0m \u0000\u0007 ";
        text = text.PadRight(199, 'x') + "\U0001F600 tail";
        byte[] body = [.. System.Text.Encoding.UTF8.GetBytes(text), 0xED, 0xA0, 0x80];
        await using var host = await TestHost.StartAsync(_ => { }, app => app.Run(async context =>
        {
            context.Response.StatusCode = 500;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.Body.WriteAsync(body);
        }));
        var junit = Path.GetTempFileName();
        var json = Path.GetTempFileName();
        File.Delete(junit);
        File.Delete(json);

        var (code, output, error) = await Run("probe", "--api", "platform", "--base-url", host.BaseAddress.ToString(), "--api-key", "k", "--max-requests", "5", "--junit", junit, "--json", json);

        Assert.True(code == 1, output + error);
        var failure = System.Xml.Linq.XDocument.Load(junit).Descendants("failure").First();
        var problem = JsonNode.Parse(await File.ReadAllTextAsync(json))!.AsArray()[0]!["problems"]!.AsArray()[0]!.GetValue<string>();
        foreach (var written in new[] { failure.Value, failure.Attribute("message")!.Value, problem })
        {
            Assert.Contains("server error 500: \\u001b[31mboom\\u001b[0m \\u0000\\u0007 xxx", written, StringComparison.Ordinal);
            Assert.Contains("xxx\\ud83d…", written, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("probe", "--api", "platform", "--base-url", "http://127.0.0.1:1/")]
    [InlineData("probe", "--api", "sessions", "--base-url", "http://127.0.0.1:1/", "--access-key", "a")]
    [InlineData("probe", "--api", "platform", "--base-url", "http://127.0.0.1:1/", "--api-key", "k", "--max-requests", "0")]
    public async Task Wrong_options_are_a_message_and_a_non_zero_exit(params string[] args)
    {
        var (code, _, error) = await Run(args);
        Assert.NotEqual(0, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_implementation_is_a_message_and_exit_2()
    {
        var (code, _, error) = await Run("probe", "--api", "platform", "--base-url", "http://127.0.0.1:9/", "--api-key", "k");
        Assert.Equal(2, code);
        Assert.Contains("cannot be reached", error, StringComparison.Ordinal);
    }
}

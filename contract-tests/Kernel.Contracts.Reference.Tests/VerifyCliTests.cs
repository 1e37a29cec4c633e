using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Kernel.Contracts.Reference;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Contracts.Cli;
using Xunit;

namespace Kernel.Contracts.Reference.Tests;

/// <summary>`kernel-contracts verify` fails readably when it cannot do its job.</summary>
public sealed class VerifyCliTests
{
    private static Task<(int Code, string Output, string Error)> Run(params string[] args) => CliRun.RunAsync(args);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task The_platform_reference_served_by_hand_passes_every_committed_interaction()
    {
        await using var served = await ServedCli.StartAsync("--api", "platform", "--api-key", "team-key-1", "--provider-states");
        var junit = Path.Combine(Path.GetTempPath(), "verify-platform-" + Guid.NewGuid().ToString("N") + ".xml");

        var (code, output, error) = await Run(
            "verify", "--api", "platform", "--base-url", new Uri(served.Address, "api/v1/").ToString(), "--api-key", "team-key-1",
            "--state-change-url", new Uri(served.Address, "_pact/provider-states").ToString(), "--junit", junit);

        Assert.True(code == 0, output + error);
        Assert.Matches(@"verify: 17 passed, 0 failed", output);
        Assert.Contains("  ok    a request to run qc_nirs on a dataset", output, StringComparison.Ordinal);
        var suite = XDocument.Load(junit).Root!.Element("testsuite")!;
        Assert.Equal("17", suite.Attribute("tests")!.Value);
        Assert.Equal("0", suite.Attribute("failures")!.Value);
    }

    [Fact]
    public async Task The_sessions_reference_served_by_hand_passes_every_committed_interaction_signed_on_the_way()
    {
        await using var served = await ServedCli.StartAsync("--api", "sessions", "--access-key", "AKTEAMKEY1", "--secret-key", "team-secret", "--provider-states");

        var (code, output, error) = await Run(
            "verify", "--api", "sessions", "--base-url", served.Address.ToString(), "--access-key", "AKTEAMKEY1", "--secret-key", "team-secret",
            "--state-change-url", new Uri(served.Address, "_pact/provider-states").ToString());

        Assert.True(code == 0, output + error);
        Assert.Contains("verify: 33 passed, 0 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_provider_states_the_interactions_that_need_them_fail()
    {
        await using var served = await ServedCli.StartAsync("--api", "platform", "--api-key", "team-key-1");

        var (code, output, _) = await Run("verify", "--api", "platform", "--base-url", new Uri(served.Address, "api/v1/").ToString(), "--api-key", "team-key-1");

        Assert.Equal(1, code);
        // The revoked-key interactions expect 401 and get 200: the key is only revoked by the state.
        Assert.Contains("  FAIL  a request for the datasets of a study with a revoked API key", output, StringComparison.Ordinal);
        Assert.Contains("  ok    a request for the datasets of a study", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_implementation_fails_naming_the_interaction_and_the_field()
    {
        // The reference with one bug: runPipeline answers "jobId" instead of the documented "job_id".
        await using var host = await TestHost.StartAsync(
            services => services.AddPlatformReference(o => o.ApiKeys.Add("team-key-1")),
            app =>
            {
                app.Use(async (HttpContext context, RequestDelegate next) =>
                {
                    // A serializer naming bug: every "job_id" the implementation writes goes out as "jobId".
                    var original = context.Response.Body;
                    using var buffer = new MemoryStream();
                    context.Response.Body = buffer;
                    await next(context);
                    context.Response.Body = original;
                    var text = System.Text.Encoding.UTF8.GetString(buffer.ToArray()).Replace("\"job_id\"", "\"jobId\"", StringComparison.Ordinal);
                    context.Response.ContentLength = null;
                    await context.Response.WriteAsync(text);
                });
                app.MapPlatformReference();
                app.MapReferenceProviderStates();
            });
        var junit = Path.Combine(Path.GetTempPath(), "verify-broken-" + Guid.NewGuid().ToString("N") + ".xml");

        var (code, output, error) = await Run(
            "verify", "--api", "platform", "--base-url", host.Url("api/v1/").ToString(), "--api-key", "team-key-1",
            "--state-change-url", host.Url("_pact/provider-states").ToString(), "--junit", junit);

        Assert.Equal(1, code);
        Assert.Contains("  FAIL  a request to run qc_nirs on a dataset", output, StringComparison.Ordinal);
        Assert.Contains("  FAIL  a request for the status of a succeeded qc_nirs run", output, StringComparison.Ordinal);
        Assert.Contains("BodyMismatch at '$': Actual map is missing the following keys: job_id", output, StringComparison.Ordinal);
        Assert.True(output.Contains("verify: 14 passed, 3 failed", StringComparison.Ordinal), output);
        Assert.Empty(error);
        var failures = XDocument.Load(junit).Descendants("failure").Select(f => f.Parent!.Attribute("name")!.Value).Order(StringComparer.Ordinal);
        Assert.Equal(["a request for the status of a running qc_nirs run", "a request for the status of a succeeded qc_nirs run", "a request to run qc_nirs on a dataset"], failures);
    }

    [Fact]
    public async Task An_unreachable_provider_is_a_message_and_exit_2()
    {
        var pact = Path.GetTempFileName();
        await File.WriteAllTextAsync(pact, """{"consumer":{"name":"c"},"provider":{"name":"kernel-platform-api"},"interactions":[],"metadata":{"pactSpecification":{"version":"4.0"}}}""");

        var (code, _, error) = await Run("verify", "--api", "platform", "--base-url", "http://127.0.0.1:" + FreePort() + "/", "--pact", pact);

        Assert.Equal(2, code);
        Assert.Contains("cannot be reached", error, System.StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_pact_is_a_message_and_exit_2()
    {
        var (code, _, error) = await Run("verify", "--api", "sessions", "--base-url", "http://127.0.0.1:1/", "--pact", "/nonexistent/pacts");

        Assert.Equal(2, code);
        Assert.Contains("no pact at '/nonexistent/pacts'", error, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("verify", "--api", "platform", "--base-url", "http://127.0.0.1:1/", "--access-key", "a", "--secret-key", "b")]
    [InlineData("verify", "--api", "sessions", "--base-url", "http://127.0.0.1:1/", "--access-key", "a")]
    [InlineData("verify", "--api", "sessions", "--base-url", "http://127.0.0.1:1/", "--api-key", "k")]
    [InlineData("verify", "--api", "platform")]
    [InlineData("verify", "--api", "platform", "--base-url", "ftp://x/")]
    public async Task Wrong_options_are_a_message_and_a_non_zero_exit(params string[] args)
    {
        var (code, _, error) = await Run(args);

        Assert.NotEqual(0, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.DoesNotContain("   at ", error, System.StringComparison.Ordinal);
    }
}

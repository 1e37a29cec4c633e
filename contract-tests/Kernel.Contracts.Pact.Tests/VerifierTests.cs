using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Kernel.Contracts.Pact.Verifier;
using Xunit;

namespace Kernel.Contracts.Pact.Tests;

public sealed class VerifierTests
{
    [Fact]
    public async Task Provider_honouring_the_contract_passes_and_receives_state_setup_and_teardown()
    {
        var pactFile = await ProducePactAsync();
        await using var provider = await TestProvider.StartAsync();

        var result = await new PactVerifier(SessionsPact.Provider)
            .WithHttpEndpoint(provider.BaseUri)
            .WithFileSource(pactFile)
            .WithProviderStateUrl(provider.StateUri, teardown: true)
            .WithCustomHeader("Authorization", "Bearer test")
            .WithRequestTimeout(TimeSpan.FromSeconds(5))
            .VerifyAsync();

        Assert.True(result.Passed, result.ToString() + Environment.NewLine + result.Output);
        var interaction = Assert.Single(result.Interactions);
        Assert.Equal(SessionsPact.Description, interaction.Description);
        Assert.True(interaction.Passed);
        Assert.NotNull(interaction.Duration);
        Assert.Empty(result.Errors);
        Assert.Contains("has a matching body (OK)", result.Output, StringComparison.Ordinal);
        Assert.Contains("Running provider verification", result.Logs, StringComparison.Ordinal);
        result.EnsurePassed();

        Assert.Equal(["Bearer test"], provider.AuthorizationHeaders);
        var calls = provider.StateCalls.ToArray();
        Assert.Equal(["setup", "teardown"], calls.Select(c => c.Action));
        Assert.All(calls, c => Assert.Equal(SessionsPact.State, c.State));
        Assert.Contains("\"owner\":\"alice\"", calls[0].Params.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Provider_returning_a_wrong_field_fails_naming_the_interaction_and_the_field()
    {
        var pactFile = await ProducePactAsync();
        await using var provider = await TestProvider.StartAsync(nameField: "title");

        var result = await new PactVerifier(SessionsPact.Provider)
            .WithHttpEndpoint(provider.BaseUri)
            .WithFileSource(pactFile)
            .WithProviderStateUrl(provider.StateUri)
            .VerifyAsync();

        Assert.False(result.Passed);
        var interaction = Assert.Single(result.Interactions);
        Assert.Equal(SessionsPact.Description, interaction.Description);
        Assert.False(interaction.Passed);
        Assert.Contains(interaction.Mismatches, m => m.Contains("missing the following keys: name", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains(SessionsPact.Description, StringComparison.Ordinal) && e.Contains("name", StringComparison.Ordinal));
        var exception = Assert.Throws<PactException>(() => result.EnsurePassed());
        Assert.Contains(SessionsPact.Description, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_provider_fails_quickly_with_a_readable_message()
    {
        var pactFile = await ProducePactAsync();
        var port = FreePort();
        var stopwatch = Stopwatch.StartNew();

        var result = await new PactVerifier(SessionsPact.Provider)
            .WithHttpEndpoint(new Uri($"http://127.0.0.1:{port}/"))
            .WithFileSource(pactFile)
            .WithRequestTimeout(TimeSpan.FromSeconds(2))
            .VerifyAsync();

        Assert.False(result.Passed);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(15), $"took {stopwatch.Elapsed}");
        var text = string.Join(Environment.NewLine, result.Errors) + result.Output;
        Assert.Contains(SessionsPact.Description, text, StringComparison.Ordinal);
        Assert.Matches("(?i)connect|refused|error sending request", text);
    }

    [Fact]
    public async Task Missing_pact_file_fails_instead_of_passing_vacuously()
    {
        await using var provider = await TestProvider.StartAsync();

        var result = await new PactVerifier(SessionsPact.Provider)
            .WithHttpEndpoint(provider.BaseUri)
            .WithFileSource(System.IO.Path.Combine(TestPaths.NewPactDir(), "nothing-here.json"))
            .VerifyAsync();

        Assert.False(result.Passed);
    }

    [Fact]
    public async Task Directory_source_and_filter_select_interactions()
    {
        var pactFile = await ProducePactAsync();
        await using var provider = await TestProvider.StartAsync();

        var filteredOut = await new PactVerifier(SessionsPact.Provider, new PactVerifierOptions { NoPactsIsError = false })
            .WithHttpEndpoint(provider.BaseUri)
            .WithDirectorySource(System.IO.Path.GetDirectoryName(pactFile)!)
            .WithProviderStateUrl(provider.StateUri)
            .WithFilter(description: "^no such interaction$")
            .VerifyAsync();
        var selected = await new PactVerifier(SessionsPact.Provider)
            .WithHttpEndpoint(provider.BaseUri)
            .WithDirectorySource(System.IO.Path.GetDirectoryName(pactFile)!)
            .WithProviderStateUrl(provider.StateUri)
            .WithFilter(description: "session 42")
            .VerifyAsync();

        Assert.Empty(filteredOut.Interactions);
        Assert.True(selected.Passed, selected.ToString());
        Assert.Single(selected.Interactions);
    }

    [Fact]
    public void Verifier_requires_an_endpoint_and_a_source()
    {
        Assert.Throws<InvalidOperationException>(() => new PactVerifier("p").WithFileSource("x.json").Verify());
        Assert.Throws<InvalidOperationException>(() => new PactVerifier("p").WithHttpEndpoint(new Uri("http://127.0.0.1:1/")).Verify());
        Assert.Throws<ArgumentException>(() => new PactVerifier("p").WithHttpEndpoint(new Uri("ftp://127.0.0.1/")));
    }

    /// <summary>Runs the consumer side for real and returns the pact file it wrote.</summary>
    private static async Task<string> ProducePactAsync()
    {
        var pact = SessionsPact.Create(TestPaths.NewPactDir()).WithSessionInteraction();
        await pact.VerifyAsync(async ctx =>
        {
            using var client = new HttpClient { BaseAddress = ctx.MockServerUri };
            using var request = new HttpRequestMessage(HttpMethod.Get, "sessions/42?verbose=true");
            request.Headers.Add("Accept", "application/json");
            (await client.SendAsync(request)).Dispose();
        });
        return pact.PactFilePath;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.IO;
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
    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await KernelContractsCommand.InvokeAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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

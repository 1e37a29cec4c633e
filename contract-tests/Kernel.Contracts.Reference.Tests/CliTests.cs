using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Contracts.Cli;
using Kernel.Contracts.Reference.Platform;
using Xunit;

namespace Kernel.Contracts.Reference.Tests;

public sealed class CliTests
{
    [Fact]
    public async Task Serve_platform_listens_logs_requests_and_stops_cleanly()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = KernelContractsCommand.InvokeAsync(["serve", "--api", "platform", "--urls", "http://127.0.0.1:0", "--api-key", "cli-key"], TextWriter.Synchronized(output), error, stop.Token);

        Uri? address = null;
        for (var i = 0; i < 200 && address is null; i++)
        {
            var match = Regex.Match(output.ToString(), "listening on (http://127\\.0\\.0\\.1:\\d+)");
            if (match.Success) address = new Uri(match.Groups[1].Value);
            else await Task.Delay(50);
        }

        Assert.True(address is not null, "no listening line: " + output + error);
        Assert.Contains("cli-key", output.ToString());
        using var http = new HttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "cli-key");
        var response = await http.GetAsync(new Uri(address, "/api/v1/study/" + PlatformReferenceOptions.DemoStudyId + "/datasets"));
        Assert.Equal(200, (int)response.StatusCode);

        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("GET /api/v1/study/" + PlatformReferenceOptions.DemoStudyId + "/datasets 200", output.ToString());
        Assert.Contains("Stopped.", output.ToString());
    }

    [Theory]
    [InlineData("serve", "--api", "graphql")]
    [InlineData("serve")]
    [InlineData("serve", "--api", "sessions", "--access-key", "only-access")]
    [InlineData("serve", "--api", "sessions", "--max-sessions", "zero")]
    [InlineData("serve", "--api", "sessions", "--max-sessions", "0")]
    [InlineData("serve", "--api", "platform", "--urls", "not a url")]
    [InlineData("serve", "--api", "platform", "--bogus")]
    public async Task A_bad_option_exits_non_zero_with_a_message(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await KernelContractsCommand.InvokeAsync(args, output, error, CancellationToken.None);
        Assert.NotEqual(0, code);
        Assert.False(string.IsNullOrWhiteSpace(error.ToString()));
        Assert.DoesNotContain("   at ", error.ToString());
    }

    [Fact]
    public async Task Help_lists_every_command_and_a_mistyped_one_is_named_with_exit_2()
    {
        var output = new StringWriter();
        Assert.Equal(0, await KernelContractsCommand.InvokeAsync(["--help"], output, new StringWriter(), CancellationToken.None));
        string[] commands = ["serve", "verify", "check-pacts", "probe", "report", "generate", "diff"];
        foreach (var command in commands)
        {
            Assert.Contains("  " + command + " ", output.ToString(), StringComparison.Ordinal);

            var help = new StringWriter();
            var error = new StringWriter();
            Assert.Equal(0, await KernelContractsCommand.InvokeAsync([command, "--help"], help, error, CancellationToken.None));
            Assert.Contains("Usage:", help.ToString(), StringComparison.Ordinal);
            Assert.Contains(" " + command + " [options]", help.ToString(), StringComparison.Ordinal);
            Assert.Equal(string.Empty, error.ToString());
        }

        var typo = new StringWriter();
        Assert.Equal(2, await KernelContractsCommand.InvokeAsync(["generat", "--spec", "x"], new StringWriter(), typo, CancellationToken.None));
        Assert.Contains("'generat'", typo.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_exits_non_zero_with_a_message()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var error = new StringWriter();
        var code = await KernelContractsCommand.InvokeAsync(["serve", "--api", "sessions", "--urls", "http://127.0.0.1:" + port], new StringWriter(), error, CancellationToken.None);
        Assert.Equal(1, code);
        Assert.Contains("cannot listen", error.ToString());
    }
}

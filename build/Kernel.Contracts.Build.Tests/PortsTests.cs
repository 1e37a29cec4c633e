using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Kernel.Contracts.Build.Tests;

public sealed class PortsTests
{
    // Generous bounds against a hang, not timings: the waits below end as soon as they know.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_free_port_can_be_listened_on()
    {
        var port = Ports.Free();

        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        listener.Stop();
        Assert.InRange(port, 1, 65535);
    }

    [Fact]
    public async Task A_closed_port_is_not_listening_once_the_timeout_passes()
    {
        var address = new Uri($"http://127.0.0.1:{Ports.Free()}/");

        Assert.False(await Ports.WaitUntilListeningAsync(address, TimeSpan.FromSeconds(1), CancellationToken.None));
    }

    [Fact]
    public async Task A_server_that_answers_is_listening_whatever_its_status()
    {
        using var server = new HttpAnswer("HTTP/1.1 404 Not Found");

        Assert.True(await Ports.WaitUntilListeningAsync(server.Address, Patience, CancellationToken.None));
        Assert.True(server.Answered);
    }

    [Fact]
    public async Task A_server_that_starts_later_is_waited_for()
    {
        var port = Ports.Free();
        var waiting = Ports.WaitUntilListeningAsync(new Uri($"http://127.0.0.1:{port}/"), Patience, CancellationToken.None);
        // A refused connection first: the wait must retry, not give up.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(waiting.IsCompleted);

        using var server = new HttpAnswer("HTTP/1.1 200 OK", port);

        Assert.True(await waiting);
    }

    [Fact]
    public async Task The_command_fails_readably_on_a_closed_port_and_passes_on_an_open_one()
    {
        var closed = $"http://127.0.0.1:{Ports.Free()}/";
        using var server = new HttpAnswer("HTTP/1.1 200 OK");

        var refused = await Run.ToolAsync("wait-listening", closed, "--timeout", "1");
        var answered = await Run.ToolAsync("wait-listening", server.Address.ToString(), "--timeout", "30");

        Assert.Equal(1, refused.Exit);
        Assert.Equal($"error: The reference server at {closed} did not start listening within 1 s.", refused.Error.Trim());
        Assert.Equal((0, $"listening: {server.Address}"), (answered.Exit, answered.LastLine));
    }

    [Theory]
    [InlineData("127.0.0.1:5080", "error: '127.0.0.1:5080' is not an absolute http(s) address")]
    [InlineData("ftp://127.0.0.1/", "error: 'ftp://127.0.0.1/' is not an absolute http(s) address")]
    public async Task The_command_names_an_address_it_cannot_wait_for(string address, string expected)
    {
        var run = await Run.ToolAsync("wait-listening", address);

        Assert.Equal((2, expected), (run.Exit, run.Error.Trim()));
    }

    [Fact]
    public async Task The_free_port_command_prints_a_port()
    {
        var run = await Run.ToolAsync("free-port");

        Assert.Equal(0, run.Exit);
        Assert.InRange(int.Parse(run.LastLine, System.Globalization.CultureInfo.InvariantCulture), 1, 65535);
    }

    /// <summary>A loopback HTTP server in a few lines: every connection gets the same status line and an empty body.</summary>
    private sealed class HttpAnswer : IDisposable
    {
        private readonly TcpListener listener;
        private readonly CancellationTokenSource stop = new();

        public HttpAnswer(string statusLine, int port = 0)
        {
            listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            Address = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
            _ = ServeAsync(statusLine);
        }

        public Uri Address { get; }

        public bool Answered { get; private set; }

        private async Task ServeAsync(string statusLine)
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    using var client = await listener.AcceptTcpClientAsync(stop.Token);
                    using var stream = client.GetStream();
                    var reader = new StreamReader(stream);
                    while (!string.IsNullOrEmpty(await reader.ReadLineAsync(stop.Token)))
                    {
                        // The request's lines up to the blank one.
                    }

                    var writer = new StreamWriter(stream) { NewLine = "\r\n" };
                    await writer.WriteAsync(statusLine + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    await writer.FlushAsync(stop.Token);
                    Answered = true;
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException or IOException)
            {
                // Stopped.
            }
        }

        public void Dispose()
        {
            stop.Cancel();
            listener.Stop();
            stop.Dispose();
        }
    }
}

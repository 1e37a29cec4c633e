using System;

namespace Kernel.Contracts.Pact;

/// <summary>The running Pact mock server a consumer test talks to.</summary>
public sealed class MockServerContext
{
    internal MockServerContext(int port)
    {
        Port = port;
        MockServerUri = new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>Base address of the mock server, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri MockServerUri { get; }

    /// <summary>The port the mock server listens on (on 127.0.0.1).</summary>
    public int Port { get; }
}

using System;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using Kernel.Contracts.Pact.Interop;

namespace Kernel.Contracts.Pact;

/// <summary>
/// A V4 pact under construction: define interactions with <see cref="UponReceiving"/>, then run the consumer test
/// against a real Pact mock server with <see cref="VerifyAsync"/>. Single use: it is spent once verified.
/// </summary>
public sealed class PactBuilder : IDisposable
{
    private readonly object gate = new();
    private ushort handle;
    private bool spent;

    internal PactBuilder(string consumer, string provider, PactConfig config)
    {
        PactNativeLibrary.EnsureInitialized();
        Consumer = consumer;
        Provider = provider;
        Config = config;

        handle = CreateV4(consumer, provider);
    }

    /// <summary>
    /// A new V4 pact handle. Under heavy parallel load the core has been seen (once in many runs of this
    /// repository's tests) to refuse the specification of a handle it had just issued; a refused handle is left
    /// alone (freeing a handle the core may consider someone else's would be worse than a few bytes) and a fresh
    /// one is tried, a few times, before giving up.
    /// </summary>
    private static ushort CreateV4(string consumer, string provider)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var created = NativeMethods.pactffi_new_pact(consumer, provider);
            if (created != 0 && NativeMethods.pactffi_with_specification(created, PactSpecification.V4))
            {
                return created;
            }
        }

        throw new PactException($"The Pact core could not create a V4 pact for '{consumer}' -> '{provider}'.");
    }

    /// <summary>The consumer name.</summary>
    public string Consumer { get; }

    /// <summary>The provider name.</summary>
    public string Provider { get; }

    /// <summary>The configuration of this pact.</summary>
    public PactConfig Config { get; }

    /// <summary>Where the pact file is written: <c>{PactDir}/{consumer}-{provider}.json</c>.</summary>
    public string PactFilePath => Path.Combine(Config.ResolvedPactDir, $"{Consumer}-{Provider}.json");

    /// <summary>Starts a new interaction with its description (unique within the pact).</summary>
    public RequestBuilder UponReceiving(string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        var pact = LiveHandle();
        var interaction = NativeMethods.pactffi_new_interaction(pact, description);
        if (interaction == 0)
        {
            throw new PactException($"The Pact core could not create the interaction '{description}'.");
        }

        return new RequestBuilder(new InteractionState(interaction, description, Config.JsonSerializerOptions));
    }

    /// <summary>
    /// Starts the mock server on <c>127.0.0.1</c> (a free port), runs <paramref name="test"/> against it, and checks that
    /// every interaction was received exactly as defined and nothing else was. Only then is the pact file written
    /// (merged into an existing one).
    /// </summary>
    /// <exception cref="PactVerificationException">
    /// Requests did not match (missing, unexpected or different requests); the exception lists each mismatch and
    /// carries any exception of the test itself as its inner exception. No pact file is written.
    /// </exception>
    /// <exception cref="PactException">The mock server could not start or the pact file could not be written.</exception>
    public async Task VerifyAsync(Func<MockServerContext, Task> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var pact = Spend();
        try
        {
            var port = NativeMethods.pactffi_create_mock_server_for_transport(pact, "127.0.0.1", 0, "http", null);
            if (port <= 0)
            {
                throw new PactException($"The Pact mock server did not start: {DescribeStartError(port)}.");
            }

            try
            {
                ExceptionDispatchInfo? testFailure = null;
                try
                {
                    await test(new MockServerContext(port)).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    testFailure = ExceptionDispatchInfo.Capture(exception);
                }

                if (!NativeMethods.pactffi_mock_server_matched(port))
                {
                    var json = NativeString.CopyBorrowed(NativeMethods.pactffi_mock_server_mismatches(port)) ?? "[]";
                    throw new PactVerificationException(Consumer, Provider, PactMismatch.ParseAll(json), json, testFailure?.SourceException);
                }

                testFailure?.Throw();
                WritePactFile(port);
            }
            finally
            {
                NativeMethods.pactffi_cleanup_mock_server(port);
            }
        }
        finally
        {
            NativeMethods.pactffi_free_pact_handle(pact);
        }
    }

    /// <summary>Synchronous form of <see cref="VerifyAsync"/>.</summary>
    public void Verify(Action<MockServerContext> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        VerifyAsync(context =>
        {
            test(context);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
    }

    /// <summary>Frees the native pact if it was never verified.</summary>
    public void Dispose()
    {
        ushort pact;
        lock (gate)
        {
            if (spent)
            {
                return;
            }

            spent = true;
            pact = handle;
            handle = 0;
        }

        NativeMethods.pactffi_free_pact_handle(pact);
    }

    private void WritePactFile(int port)
    {
        var directory = Config.ResolvedPactDir;
        Directory.CreateDirectory(directory);
        var result = NativeMethods.pactffi_write_pact_file(port, directory, overwrite: false);
        if (result != 0)
        {
            var reason = result switch
            {
                1 => "the core panicked",
                2 => "the file could not be written",
                3 => "no mock server was running",
                _ => $"error {result}",
            };
            throw new PactException($"The pact file for '{Consumer}' -> '{Provider}' was not written to '{directory}': {reason}.");
        }
    }

    private ushort LiveHandle()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(spent, this);
            return handle;
        }
    }

    private ushort Spend()
    {
        lock (gate)
        {
            if (spent)
            {
                throw new InvalidOperationException("This pact was already verified or disposed; create a new one with Pact.V4 for each test.");
            }

            spent = true;
            return handle;
        }
    }

    private static string DescribeStartError(int code) => code switch
    {
        -1 => "invalid pact handle",
        -2 => "invalid transport configuration",
        -3 => "the server could not start (see the Pact core log on stderr)",
        -4 => "the core panicked",
        -5 => "invalid address",
        _ => $"error {code}",
    };
}

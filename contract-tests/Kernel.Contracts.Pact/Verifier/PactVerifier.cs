using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Contracts.Pact.Interop;

namespace Kernel.Contracts.Pact.Verifier;

/// <summary>
/// Verifies a running provider against pacts, as in PactNet:
/// <c>new PactVerifier("provider").WithHttpEndpoint(uri).WithFileSource(path).WithProviderStateUrl(stateUri).VerifyAsync()</c>.
/// </summary>
/// <remarks>
/// The configuration is recorded and applied to a fresh native verifier on each <see cref="VerifyAsync"/>, which runs the
/// blocking core on a dedicated thread (so an in-process provider on the thread pool is not starved) and always shuts the
/// native verifier down. The core also prints its report to stdout.
/// </remarks>
public sealed class PactVerifier
{
    private static readonly string ApplicationVersion =
        typeof(PactVerifier).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private readonly List<Action<nint>> sources = [];
    private readonly List<KeyValuePair<string, string>> customHeaders = [];
    private readonly PactVerifierOptions options;
    private Uri? provider;
    private Uri? stateUrl;
    private bool stateTeardown;
    private string? descriptionFilter;
    private string? stateFilter;
    private bool noStateFilter;
    private TimeSpan requestTimeout;

    /// <summary>Creates a verifier for <paramref name="providerName"/> (the name pacts are matched by).</summary>
    public PactVerifier(string providerName, PactVerifierOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ProviderName = providerName;
        this.options = options ?? new PactVerifierOptions();
        requestTimeout = this.options.RequestTimeout;
    }

    /// <summary>The provider's name.</summary>
    public string ProviderName { get; }

    /// <summary>Sets the provider's base address (scheme, host, port and optional base path).</summary>
    public PactVerifier WithHttpEndpoint(Uri providerUri)
    {
        ArgumentNullException.ThrowIfNull(providerUri);
        if (!providerUri.IsAbsoluteUri || providerUri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"The provider address must be an absolute http(s) URI, not '{providerUri}'.", nameof(providerUri));
        }

        provider = providerUri;
        return this;
    }

    /// <summary>Adds one pact file to verify.</summary>
    public PactVerifier WithFileSource(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        sources.Add(h => NativeMethods.pactffi_verifier_add_file_source(h, full));
        return this;
    }

    /// <summary>Adds one pact file to verify.</summary>
    public PactVerifier WithFileSource(FileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return WithFileSource(file.FullName);
    }

    /// <summary>Adds every pact in a folder whose provider is <see cref="ProviderName"/>.</summary>
    public PactVerifier WithDirectorySource(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var full = Path.GetFullPath(directory);
        sources.Add(h => NativeMethods.pactffi_verifier_add_directory_source(h, full));
        return this;
    }

    /// <summary>Adds every pact in a folder whose provider is <see cref="ProviderName"/>.</summary>
    public PactVerifier WithDirectorySource(DirectoryInfo directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return WithDirectorySource(directory.FullName);
    }

    /// <summary>Adds a pact fetched from a URL, optionally with basic (user name, password) or bearer (token) authentication.</summary>
    public PactVerifier WithUrlSource(Uri pactUri, string? username = null, string? password = null, string? token = null)
    {
        ArgumentNullException.ThrowIfNull(pactUri);
        var url = pactUri.ToString();
        sources.Add(h => NativeMethods.pactffi_verifier_url_source(h, url, username, password, token));
        return this;
    }

    /// <summary>Adds the pacts a Pact Broker holds for this provider.</summary>
    public PactVerifier WithBrokerSource(Uri brokerUri, Action<BrokerSourceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(brokerUri);
        var broker = new BrokerSourceOptions();
        configure?.Invoke(broker);
        var url = brokerUri.ToString();
        var providerTags = broker.ProviderTags.ToArray();
        var selectors = broker.ConsumerVersionSelectors.ToArray();
        var consumerTags = broker.ConsumerVersionTags.ToArray();
        sources.Add(h => NativeMethods.pactffi_verifier_broker_source_with_selectors(
            h, url, broker.Username, broker.Password, broker.Token, Flag(broker.EnablePending), broker.IncludeWipPactsSince,
            providerTags, checked((ushort)providerTags.Length), broker.ProviderBranch,
            selectors, checked((ushort)selectors.Length), consumerTags, checked((ushort)consumerTags.Length)));
        return this;
    }

    /// <summary>
    /// Sets the provider-state endpoint: before each interaction it receives
    /// <c>POST {"state": ..., "params": {...}, "action": "setup"}</c>, and with <paramref name="teardown"/> also
    /// <c>"action": "teardown"</c> afterwards.
    /// </summary>
    public PactVerifier WithProviderStateUrl(Uri stateUri, bool teardown = false)
    {
        ArgumentNullException.ThrowIfNull(stateUri);
        stateUrl = stateUri;
        stateTeardown = teardown;
        return this;
    }

    /// <summary>
    /// Verifies only matching interactions: <paramref name="description"/> is a regular expression over descriptions,
    /// <paramref name="providerState"/> one over provider states; <paramref name="noState"/> keeps only interactions without state.
    /// </summary>
    public PactVerifier WithFilter(string? description = null, string? providerState = null, bool noState = false)
    {
        descriptionFilter = description;
        stateFilter = providerState;
        noStateFilter = noState;
        return this;
    }

    /// <summary>Adds a header to every request sent to the provider (e.g. authentication), replacing one of the same name.</summary>
    public PactVerifier WithCustomHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        customHeaders.Add(new(name, value));
        return this;
    }

    /// <summary>Sets the timeout of each request to the provider (overrides <see cref="PactVerifierOptions.RequestTimeout"/>).</summary>
    public PactVerifier WithRequestTimeout(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        requestTimeout = timeout;
        return this;
    }

    /// <summary>
    /// Runs the verification on a dedicated thread and returns its structured result; a failing verification is a
    /// result with <see cref="VerificationResult.Passed"/> false, not an exception (use <see cref="VerificationResult.EnsurePassed"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">No provider endpoint or no pact source was configured.</exception>
    /// <exception cref="PactNativeLibraryNotFoundException">The native Pact core is not installed (run <c>npm ci</c>).</exception>
    public Task<VerificationResult> VerifyAsync()
    {
        var target = provider ?? throw new InvalidOperationException("Call WithHttpEndpoint before verifying.");
        if (sources.Count == 0)
        {
            throw new InvalidOperationException("Add at least one pact source (WithFileSource, WithDirectorySource, WithUrlSource or WithBrokerSource).");
        }

        PactNativeLibrary.EnsureInitialized();
        var run = Snapshot(target);
        return Task.Factory.StartNew(run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Synchronous form of <see cref="VerifyAsync"/>.</summary>
    public VerificationResult Verify() => VerifyAsync().GetAwaiter().GetResult();

    private Func<VerificationResult> Snapshot(Uri target)
    {
        // Copy the configuration so later fluent calls do not race with the running verification.
        var name = ProviderName;
        var sourceList = sources.ToArray();
        var headers = customHeaders.ToArray();
        var state = stateUrl?.ToString();
        var teardown = stateTeardown;
        var (description, providerState, noState) = (descriptionFilter, stateFilter, noStateFilter);
        var timeoutMs = (ulong)Math.Max(1, requestTimeout.TotalMilliseconds);
        var disableSsl = options.DisableSslVerification;
        var noPactsIsError = options.NoPactsIsError;
        var path = target.AbsolutePath;

        return () =>
        {
            var handle = NativeMethods.pactffi_verifier_new_for_application("Kernel.Contracts.Pact", ApplicationVersion);
            if (handle == 0)
            {
                throw new PactException("The Pact core could not create a verifier.");
            }

            try
            {
                NativeMethods.pactffi_verifier_set_provider_info(handle, name, target.Scheme, target.Host, (ushort)target.Port, path);
                _ = NativeMethods.pactffi_verifier_set_coloured_output(handle, 0);
                _ = NativeMethods.pactffi_verifier_set_no_pacts_is_error(handle, Flag(noPactsIsError));
                _ = NativeMethods.pactffi_verifier_set_verification_options(handle, Flag(disableSsl), new CULong((nuint)timeoutMs));
                if (description is not null || providerState is not null || noState)
                {
                    NativeMethods.pactffi_verifier_set_filter_info(handle, description, providerState, Flag(noState));
                }

                if (state is not null)
                {
                    // body = 1: state and params go in a JSON body, not in the query string.
                    NativeMethods.pactffi_verifier_set_provider_state(handle, state, Flag(teardown), 1);
                }

                foreach (var (headerName, headerValue) in headers)
                {
                    NativeMethods.pactffi_verifier_add_custom_header(handle, headerName, headerValue);
                }

                foreach (var addSource in sourceList)
                {
                    addSource(handle);
                }

                var exitCode = NativeMethods.pactffi_verifier_execute(handle);
                var json = NativeString.TakeOwned(NativeMethods.pactffi_verifier_json(handle));
                var output = NativeString.TakeOwned(NativeMethods.pactffi_verifier_output(handle, 1));
                var logs = NativeString.TakeOwned(NativeMethods.pactffi_verifier_logs(handle));
                return new VerificationResult(exitCode, json, output, logs);
            }
            finally
            {
                NativeMethods.pactffi_verifier_shutdown(handle);
            }
        };
    }

    private static byte Flag(bool value) => value ? (byte)1 : (byte)0;
}

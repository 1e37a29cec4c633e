using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Kernel.Contracts.Reference.ProviderStates;
using Kernel.Sessions.Server;

namespace Kernel.Contracts.Reference.Sessions;

/// <summary>
/// The Sessions pact's provider states on the reference. The verifier signs every request with a valid key pair and
/// the current time, so the failure states are made on the server side: the "unknown access key" state revokes every
/// key, the "date out of sync" state moves the server clock an hour ahead. Every setup starts from no sessions and the
/// configured keys and limits, so a verifier that never tears down still gets clean states.
/// </summary>
public sealed class SessionsProviderStates : IProviderStateHandler
{
    /// <summary>Every access key has the session <c>token</c> running <c>lang</c>.</summary>
    public const string SessionExists = "a session exists";

    /// <summary>As <see cref="SessionExists"/>, on a server of 2019 or later: a create that reuses the session is 200, not 201.</summary>
    public const string SessionExistsReuseOk = "a session exists on a server that answers a reuse with 200";

    /// <summary>Every operation fails on the server side (a 500 problem, the documented <c>default</c> response).</summary>
    public const string BackendFails = "the backend fails";

    /// <summary>No session has the kernel id <c>kernelId</c>.</summary>
    public const string NoSession = "no session with this kernel id exists";

    /// <summary>There is no image for <c>lang</c>.</summary>
    public const string NoImage = "there is no image for the lang";

    /// <summary>The server's memory limit is <c>maxMemoryMiB</c>.</summary>
    public const string MemoryLimit = "the server's memory limit is below the request";

    /// <summary>Every access key runs <c>limit</c> sessions, its quota.</summary>
    public const string QuotaReached = "the access key has reached its session quota";

    /// <summary>The server knows no access key (a signed request is 401).</summary>
    public const string UnknownAccessKey = "the access key is unknown";

    /// <summary>The server clock is an hour ahead of the client's (a signed request is 400).</summary>
    public const string StaleDate = "the request date is out of sync with the server clock";

    private static readonly string[] Names = [SessionExists, SessionExistsReuseOk, BackendFails, NoSession, NoImage, MemoryLimit, QuotaReached, UnknownAccessKey, StaleDate];

    private readonly SessionsReferenceServer _server;
    private readonly SessionsReferenceOptions _options;
    private readonly ReferenceClock _clock;
    private readonly KeyValuePair<string, string>[] _credentials;
    private readonly int _maxMemoryMiB;
    private readonly int _maxSessions;
    private readonly Lock _lock = new();

    /// <summary>Creates the handler; the options as they are now are what every setup restores.</summary>
    public SessionsProviderStates(SessionsReferenceServer server, SessionsReferenceOptions options, ReferenceClock clock)
    {
        _server = server;
        _options = options;
        _clock = clock;
        _credentials = options.Credentials.ToArray();
        _maxMemoryMiB = options.MaxMemoryMiB;
        _maxSessions = options.MaxConcurrentSessions;
    }

    /// <inheritdoc />
    public IReadOnlyCollection<string> States => Names;

    /// <inheritdoc />
    public void Apply(ProviderStateChange change)
    {
        lock (_lock)
        {
            Reset();
            if (change.IsTeardown) return;

            switch (change.State)
            {
                case SessionExists:
                case SessionExistsReuseOk:
                    _options.ReuseAnswersOk = change.State == SessionExistsReuseOk;
                    var request = new CreateKernelRequest { Lang = change.Text("lang"), ClientSessionToken = change.Text("token") };
                    foreach (var (accessKey, _) in _credentials)
                    {
                        if (!_server.StartSession(accessKey, request))
                        {
                            throw new ProviderStateException("The Sessions reference cannot start '" + request.Lang + "' (is the image configured?).");
                        }
                    }

                    break;
                case NoSession:
                    break;
                case BackendFails:
                    _options.BackendFails = true;
                    break;
                case NoImage:
                    var lang = change.Text("lang");
                    if (_options.Images.Contains(lang) || _options.Images.Contains(lang + ":latest"))
                    {
                        throw new ProviderStateException("The Sessions reference has an image for '" + lang + "'.");
                    }

                    break;
                case MemoryLimit:
                    _options.MaxMemoryMiB = Positive(change, "maxMemoryMiB");
                    break;
                case QuotaReached:
                    var limit = Positive(change, "limit");
                    _options.MaxConcurrentSessions = limit;
                    var image = _options.Images.FirstOrDefault() ?? throw new ProviderStateException("The Sessions reference has no image to fill the quota with.");
                    foreach (var (accessKey, _) in _credentials)
                    {
                        for (var i = 0; i < limit; i++)
                        {
                            _server.StartSession(accessKey, new CreateKernelRequest { Lang = image, ClientSessionToken = "quota-filler-" + i });
                        }
                    }

                    break;
                case UnknownAccessKey:
                    _options.Credentials.Clear();
                    break;
                case StaleDate:
                    _clock.Advance(_options.DateTolerance + TimeSpan.FromMinutes(45));
                    break;
                default:
                    throw new ProviderStateException("The Sessions reference knows no provider state '" + change.State + "'.");
            }
        }
    }

    private void Reset()
    {
        _server.Reset();
        _clock.Reset();
        _options.Credentials.Clear();
        foreach (var (key, secret) in _credentials) _options.Credentials[key] = secret;
        _options.MaxMemoryMiB = _maxMemoryMiB;
        _options.MaxConcurrentSessions = _maxSessions;
        _options.ReuseAnswersOk = false;
        _options.BackendFails = false;
    }

    private static int Positive(ProviderStateChange change, string name)
    {
        var value = change.Int(name);
        return value > 0 ? value : throw new ProviderStateException("Provider state '" + change.State + "' needs a positive '" + name + "'.");
    }
}

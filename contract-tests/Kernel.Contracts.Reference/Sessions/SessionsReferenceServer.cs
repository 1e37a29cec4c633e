using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Sessions.Server;
using Microsoft.AspNetCore.Http;

namespace Kernel.Contracts.Reference.Sessions;

/// <summary>
/// In-memory kernel sessions, per access key. The kernel id is the session token (as the real server did).
/// All state of one access key changes under one lock, so concurrent creates with one token make one session.
/// </summary>
public sealed class SessionsReferenceServer : IKernelSessionsServer
{
    private readonly SessionsReferenceOptions _options;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Dictionary<string, Session>> _byAccessKey = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Creates the reference.</summary>
    public SessionsReferenceServer(SessionsReferenceOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    /// <inheritdoc />
    public Task<CreateKernelResult> CreateKernelAsync(CreateKernelRequest body, HttpContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_options.BackendFails
            ? CreateKernelResult.Status(500, SessionsProblems.KernelCreationFailed())
            : Create(body, context, CreateKernelResult.Created, _options.ReuseAnswersOk ? CreateKernelResult.Ok : CreateKernelResult.Created, CreateKernelResult.BadRequest, CreateKernelResult.NotFound, CreateKernelResult.NotAcceptable, CreateKernelResult.PreconditionFailed));

    /// <inheritdoc />
    public Task<CreateKernelLegacyResult> CreateKernelLegacyAsync(CreateKernelRequest body, HttpContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_options.BackendFails
            ? CreateKernelLegacyResult.Status(500, SessionsProblems.KernelCreationFailed())
            : Create(body, context, CreateKernelLegacyResult.Created, _options.ReuseAnswersOk ? CreateKernelLegacyResult.Ok : CreateKernelLegacyResult.Created, CreateKernelLegacyResult.BadRequest, CreateKernelLegacyResult.NotFound, CreateKernelLegacyResult.NotAcceptable, CreateKernelLegacyResult.PreconditionFailed));

    /// <inheritdoc />
    public Task<GetKernelInfoResult> GetKernelInfoAsync(string kernelId, HttpContext context, CancellationToken cancellationToken)
    {
        if (_options.BackendFails) return Task.FromResult(GetKernelInfoResult.Status(500, SessionsProblems.InternalServerError()));
        lock (_lock)
        {
            if (!Sessions(context).TryGetValue(kernelId, out var session))
            {
                return Task.FromResult(GetKernelInfoResult.NotFound(SessionsProblems.KernelNotFound()));
            }

            session.Queries++;
            var now = _time.GetUtcNow();
            return Task.FromResult(GetKernelInfoResult.Ok(new KernelInfo
            {
                Lang = session.Lang,
                Age = AgeMs(session, now),
                MemoryLimit = session.MemoryMiB * 1024L,
                NumQueriesExecuted = session.Queries,
                CpuCreditUsed = CpuMs(session, now),
            }));
        }
    }

    /// <inheritdoc />
    public Task<DestroyKernelResult> DestroyKernelAsync(string kernelId, HttpContext context, CancellationToken cancellationToken)
    {
        if (_options.BackendFails) return Task.FromResult(DestroyKernelResult.Status(500, SessionsProblems.KernelDestructionFailed()));
        lock (_lock)
        {
            var sessions = Sessions(context);
            if (!sessions.Remove(kernelId, out var session))
            {
                return Task.FromResult(DestroyKernelResult.NotFound(SessionsProblems.KernelNotFound()));
            }

            var now = _time.GetUtcNow();
            var memory = session.MemoryMiB * 1024L * 1024L;
            var age = (long)AgeMs(session, now);
            return Task.FromResult(DestroyKernelResult.Ok(new DestroyKernelResponse
            {
                Stats = new ContainerStats
                {
                    CpuUsed = CpuMs(session, now),
                    MemMaxBytes = memory / 2,
                    MemCurBytes = memory / 4,
                    NetRxBytes = 1024L * (session.Queries + 1),
                    NetTxBytes = 512L * (session.Queries + 1),
                    IoReadBytes = 4096L * (age / 1000 + 1),
                    IoWriteBytes = 1024L * (age / 1000 + 1),
                    IoMaxScratchSize = 0,
                    IoCurScratchSize = 0,
                },
            }));
        }
    }

    /// <inheritdoc />
    public Task<RestartKernelResult> RestartKernelAsync(string kernelId, HttpContext context, CancellationToken cancellationToken)
    {
        if (_options.BackendFails) return Task.FromResult(RestartKernelResult.Status(500, SessionsProblems.KernelRestartFailed()));
        lock (_lock)
        {
            if (!Sessions(context).TryGetValue(kernelId, out var session))
            {
                return Task.FromResult(RestartKernelResult.NotFound(SessionsProblems.KernelNotFound()));
            }

            // State and idle time reset; age and CPU credit keep accumulating.
            session.Queries++;
            session.Restarts++;
            session.LastActivity = _time.GetUtcNow();
            return Task.FromResult(RestartKernelResult.NoContent());
        }
    }

    /// <summary>Starts a session for <paramref name="accessKey"/> as a signed create would (provider states use it).</summary>
    /// <returns>Whether a new session was started (false: the token already named one).</returns>
    public bool StartSession(string accessKey, CreateKernelRequest body)
    {
        var context = new DefaultHttpContext();
        SessionsSecurity.SetAccessKey(context, accessKey);
        return Create(body, context, r => r.Created, _ => false, _ => false, _ => false, _ => false, _ => false);
    }

    /// <summary>Ends every session of every access key.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _byAccessKey.Clear();
        }
    }

    private TResult Create<TResult>(
        CreateKernelRequest body,
        HttpContext context,
        Func<CreateKernelResponse, TResult> created,
        Func<CreateKernelResponse, TResult> reused,
        Func<Problem, TResult> badRequest,
        Func<Problem, TResult> notFound,
        Func<Problem, TResult> notAcceptable,
        Func<Problem, TResult> preconditionFailed)
    {
        var lang = Canonical(body.Lang);
        lock (_lock)
        {
            var sessions = Sessions(context);
            if (sessions.TryGetValue(body.ClientSessionToken, out var existing))
            {
                return existing.Lang == lang
                    ? reused(new CreateKernelResponse { KernelId = existing.Id, Created = false })
                    : badRequest(SessionsProblems.KernelAlreadyExists());
            }

            if (!_options.Images.Contains(lang))
            {
                return notFound(SessionsProblems.ImageNotFound(body.Lang));
            }

            if (ExceededLimit(body.Config) is { } detail)
            {
                return notAcceptable(SessionsProblems.ResourceLimitExceeded(detail));
            }

            if (sessions.Count >= _options.MaxConcurrentSessions)
            {
                return preconditionFailed(SessionsProblems.QuotaExceeded(_options.MaxConcurrentSessions));
            }

            var now = _time.GetUtcNow();
            var session = new Session(body.ClientSessionToken, lang, body.Config?.InstanceMemory ?? _options.DefaultMemoryMiB, body.Config?.InstanceCores ?? 1, now)
            {
                LastActivity = now,
            };
            sessions.Add(session.Id, session);
            return created(new CreateKernelResponse { KernelId = session.Id, Created = true });
        }
    }

    private string? ExceededLimit(CreationConfig? config)
    {
        if (config is null) return null;
        if (config.InstanceMemory > _options.MaxMemoryMiB) return Over("instanceMemory", config.InstanceMemory.Value, _options.MaxMemoryMiB, " MiB");
        if (config.InstanceCores > _options.MaxCores) return Over("instanceCores", config.InstanceCores.Value, _options.MaxCores, string.Empty);
        if (config.InstanceGpus > _options.MaxGpus) return Over("instanceGPUs", config.InstanceGpus.Value, _options.MaxGpus, string.Empty);
        if (config.ClusterSize > _options.MaxClusterSize) return Over("clusterSize", config.ClusterSize.Value, _options.MaxClusterSize, string.Empty);
        if (config.Mounts?.Count > _options.MaxMounts) return Over("mounts", config.Mounts.Count, _options.MaxMounts, " folders");
        return null;

        static string Over(string name, double value, double limit, string unit) =>
            string.Create(CultureInfo.InvariantCulture, $"{name} {value}{unit} exceeds the limit of {limit}{unit}.");
    }

    private Dictionary<string, Session> Sessions(HttpContext context)
    {
        var accessKey = SessionsSecurity.AccessKeyOf(context);
        if (!_byAccessKey.TryGetValue(accessKey, out var sessions))
        {
            _byAccessKey[accessKey] = sessions = new Dictionary<string, Session>(StringComparer.Ordinal);
        }

        return sessions;
    }

    private static string Canonical(string lang) => lang.Contains(':', StringComparison.Ordinal) ? lang : lang + ":latest";

    private static double AgeMs(Session session, DateTimeOffset now) => Math.Max(0, (now - session.CreatedAt).TotalMilliseconds);

    private long CpuMs(Session session, DateTimeOffset now) => (long)(AgeMs(session, now) * _options.CpuUtilisation * session.Cores);

    private sealed class Session(string id, string lang, int memoryMiB, int cores, DateTimeOffset createdAt)
    {
        public string Id { get; } = id;

        public string Lang { get; } = lang;

        public int MemoryMiB { get; } = memoryMiB;

        public int Cores { get; } = cores;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public DateTimeOffset LastActivity { get; set; }

        public long Queries { get; set; }

        public int Restarts { get; set; }
    }
}

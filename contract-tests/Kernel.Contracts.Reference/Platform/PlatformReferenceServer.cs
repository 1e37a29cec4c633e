using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Platform.Server;
using Microsoft.AspNetCore.Http;

namespace Kernel.Contracts.Reference.Platform;

/// <summary>
/// In-memory Platform API: seeded studies, pipeline runs that move through AWS Batch's states on the
/// <see cref="TimeProvider"/> clock, and output files served by this server under signed URLs.
/// </summary>
public sealed class PlatformReferenceServer : IKernelPlatformServer
{
    private static readonly PipelineRunState[] QueueStates = [PipelineRunState.Submitted, PipelineRunState.Pending, PipelineRunState.Runnable, PipelineRunState.Starting];

    private readonly PlatformReferenceOptions _options;
    private readonly TimeProvider _time;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<Dataset>> _seeded;
    private volatile IReadOnlyDictionary<string, IReadOnlyList<Dataset>> _studies;
    private readonly Dictionary<(string Study, string Dataset, string Pipeline), Job> _latest = new();
    private readonly Dictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly byte[] _urlKey;

    /// <summary>Creates the reference with its seeded data.</summary>
    public PlatformReferenceServer(PlatformReferenceOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _studies = _seeded = PlatformSeed.Create(options);
        _urlKey = options.UrlSigningSecret is { Length: > 0 } secret ? Encoding.UTF8.GetBytes(secret) : RandomNumberGenerator.GetBytes(32);
    }

    /// <summary>The studies and their datasets (seeded, unless <see cref="SetDatasets"/> changed one).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Dataset>> Studies => _studies;

    /// <summary>Replaces (or adds) the datasets of one study, until the next <see cref="Reset"/>.</summary>
    public void SetDatasets(string studyId, IReadOnlyList<Dataset> datasets)
    {
        lock (_lock)
        {
            _studies = new Dictionary<string, IReadOnlyList<Dataset>>(_studies, StringComparer.Ordinal) { [studyId] = datasets };
        }
    }

    /// <summary>Forgets every pipeline run and change of <see cref="SetDatasets"/>: back to the seeded studies.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _studies = _seeded;
            _latest.Clear();
            _jobs.Clear();
        }
    }

    /// <inheritdoc />
    public Task<ListDatasetsResult> ListDatasetsAsync(string studyId, HttpContext context, CancellationToken cancellationToken) =>
        Task.FromResult(
            _options.BackendFails ? ListDatasetsResult.Status(500, PlatformProblems.InternalError(Instance(context)))
            : _studies.TryGetValue(studyId, out var datasets) ? ListDatasetsResult.Ok(new DatasetList { Datasets = datasets })
            : ListDatasetsResult.NotFound(PlatformProblems.StudyNotFound(studyId, Instance(context))));

    /// <inheritdoc />
    public Task<RunPipelineResult> RunPipelineAsync(string studyId, string datasetId, PipelineName pipelineName, HttpContext context, CancellationToken cancellationToken)
    {
        if (_options.BackendFails) return Task.FromResult(RunPipelineResult.Status(500, PlatformProblems.InternalError(Instance(context))));
        if (Find(studyId, datasetId, context) is { } problem)
        {
            return Task.FromResult(RunPipelineResult.NotFound(problem));
        }

        var job = new Job(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), pipelineName.Value, _time.GetUtcNow(), _options.FailingPipelines.Contains(pipelineName.Value));
        lock (_lock)
        {
            _latest[(studyId, datasetId, pipelineName.Value)] = job;
            _jobs[job.Id] = job;
        }

        return Task.FromResult(RunPipelineResult.Ok(new RunPipelineResponse { JobId = job.Id }));
    }

    /// <inheritdoc />
    public Task<GetPipelineStatusResult> GetPipelineStatusAsync(string studyId, string datasetId, PipelineName pipelineName, HttpContext context, CancellationToken cancellationToken)
    {
        if (_options.BackendFails) return Task.FromResult(GetPipelineStatusResult.Status(500, PlatformProblems.InternalError(Instance(context))));
        if (Find(studyId, datasetId, context) is { } problem)
        {
            return Task.FromResult(GetPipelineStatusResult.NotFound(problem));
        }

        Job? job;
        lock (_lock)
        {
            _latest.TryGetValue((studyId, datasetId, pipelineName.Value), out job);
        }

        if (job is null)
        {
            return Task.FromResult(GetPipelineStatusResult.NotFound(PlatformProblems.RunNotFound(pipelineName.Value, datasetId, Instance(context))));
        }

        var now = _time.GetUtcNow();
        var state = StateAt(job, now);
        SignedUrls? urls = null;
        if (state == PipelineRunState.Succeeded)
        {
            var origin = context.Request.Scheme + "://" + context.Request.Host.Value;
            var expires = now.Add(_options.SignedUrlLifetime).ToUnixTimeSeconds();
            var files = Files(job);
            urls = new SignedUrls
            {
                Urls = files.ToDictionary(f => f.Key, f => new Uri(origin + SignedPath(job.Id, f.Key, expires)), StringComparer.Ordinal),
                Sizes = files.ToDictionary(f => f.Key, f => (double)f.Value.Length, StringComparer.Ordinal),
                BatchJobId = new Guid(Convert.FromHexString(job.Id)).ToString("D"),
                ExecutionId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(job.Id)).AsSpan(0, 16)),
            };
        }

        return Task.FromResult(GetPipelineStatusResult.Ok(new PipelineRunStatus { JobId = job.Id, Status = state, SignedUrls = urls }));
    }

    /// <summary>Serves <c>GET /files/{jobId}/{name}?expires=&amp;signature=</c>: 200 with the file, 403 when expired or tampered, 404 when unknown.</summary>
    public IResult ServeFile(string jobId, string name, string? expires, string? signature)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt) || string.IsNullOrEmpty(signature)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(jobId, name, expiresAt)), Encoding.ASCII.GetBytes(signature)))
        {
            return FileProblem(403, "invalid-signature", "The URL signature is missing or invalid.");
        }

        if (_time.GetUtcNow().ToUnixTimeSeconds() > expiresAt)
        {
            return FileProblem(403, "url-expired", "The signed URL has expired.");
        }

        Job? job;
        lock (_lock)
        {
            _jobs.TryGetValue(jobId, out job);
        }

        if (job is null || !Files(job).TryGetValue(name, out var content))
        {
            return FileProblem(404, "file-not-found", "The file does not exist.");
        }

        var contentType = name.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : name.EndsWith(".html", StringComparison.Ordinal) ? "text/html" : "application/octet-stream";
        return Results.Bytes(content, contentType);
    }

    /// <summary>The state of <paramref name="job"/> at <paramref name="now"/>.</summary>
    private PipelineRunState StateAt(Job job, DateTimeOffset now)
    {
        var elapsed = now - job.SubmittedAt;
        var step = _options.QueueStepDuration;
        for (var i = 0; i < QueueStates.Length; i++)
        {
            if (elapsed < step * (i + 1)) return QueueStates[i];
        }

        if (elapsed < step * QueueStates.Length + _options.RunningDuration) return PipelineRunState.Running;
        return job.Fails ? PipelineRunState.Failed : PipelineRunState.Succeeded;
    }

    private static Dictionary<string, byte[]> Files(Job job) => new(StringComparer.Ordinal)
    {
        [job.Pipeline + "_report.html"] = Encoding.UTF8.GetBytes("<!doctype html><title>" + job.Pipeline + "</title><p>Job " + job.Id + " succeeded.</p>\n"),
        [job.Pipeline + "_metrics.json"] = Encoding.UTF8.GetBytes("{\"job_id\":\"" + job.Id + "\",\"pipeline\":\"" + job.Pipeline + "\",\"quality\":0.93}\n"),
    };

    private string SignedPath(string jobId, string name, long expires) =>
        "/files/" + jobId + "/" + Uri.EscapeDataString(name) + "?expires=" + expires.ToString(CultureInfo.InvariantCulture) + "&signature=" + Sign(jobId, name, expires);

    private string Sign(string jobId, string name, long expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_urlKey, Encoding.UTF8.GetBytes(jobId + "\n" + name + "\n" + expires.ToString(CultureInfo.InvariantCulture))));

    private Problem? Find(string studyId, string datasetId, HttpContext context)
    {
        if (!_studies.TryGetValue(studyId, out var datasets)) return PlatformProblems.StudyNotFound(studyId, Instance(context));
        return datasets.Any(d => d.Id == datasetId) ? null : PlatformProblems.DatasetNotFound(studyId, datasetId, Instance(context));
    }

    private static string Instance(HttpContext context) => context.Request.PathBase + context.Request.Path;

    // Any generated result type writes a Problem as application/problem+json; borrow one.
    private static IResult FileProblem(int status, string name, string title) => status == 404
        ? ListDatasetsResult.NotFound(PlatformProblems.Make(name, title, status, null, null))
        : ListDatasetsResult.Status(status, PlatformProblems.Make(name, title, status, null, null));

    private sealed record Job(string Id, string Pipeline, DateTimeOffset SubmittedAt, bool Fails);
}

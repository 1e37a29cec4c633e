using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Server = Kernel.Platform.Server;

namespace Kernel.Contracts.Bench.Servers;

/// <summary>The data both servers answer with: one study of 100 datasets and a succeeded run with three signed URLs.</summary>
public sealed class PlatformData
{
    public const string ApiKey = "bench-api-key";

    public PlatformData(int datasets)
    {
        Study = new Server.DatasetList
        {
            Datasets = Enumerable.Range(0, datasets).Select(i => new Server.Dataset
            {
                Id = i.ToString("x32", CultureInfo.InvariantCulture),
                Meta = new Server.DatasetMeta { Description = "Resting state, eyes closed", Name = "session " + i.ToString(CultureInfo.InvariantCulture), Experiment = "rest" },
                Participant = new Server.Participant { Id = (i + 1_000_000).ToString("x32", CultureInfo.InvariantCulture), ParticipantId = "P" + i.ToString("D4", CultureInfo.InvariantCulture), CreatedAt = 1_700_000_000.25 + i, Active = true, Pending = false, Status = "active" },
                CreatedDate = 1_700_000_100.5 + i,
                StartedAt = 1_700_000_200.75 + i,
                StoppedAt = i % 2 == 0 ? 1_700_003_800.125 + i : null,
            }).ToList(),
        };
        Status = new Server.PipelineRunStatus
        {
            JobId = Clients.Payloads.JobId,
            Status = Server.PipelineRunState.Succeeded,
            SignedUrls = new Server.SignedUrls
            {
                Urls = new Dictionary<string, Uri>
                {
                    ["qc_report.html"] = new("https://kernel-pipeline-output.s3.amazonaws.com/9f8e7d6c/qc_report.html?X-Amz-Expires=3600&X-Amz-Signature=abc123"),
                    ["qc_metrics.json"] = new("https://kernel-pipeline-output.s3.amazonaws.com/9f8e7d6c/qc_metrics.json?X-Amz-Expires=3600&X-Amz-Signature=def456"),
                    ["raw.snirf"] = new("https://kernel-pipeline-output.s3.amazonaws.com/9f8e7d6c/raw.snirf?X-Amz-Expires=3600&X-Amz-Signature=0a1b2c"),
                },
                Sizes = new Dictionary<string, double> { ["qc_report.html"] = 48213.0, ["qc_metrics.json"] = 123.1, ["raw.snirf"] = 73400320.0 },
                BatchJobId = "3c1e5b0a-7d2f-4e9a-8b6c-1f0e2d3c4b5a",
                ExecutionId = "e1d2c3b4a5968778695a4b3c2d1e0f12",
            },
        };
        Studies = new Dictionary<string, Server.DatasetList>(StringComparer.Ordinal) { [Clients.Payloads.StudyId] = Study };
    }

    public Server.DatasetList Study { get; }

    public Server.PipelineRunStatus Status { get; }

    public IReadOnlyDictionary<string, Server.DatasetList> Studies { get; }
}

/// <summary>The two servers measured against each other.</summary>
public enum PlatformServerKind
{
    /// <summary>The baseline: <see cref="HandWrittenPlatformApi"/>.</summary>
    HandWrittenMinimalApi,

    /// <summary><c>MapKernelPlatformApi</c> with validation on.</summary>
    GeneratedStubs,
}

/// <summary>Builds either server's app, so the in-process and the HTTP benchmarks run the very same servers.</summary>
public static class PlatformServerApps
{
    /// <summary>
    /// The app of one server: the same services and endpoints whether it is invoked in process or listens on
    /// <paramref name="url"/> through Kestrel (the HTTP load table). <paramref name="rootServices"/> is an experiment:
    /// requests see the root service provider, so no per-request DI scope is created (what the in-process loop does).
    /// </summary>
    public static WebApplication Build(PlatformServerKind kind, PlatformData data, string? url = null, bool rootServices = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (url is not null)
        {
            builder.WebHost.UseUrls(url);
        }

        if (kind == PlatformServerKind.GeneratedStubs)
        {
            builder.Services.AddSingleton<Server.IKernelPlatformServer>(new LookupPlatform(data));
            builder.Services.AddSingleton<Server.IKernelPlatformServerSecurity>(new KeySecurity());
        }

        var app = builder.Build();
        if (rootServices)
        {
            app.Use((context, next) =>
            {
                context.RequestServices = app.Services;
                return next(context);
            });
        }

        app.UseRouting();
        if (kind == PlatformServerKind.GeneratedStubs)
        {
            Server.KernelPlatformServerEndpoints.MapKernelPlatformApi(app);
        }
        else
        {
            HandWrittenPlatformApi.Map(app, data);
        }

        app.UseEndpoints(_ => { });
        return app;
    }

    private sealed class LookupPlatform(PlatformData data) : Server.IKernelPlatformServer
    {
        public Task<Server.ListDatasetsResult> ListDatasetsAsync(string studyId, HttpContext context, CancellationToken cancellationToken) =>
            Task.FromResult(data.Studies.TryGetValue(studyId, out var list)
                ? Server.ListDatasetsResult.Ok(list)
                : Server.ListDatasetsResult.NotFound(new Server.Problem { Type = "https://api.kernel.com/problems/study-not-found", Title = "The study does not exist.", Status = 404 }));

        public Task<Server.RunPipelineResult> RunPipelineAsync(string studyId, string datasetId, Server.PipelineName pipelineName, HttpContext context, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<Server.GetPipelineStatusResult> GetPipelineStatusAsync(string studyId, string datasetId, Server.PipelineName pipelineName, HttpContext context, CancellationToken cancellationToken) =>
            Task.FromResult(data.Studies.ContainsKey(studyId)
                ? Server.GetPipelineStatusResult.Ok(data.Status)
                : Server.GetPipelineStatusResult.NotFound(new Server.Problem { Type = "https://api.kernel.com/problems/study-not-found", Title = "The study does not exist.", Status = 404 }));
    }

    private sealed class KeySecurity : Server.IKernelPlatformServerSecurity
    {
        public ValueTask<IResult?> AuthenticateAsync(HttpContext context, IReadOnlyList<string> schemes, CancellationToken cancellationToken) =>
            new(context.Request.Headers.Authorization == PlatformData.ApiKey ? null : Results.Problem(title: "A valid API key is required.", statusCode: 401));
    }
}

/// <summary>
/// A server as a <see cref="RequestDelegate"/> invoked in process on a <see cref="DefaultHttpContext"/>: routing,
/// authentication, validation, the handler and the JSON body, without Kestrel or a socket.
/// </summary>
public sealed class InProcessServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestDelegate _pipeline;
    private readonly MemoryStream _body = new();

    private InProcessServer(WebApplication app)
    {
        _app = app;
        _pipeline = ((IApplicationBuilder)app).Build();
    }

    /// <summary>The generated stubs: <c>MapKernelPlatformApi</c> over an implementation that looks the data up.</summary>
    public static InProcessServer Stubs(PlatformData data) => new(PlatformServerApps.Build(PlatformServerKind.GeneratedStubs, data));

    /// <summary>The hand-written minimal API doing the same work.</summary>
    public static InProcessServer HandWritten(PlatformData data) => new(PlatformServerApps.Build(PlatformServerKind.HandWrittenMinimalApi, data));

    /// <summary>Sends one request; returns the status and the body.</summary>
    public async Task<(int Status, long Length)> SendAsync(string method, string path, string? apiKey = PlatformData.ApiKey)
    {
        var context = new DefaultHttpContext { RequestServices = _app.Services };
        context.Request.Method = method;
        context.Request.Path = path;
        if (apiKey is not null)
        {
            context.Request.Headers.Authorization = apiKey;
        }

        _body.SetLength(0);
        context.Response.Body = _body;
        await _pipeline(context).ConfigureAwait(false);
        return (context.Response.StatusCode, _body.Length);
    }

    public string LastBody() => System.Text.Encoding.UTF8.GetString(_body.ToArray());

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        await _body.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>
/// The baseline: a minimal API written by hand for the same two operations — the key check, the same path checks
/// (length, pattern, pipeline name), the lookup, and the JSON written with <see cref="Utf8JsonWriter"/>.
/// </summary>
public static class HandWrittenPlatformApi
{
    private static readonly Regex Id = new("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly HashSet<string> Pipelines = new(StringComparer.Ordinal)
    {
        "analysis_eeg", "analysis_nirs_epoched", "analysis_nirs_glm", "analysis_task", "qc_eeg", "qc_nirs_basic",
        "qc_nirs", "qc_syncbox", "reconstruction", "pipeline_snirf_gated", "snirf_hb_moments", "snirf_moments",
    };

    public static void Map(WebApplication app, PlatformData data)
    {
        app.MapGet("/api/v1/study/{study_id}/datasets", (HttpContext context, string study_id) =>
        {
            if (context.Request.Headers.Authorization != PlatformData.ApiKey) return Results.Problem(title: "A valid API key is required.", statusCode: 401);
            if (!ValidId(study_id)) return Results.Problem(title: "One or more request parameters are invalid.", statusCode: 400);
            if (!data.Studies.TryGetValue(study_id, out var list)) return Results.Problem(title: "The study does not exist.", statusCode: 404);
            return new JsonBody(writer => WriteDatasets(writer, list));
        });
        app.MapGet("/api/v1/study/{study_id}/dataset/{dataset_id}/pipeline/{pipeline_name}/status", (HttpContext context, string study_id, string dataset_id, string pipeline_name) =>
        {
            if (context.Request.Headers.Authorization != PlatformData.ApiKey) return Results.Problem(title: "A valid API key is required.", statusCode: 401);
            if (!ValidId(study_id) || !ValidId(dataset_id) || !Pipelines.Contains(pipeline_name)) return Results.Problem(title: "One or more request parameters are invalid.", statusCode: 400);
            if (!data.Studies.ContainsKey(study_id)) return Results.Problem(title: "The study does not exist.", statusCode: 404);
            return new JsonBody(writer => WriteStatus(writer, data.Status));
        });
    }

    private static bool ValidId(string id) => id.Length is >= 1 and <= 64 && Id.IsMatch(id);

    private static void WriteDatasets(Utf8JsonWriter writer, Server.DatasetList list)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("datasets"u8);
        foreach (var d in list.Datasets)
        {
            writer.WriteStartObject();
            writer.WriteString("id"u8, d.Id);
            writer.WriteStartObject("meta"u8);
            if (d.Meta.Description is not null) writer.WriteString("description"u8, d.Meta.Description);
            if (d.Meta.Name is not null) writer.WriteString("name"u8, d.Meta.Name);
            if (d.Meta.Experiment is not null) writer.WriteString("experiment"u8, d.Meta.Experiment);
            writer.WriteEndObject();
            writer.WriteStartObject("participant"u8);
            writer.WriteString("id"u8, d.Participant.Id);
            writer.WriteString("participant_id"u8, d.Participant.ParticipantId);
            writer.WriteNumber("created_at"u8, d.Participant.CreatedAt);
            writer.WriteBoolean("active"u8, d.Participant.Active);
            writer.WriteBoolean("pending"u8, d.Participant.Pending);
            writer.WriteString("status"u8, d.Participant.Status);
            writer.WriteEndObject();
            writer.WriteNumber("created_date"u8, d.CreatedDate);
            writer.WriteNumber("started_at"u8, d.StartedAt);
            if (d.StoppedAt is { } stopped) writer.WriteNumber("stopped_at"u8, stopped);
            else writer.WriteNull("stopped_at"u8);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteStatus(Utf8JsonWriter writer, Server.PipelineRunStatus status)
    {
        writer.WriteStartObject();
        writer.WriteString("job_id"u8, status.JobId);
        writer.WriteString("status"u8, status.Status.Value);
        if (status.SignedUrls is { } urls)
        {
            writer.WriteStartObject("signed_urls"u8);
            writer.WriteStartObject("urls"u8);
            foreach (var (name, uri) in urls.Urls) writer.WriteString(name, uri.OriginalString);
            writer.WriteEndObject();
            writer.WriteStartObject("sizes"u8);
            foreach (var (name, size) in urls.Sizes) writer.WriteNumber(name, size);
            writer.WriteEndObject();
            writer.WriteString("batch_job_id"u8, urls.BatchJobId);
            writer.WriteString("execution_id"u8, urls.ExecutionId);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("signed_urls"u8);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the JSON into a pooled buffer, then to the response with its length.</summary>
    private sealed class JsonBody(Action<Utf8JsonWriter> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var buffer = new ArrayBufferWriter<byte>(4096);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                write(writer);
            }

            httpContext.Response.StatusCode = 200;
            httpContext.Response.ContentType = "application/json";
            httpContext.Response.ContentLength = buffer.WrittenCount;
            await httpContext.Response.Body.WriteAsync(buffer.WrittenMemory, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}

using System;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Contracts.Reference;
using Kernel.Contracts.Reference.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Server = Kernel.Platform.Server;

namespace Kernel.Contracts.Contracts.Tests;

/// <summary>
/// The Platform reference as the pact's provider. Its state is reset on every teardown (a new
/// <see cref="PlatformReferenceServer"/> on the same clock). The demo study has two datasets, a finished and a
/// still-recording one, as the description's own <c>twoDatasets</c> example.
/// </summary>
public static class PlatformProvider
{
    public const string Name = "kernel-platform-api";

    /// <summary>Starts the provider; <paramref name="broken"/> makes <c>runPipeline</c> answer <c>jobId</c> instead of <c>job_id</c>.</summary>
    public static Task<ProviderHost> StartAsync(bool broken = false)
    {
        var options = new PlatformReferenceOptions { DatasetsPerStudy = 2 };
        return ProviderHost.StartAsync(
            services =>
            {
                services.AddPlatformReference(o => o.DatasetsPerStudy = options.DatasetsPerStudy);
                services.Replace(ServiceDescriptor.Singleton<Server.IKernelPlatformServer>(sp =>
                    new ResettablePlatform(sp.GetRequiredService<PlatformReferenceOptions>(), sp.GetRequiredService<TimeProvider>())));
            },
            (app, _) =>
            {
                if (!broken) return;
                app.Use(async (HttpContext context, RequestDelegate next) =>
                {
                    // Only the successful run of the demo dataset is broken; every other interaction still passes.
                    if (HttpMethods.IsPost(context.Request.Method)
                        && context.Request.Path == "/api/v1/study/" + PlatformReferenceOptions.DemoStudyId + "/dataset/" + PlatformReferenceOptions.DemoDatasetId + "/pipeline/qc_nirs"
                        && context.Request.Headers.Authorization == PlatformReferenceOptions.DemoApiKey)
                    {
                        context.Response.ContentType = "application/json";
                        await context.Response.WriteAsync("{\"jobId\":\"9f8e7d6c5b4a39281706f5e4d3c2b1a0\"}");
                        return;
                    }

                    await next(context);
                });
            },
            app => app.MapPlatformReference(),
            async (host, change) =>
            {
                var current = (ResettablePlatform)host.Services.GetRequiredService<Server.IKernelPlatformServer>();
                if (change.Action == "teardown")
                {
                    current.Reset();
                    return;
                }

                switch (change.State)
                {
                    case PlatformStates.StudyWithDatasets:
                    case PlatformStates.StudyWithoutDatasets:
                        Require(current.Inner.Studies.ContainsKey(change.Text("studyId")), change);
                        break;
                    case PlatformStates.NoStudy:
                        Require(!current.Inner.Studies.ContainsKey(change.Text("studyId")), change);
                        break;
                    case PlatformStates.UnknownApiKey:
                        Require(!host.Services.GetRequiredService<PlatformReferenceOptions>().ApiKeys.Contains(change.Text("apiKey")), change);
                        break;
                    case PlatformStates.DatasetExists:
                    case PlatformStates.NeverRun:
                        Require(HasDataset(current.Inner, change.Text("studyId"), change.Text("datasetId")), change);
                        break;
                    case PlatformStates.NoDataset:
                        Require(!HasDataset(current.Inner, change.Text("studyId"), change.Text("datasetId")), change);
                        break;
                    case PlatformStates.SucceededRun:
                    case PlatformStates.RunningRun:
                        await current.Inner.RunPipelineAsync(change.Text("studyId"), change.Text("datasetId"), new Server.PipelineName(change.Text("pipeline")), new DefaultHttpContext(), CancellationToken.None);
                        // Four queue steps of 2 s, then 10 s RUNNING: 9 s in is RUNNING, 60 s in is SUCCEEDED.
                        host.Clock.Advance(change.State == PlatformStates.SucceededRun ? TimeSpan.FromSeconds(60) : TimeSpan.FromSeconds(9));
                        break;
                    default:
                        throw new InvalidOperationException("Unknown provider state '" + change.State + "'.");
                }
            });
    }

    private static bool HasDataset(PlatformReferenceServer server, string studyId, string datasetId) =>
        server.Studies.TryGetValue(studyId, out var datasets) && System.Linq.Enumerable.Any(datasets, d => d.Id == datasetId);

    private static void Require(bool condition, StateChange change)
    {
        if (!condition) throw new InvalidOperationException("The reference cannot be put in state '" + change.State + "'.");
    }

    /// <summary>Delegates to a <see cref="PlatformReferenceServer"/> that <see cref="Reset"/> replaces.</summary>
    private sealed class ResettablePlatform(PlatformReferenceOptions options, TimeProvider time) : Server.IKernelPlatformServer
    {
        private volatile PlatformReferenceServer _inner = new(options, time);

        public PlatformReferenceServer Inner => _inner;

        public void Reset() => _inner = new PlatformReferenceServer(options, time);

        public Task<Server.ListDatasetsResult> ListDatasetsAsync(string studyId, HttpContext context, CancellationToken cancellationToken) =>
            _inner.ListDatasetsAsync(studyId, context, cancellationToken);

        public Task<Server.RunPipelineResult> RunPipelineAsync(string studyId, string datasetId, Server.PipelineName pipelineName, HttpContext context, CancellationToken cancellationToken) =>
            _inner.RunPipelineAsync(studyId, datasetId, pipelineName, context, cancellationToken);

        public Task<Server.GetPipelineStatusResult> GetPipelineStatusAsync(string studyId, string datasetId, Server.PipelineName pipelineName, HttpContext context, CancellationToken cancellationToken) =>
            _inner.GetPipelineStatusAsync(studyId, datasetId, pipelineName, context, cancellationToken);
    }
}

/// <summary>The Platform pact's provider states.</summary>
public static class PlatformStates
{
    public const string StudyWithDatasets = "a study with a finished and a still-recording dataset exists";
    public const string StudyWithoutDatasets = "a study without datasets exists";
    public const string NoStudy = "no study with this id exists";
    public const string UnknownApiKey = "the API key is unknown or revoked";
    public const string DatasetExists = "a dataset exists in the study";
    public const string NoDataset = "the study has no dataset with this id";
    public const string SucceededRun = "the dataset has a succeeded run of the pipeline";
    public const string RunningRun = "the dataset has a running run of the pipeline";
    public const string NeverRun = "the pipeline has never run on the dataset";
}

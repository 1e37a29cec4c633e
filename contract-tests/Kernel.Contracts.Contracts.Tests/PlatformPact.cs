using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Kernel.Contracts.Pact;
using Kernel.Contracts.Pact.Matchers;
using Kernel.Contracts.Reference.Platform;
using Kernel.Platform.Client;
using Xunit;
using static Kernel.Contracts.Contracts.Tests.PactBodies;

namespace Kernel.Contracts.Contracts.Tests;

/// <summary>The Platform client's contract with the Platform API: every operation, every documented status.</summary>
public static class PlatformPact
{
    public const string Consumer = "kernel-platform-client";
    public const string Provider = PlatformProvider.Name;

    public const string ApiKey = PlatformReferenceOptions.DemoApiKey;
    public const string RevokedApiKey = "kernel-revoked-api-key-000000000000";
    public const string StudyId = PlatformReferenceOptions.DemoStudyId;
    public const string EmptyStudyId = PlatformReferenceOptions.EmptyStudyId;
    public const string DatasetId = PlatformReferenceOptions.DemoDatasetId;
    public const string UnknownId = "000000000000000";
    public const string MalformedId = "study.1";
    public const string Pipeline = "qc_nirs";

    private const string Hex32 = "^[0-9a-f]{32}$";
    private const string ProblemPrefix = "https://api.kernel.com/problems/";
    private const string InvalidParametersTitle = "One or more request parameters are invalid.";
    private const string InternalErrorTitle = "The server failed to process the request.";

    public static PactBuilder Create(string pactDir) => Pact.Pact.V4(Consumer, Provider, new PactConfig { PactDir = pactDir });

    public static IReadOnlyList<PactCase> Cases { get; } =
    [
        // listDatasets
        new("listDatasets 200 a study with a finished and a recording dataset", pact => pact
                .UponReceiving("a request for the datasets of a study")
                .Given(PlatformProviderStates.StudyWithDatasets, Params(("studyId", StudyId)))
                .WithRequest(HttpMethod.Get, "/api/v1/study/" + StudyId + "/datasets")
                .WithHeader("Authorization", ApiKey)
                .WillRespond().WithStatus(200).WithHeader("Content-Type", JsonContentType)
                .WithJsonBody(new { datasets = new object[] { Dataset(stopped: true), Dataset(stopped: false) } }),
            async uri =>
            {
                var list = await Client(uri).ListDatasetsAsync(StudyId);
                Assert.Equal(2, list.Datasets.Count);
                Assert.Matches(Hex32, list.Datasets[0].Id);
                Assert.NotNull(list.Datasets[0].StoppedAt);
                Assert.Null(list.Datasets[1].StoppedAt);
                Assert.Equal("P-001", list.Datasets[0].Participant.ParticipantId);
            }),
        new("listDatasets 200 a study without datasets", pact => pact
                .UponReceiving("a request for the datasets of a study without datasets")
                .Given(PlatformProviderStates.StudyWithoutDatasets, Params(("studyId", EmptyStudyId)))
                .WithRequest(HttpMethod.Get, "/api/v1/study/" + EmptyStudyId + "/datasets")
                .WithHeader("Authorization", ApiKey)
                .WillRespond().WithStatus(200).WithHeader("Content-Type", JsonContentType)
                .WithJsonBody(new { datasets = Array.Empty<object>() }),
            async uri => Assert.Empty((await Client(uri).ListDatasetsAsync(EmptyStudyId)).Datasets)),
        new("listDatasets 400 a malformed study id", pact => pact
                .UponReceiving("a request for the datasets of a malformed study id")
                .Given(PlatformProviderStates.NoStudy, Params(("studyId", MalformedId)))
                .WithRequest(HttpMethod.Get, "/api/v1/study/" + MalformedId + "/datasets")
                .WithHeader("Authorization", ApiKey)
                .WillRespond().WithProblem(400, InvalidParameters("study_id")),
            uri => Problem(() => Client(uri).ListDatasetsAsync(MalformedId), 400, "invalid-parameters", InvalidParametersTitle, "study_id")),
        new("listDatasets 401 an unknown API key", pact => pact
                .UponReceiving("a request for the datasets of a study with a revoked API key")
                .Given(PlatformProviderStates.UnknownApiKey, Params(("apiKey", RevokedApiKey)))
                .WithRequest(HttpMethod.Get, "/api/v1/study/" + StudyId + "/datasets")
                .WithHeader("Authorization", RevokedApiKey)
                .WillRespond().WithProblem(401, Unauthorized()),
            uri => Problem(() => Client(uri, RevokedApiKey).ListDatasetsAsync(StudyId), 401, "unauthorized", "A valid API key is required.")),
        new("listDatasets 404 an unknown study", pact => pact
                .UponReceiving("a request for the datasets of an unknown study")
                .Given(PlatformProviderStates.NoStudy, Params(("studyId", UnknownId)))
                .WithRequest(HttpMethod.Get, "/api/v1/study/" + UnknownId + "/datasets")
                .WithHeader("Authorization", ApiKey)
                .WillRespond().WithProblem(404, new
                {
                    type = ProblemPrefix + "study-not-found",
                    title = "The study does not exist.",
                    status = 404,
                    detail = "No study with id " + UnknownId + " is visible to this API key.",
                    instance = "/api/v1/study/" + UnknownId + "/datasets",
                }),
            uri => Problem(() => Client(uri).ListDatasetsAsync(UnknownId), 404, "study-not-found", "The study does not exist.")),
        new("listDatasets default the backend fails", pact => pact
                .UponReceiving("a request for the datasets of a study when the backend fails")
                .Given(PlatformProviderStates.BackendFails)
                .WithRequest(HttpMethod.Get, "/api/v1/study/" + StudyId + "/datasets")
                .WithHeader("Authorization", ApiKey)
                .WillRespond().WithProblem(500, InternalError("/api/v1/study/" + StudyId + "/datasets")),
            uri => Problem(() => Client(uri).ListDatasetsAsync(StudyId), 500, "internal-error", InternalErrorTitle)),

        // runPipeline
        new("runPipeline 200 a run is started", pact => pact
                .UponReceiving("a request to run qc_nirs on a dataset")
                .Given(PlatformProviderStates.DatasetExists, Params(("studyId", StudyId), ("datasetId", DatasetId)))
                .WithRequest(HttpMethod.Post, PipelinePath(StudyId, DatasetId, Pipeline))
                .WithHeader("Authorization", ApiKey)
                .WillRespond().WithStatus(200).WithHeader("Content-Type", JsonContentType)
                .WithJsonBody(new { job_id = Match.Regex("9f8e7d6c5b4a39281706f5e4d3c2b1a0", Hex32) }),
            async uri => Assert.Equal("9f8e7d6c5b4a39281706f5e4d3c2b1a0", (await Client(uri).RunPipelineAsync(StudyId, DatasetId, PipelineName.QcNirs)).JobId)),
        new("runPipeline 400 an unknown pipeline", pact => pact
                .UponReceiving("a request to run an unknown pipeline")
                .Given(PlatformProviderStates.DatasetExists, Params(("studyId", StudyId), ("datasetId", DatasetId)))
                .WithRequest(HttpMethod.Post, PipelinePath(StudyId, DatasetId, "name"))
                .WithHeader("Authorization", ApiKey)
                .WillRespond().WithProblem(400, InvalidParameters("pipeline_name")),
            uri => Problem(() => Client(uri).RunPipelineAsync(StudyId, DatasetId, new PipelineName("name")), 400, "invalid-parameters", InvalidParametersTitle, "pipeline_name")),
        new("runPipeline 401 an unknown API key", pact => pact
                .UponReceiving("a request to run qc_nirs with a revoked API key")
                .Given(PlatformProviderStates.UnknownApiKey, Params(("apiKey", RevokedApiKey)))
                .WithRequest(HttpMethod.Post, PipelinePath(StudyId, DatasetId, Pipeline))
                .WithHeader("Authorization", RevokedApiKey)
                .WillRespond().WithProblem(401, Unauthorized()),
            uri => Problem(() => Client(uri, RevokedApiKey).RunPipelineAsync(StudyId, DatasetId, PipelineName.QcNirs), 401, "unauthorized", "A valid API key is required.")),
        new("runPipeline 404 an unknown dataset", pact => pact
                .UponReceiving("a request to run qc_nirs on an unknown dataset")
                .Given(PlatformProviderStates.NoDataset, Params(("studyId", StudyId), ("datasetId", UnknownId)))
                .WithRequest(HttpMethod.Post, PipelinePath(StudyId, UnknownId, Pipeline))
                .WithHeader("Authorization", ApiKey)
                .WillRespond().WithProblem(404, new
                {
                    type = ProblemPrefix + "dataset-not-found",
                    title = "The dataset does not exist in this study.",
                    status = 404,
                    detail = "Study " + StudyId + " has no dataset with id " + UnknownId + ".",
                    instance = PipelinePath(StudyId, UnknownId, Pipeline),
                }),
            uri => Problem(() => Client(uri).RunPipelineAsync(StudyId, UnknownId, PipelineName.QcNirs), 404, "dataset-not-found", "The dataset does not exist in this study.")),
        new("runPipeline default the backend fails", pact => pact
                .UponReceiving("a request to run qc_nirs when the backend fails")
                .Given(PlatformProviderStates.BackendFails)
                .WithRequest(HttpMethod.Post, PipelinePath(StudyId, DatasetId, Pipeline))
                .WithHeader("Authorization", ApiKey)
                .WillRespond().WithProblem(500, InternalError(PipelinePath(StudyId, DatasetId, Pipeline))),
            uri => Problem(() => Client(uri).RunPipelineAsync(StudyId, DatasetId, PipelineName.QcNirs), 500, "internal-error", InternalErrorTitle)),

        // getPipelineStatus
        new("getPipelineStatus 200 a succeeded run with signed URLs", pact => pact
                .UponReceiving("a request for the status of a succeeded qc_nirs run")
                .Given(PlatformProviderStates.SucceededRun, Params(("studyId", StudyId), ("datasetId", DatasetId), ("pipeline", Pipeline)))
                .WithRequest(HttpMethod.Get, PipelinePath(StudyId, DatasetId, Pipeline) + "/status")
                .WithHeader("Authorization", ApiKey)
                .WillRespond().WithStatus(200).WithHeader("Content-Type", JsonContentType)
                .WithJsonBody(new
                {
                    job_id = Match.Regex("9f8e7d6c5b4a39281706f5e4d3c2b1a0", Hex32),
                    status = "SUCCEEDED",
                    signed_urls = new
                    {
                        urls = new Dictionary<string, object>
                        {
                            ["qc_nirs_report.html"] = SignedUrl("qc_nirs_report.html"),
                            ["qc_nirs_metrics.json"] = SignedUrl("qc_nirs_metrics.json"),
                        },
                        sizes = new Dictionary<string, object>
                        {
                            ["qc_nirs_report.html"] = Match.Type(48213.5),
                            ["qc_nirs_metrics.json"] = Match.Type(123.5),
                        },
                        batch_job_id = Match.Regex("3c1e5b0a-7d2f-4e9a-8b6c-1f0e2d3c4b5a", "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
                        execution_id = Match.Regex("e1d2c3b4a5968778695a4b3c2d1e0f12", Hex32),
                    },
                }),
            async uri =>
            {
                var status = await Client(uri).GetPipelineStatusAsync(StudyId, DatasetId, PipelineName.QcNirs);
                Assert.Equal(PipelineRunState.Succeeded, status.Status);
                Assert.NotNull(status.SignedUrls);
                Assert.Equal(["qc_nirs_metrics.json", "qc_nirs_report.html"], System.Linq.Enumerable.Order(status.SignedUrls!.Urls.Keys));
                Assert.Equal(48213.5, status.SignedUrls.Sizes["qc_nirs_report.html"]);
                Assert.Contains("signature=", status.SignedUrls.Urls["qc_nirs_report.html"].Query, StringComparison.Ordinal);
            }),
        new("getPipelineStatus 200 a running run without signed URLs", pact => pact
                .UponReceiving("a request for the status of a running qc_nirs run")
                .Given(PlatformProviderStates.RunningRun, Params(("studyId", StudyId), ("datasetId", DatasetId), ("pipeline", Pipeline)))
                .WithRequest(HttpMethod.Get, PipelinePath(StudyId, DatasetId, Pipeline) + "/status")
                .WithHeader("Authorization", ApiKey)
                .WillRespond().WithStatus(200).WithHeader("Content-Type", JsonContentType)
                .WithJsonBody(new
                {
                    job_id = Match.Regex("9f8e7d6c5b4a39281706f5e4d3c2b1a0", Hex32),
                    status = "RUNNING",
                    signed_urls = (object?)null,
                }),
            async uri =>
            {
                var status = await Client(uri).GetPipelineStatusAsync(StudyId, DatasetId, PipelineName.QcNirs);
                Assert.Equal(PipelineRunState.Running, status.Status);
                Assert.Null(status.SignedUrls);
            }),
        new("getPipelineStatus 400 an unknown pipeline", pact => pact
                .UponReceiving("a request for the status of an unknown pipeline")
                .Given(PlatformProviderStates.DatasetExists, Params(("studyId", StudyId), ("datasetId", DatasetId)))
                .WithRequest(HttpMethod.Get, PipelinePath(StudyId, DatasetId, "name") + "/status")
                .WithHeader("Authorization", ApiKey)
                .WillRespond().WithProblem(400, InvalidParameters("pipeline_name")),
            uri => Problem(() => Client(uri).GetPipelineStatusAsync(StudyId, DatasetId, new PipelineName("name")), 400, "invalid-parameters", InvalidParametersTitle, "pipeline_name")),
        new("getPipelineStatus 401 an unknown API key", pact => pact
                .UponReceiving("a request for the status of a qc_nirs run with a revoked API key")
                .Given(PlatformProviderStates.UnknownApiKey, Params(("apiKey", RevokedApiKey)))
                .WithRequest(HttpMethod.Get, PipelinePath(StudyId, DatasetId, Pipeline) + "/status")
                .WithHeader("Authorization", RevokedApiKey)
                .WillRespond().WithProblem(401, Unauthorized()),
            uri => Problem(() => Client(uri, RevokedApiKey).GetPipelineStatusAsync(StudyId, DatasetId, PipelineName.QcNirs), 401, "unauthorized", "A valid API key is required.")),
        new("getPipelineStatus 404 the pipeline never ran", pact => pact
                .UponReceiving("a request for the status of a pipeline that never ran on the dataset")
                .Given(PlatformProviderStates.NeverRun, Params(("studyId", StudyId), ("datasetId", DatasetId), ("pipeline", Pipeline)))
                .WithRequest(HttpMethod.Get, PipelinePath(StudyId, DatasetId, Pipeline) + "/status")
                .WithHeader("Authorization", ApiKey)
                .WillRespond().WithProblem(404, new
                {
                    type = ProblemPrefix + "run-not-found",
                    title = "The pipeline has never run on this dataset.",
                    status = 404,
                    detail = "Pipeline " + Pipeline + " has no run on dataset " + DatasetId + ".",
                    instance = PipelinePath(StudyId, DatasetId, Pipeline) + "/status",
                }),
            uri => Problem(() => Client(uri).GetPipelineStatusAsync(StudyId, DatasetId, PipelineName.QcNirs), 404, "run-not-found", "The pipeline has never run on this dataset.")),
        new("getPipelineStatus default the backend fails", pact => pact
                .UponReceiving("a request for the status of a qc_nirs run when the backend fails")
                .Given(PlatformProviderStates.BackendFails)
                .WithRequest(HttpMethod.Get, PipelinePath(StudyId, DatasetId, Pipeline) + "/status")
                .WithHeader("Authorization", ApiKey)
                .WillRespond().WithProblem(500, InternalError(PipelinePath(StudyId, DatasetId, Pipeline) + "/status")),
            uri => Problem(() => Client(uri).GetPipelineStatusAsync(StudyId, DatasetId, PipelineName.QcNirs), 500, "internal-error", InternalErrorTitle)),
    ];

    /// <summary>The generated client with the API-key handler, against <paramref name="root"/>'s <c>/api/v1</c>.</summary>
    public static KernelPlatformClient Client(Uri root, string apiKey = ApiKey) =>
        new(new HttpClient(new ApiKeyHandler(apiKey) { InnerHandler = new HttpClientHandler() }), new KernelPlatformClientOptions { BaseAddress = new Uri(root, "api/v1") });

    private static string PipelinePath(string study, string dataset, string pipeline) => "/api/v1/study/" + study + "/dataset/" + dataset + "/pipeline/" + pipeline;

    private static object Dataset(bool stopped) => new
    {
        id = Match.Regex(stopped ? "5d1c0f3a9b2e4c7d8e6f1a2b3c4d5e6f" : "6e2d1f4b0c3f5d8e9f7a2b3c4d5e6f70", Hex32),
        // Free-form metadata, possibly empty: only its being an object is part of the contract.
        meta = new { },
        participant = new
        {
            id = Match.Regex("0a1b2c3d4e5f60718293a4b5c6d7e8f9", Hex32),
            participant_id = Match.Type("P-001"),
            created_at = Match.Type(1711929600.5),
            active = Match.Type(true),
            pending = Match.Type(false),
            status = Match.Type("active"),
        },
        created_date = Match.Type(1712016000.25),
        started_at = Match.Type(1712016010.5),
        stopped_at = stopped ? Match.Type(1712017810.75) : null,
    };

    private static Matcher SignedUrl(string file) => Match.Regex(
        "http://127.0.0.1:5080/files/9f8e7d6c5b4a39281706f5e4d3c2b1a0/" + file + "?expires=1743590000&signature=" + new string('a', 64),
        @"^https?://[^/]+/files/[0-9a-f]{32}/" + file.Replace(".", @"\.", StringComparison.Ordinal) + @"\?expires=[0-9]+&signature=[0-9a-f]{64}$");

    private static object Unauthorized() => new
    {
        type = ProblemPrefix + "unauthorized",
        title = "A valid API key is required.",
        status = 401,
        detail = "The API key is not known or has been revoked.",
    };

    // An unexpected failure: the documented default response, a problem like any other.
    private static object InternalError(string instance) => new
    {
        type = ProblemPrefix + "internal-error",
        title = InternalErrorTitle,
        status = 500,
        instance,
    };

    private static object InvalidParameters(string parameter) => new
    {
        type = ProblemPrefix + "invalid-parameters",
        title = InvalidParametersTitle,
        status = 400,
        errors = Match.EachLike(new { name = parameter, reason = Match.Type("must match the parameter's rules") }),
    };

    private static async Task Problem(Func<Task> call, int status, string type, string title, string? field = null)
    {
        var error = await Assert.ThrowsAsync<ApiException>(call);
        Assert.Equal(status, error.StatusCode);
        Assert.NotNull(error.Problem);
        Assert.Equal(ProblemPrefix + type, error.Problem!.Type);
        Assert.Equal(title, error.Problem.Title);
        Assert.Equal(status, error.Problem.Status);
        if (field is not null)
        {
            Assert.Contains(field, error.Problem.Extensions!["errors"].GetRawText(), StringComparison.Ordinal);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Kernel.Contracts.Reference.Sessions;
using Kernel.Sessions.Client;
using Xunit;
using NSwagPlatform = Kernel.Contracts.Contracts.Tests.NSwag.Platform;
using NSwagSessions = Kernel.Contracts.Contracts.Tests.NSwag.Sessions;

namespace Kernel.Contracts.Contracts.Tests;

/// <summary>
/// The same interactions as <see cref="PlatformPact"/> and <see cref="SessionsPact"/> (their definitions, unchanged), driven
/// through NSwag-shaped clients that Kernel.Contracts.Generator.NSwag generates from the same documents: a spec change
/// that breaks a team's NSwag client fails here. Each runs against the Pact mock server in a scratch folder, so the
/// committed pacts are never written.
/// </summary>
public sealed class NSwagConsumerTests
{
    // What an NSwag client does for each case, by the case's name. The cases left out need what an NSwag client cannot
    // send: an unknown value of a closed enum (runPipeline/getPipelineStatus 400 with pipeline "name").
    private static readonly Dictionary<string, Func<Uri, Task>> PlatformRuns = new(StringComparer.Ordinal)
    {
        ["listDatasets 200 a study with a finished and a recording dataset"] = async uri =>
        {
            var list = await Platform(uri).ListDatasetsAsync(PlatformPact.StudyId);
            Assert.Equal(2, list.Datasets.Count);
            Assert.NotNull(list.Datasets.First().Stopped_at);
            Assert.Null(list.Datasets.Last().Stopped_at);
            Assert.Equal("P-001", list.Datasets.First().Participant.Participant_id);
        },
        ["listDatasets 200 a study without datasets"] = async uri => Assert.Empty((await Platform(uri).ListDatasetsAsync(PlatformPact.EmptyStudyId)).Datasets),
        ["listDatasets 400 a malformed study id"] = uri => PlatformProblem(() => Platform(uri).ListDatasetsAsync(PlatformPact.MalformedId), 400, "invalid-parameters"),
        ["listDatasets 401 an unknown API key"] = uri => PlatformProblem(() => Platform(uri, PlatformPact.RevokedApiKey).ListDatasetsAsync(PlatformPact.StudyId), 401, "unauthorized"),
        ["listDatasets 404 an unknown study"] = uri => PlatformProblem(() => Platform(uri).ListDatasetsAsync(PlatformPact.UnknownId), 404, "study-not-found"),
        ["runPipeline 200 a run is started"] = async uri =>
            Assert.Equal("9f8e7d6c5b4a39281706f5e4d3c2b1a0", (await Platform(uri).RunPipelineAsync(PlatformPact.StudyId, PlatformPact.DatasetId, NSwagPlatform.PipelineName.Qc_nirs)).Job_id),
        ["runPipeline 401 an unknown API key"] = uri =>
            PlatformProblem(() => Platform(uri, PlatformPact.RevokedApiKey).RunPipelineAsync(PlatformPact.StudyId, PlatformPact.DatasetId, NSwagPlatform.PipelineName.Qc_nirs), 401, "unauthorized"),
        ["runPipeline 404 an unknown dataset"] = uri =>
            PlatformProblem(() => Platform(uri).RunPipelineAsync(PlatformPact.StudyId, PlatformPact.UnknownId, NSwagPlatform.PipelineName.Qc_nirs), 404, "dataset-not-found"),
        ["getPipelineStatus 200 a succeeded run with signed URLs"] = async uri =>
            Assert.Equal(NSwagPlatform.PipelineRunState.SUCCEEDED, (await Platform(uri).GetPipelineStatusAsync(PlatformPact.StudyId, PlatformPact.DatasetId, NSwagPlatform.PipelineName.Qc_nirs)).Status),
        ["getPipelineStatus 200 a running run without signed URLs"] = async uri =>
            Assert.Equal(NSwagPlatform.PipelineRunState.RUNNING, (await Platform(uri).GetPipelineStatusAsync(PlatformPact.StudyId, PlatformPact.DatasetId, NSwagPlatform.PipelineName.Qc_nirs)).Status),
        ["getPipelineStatus 401 an unknown API key"] = uri =>
            PlatformProblem(() => Platform(uri, PlatformPact.RevokedApiKey).GetPipelineStatusAsync(PlatformPact.StudyId, PlatformPact.DatasetId, NSwagPlatform.PipelineName.Qc_nirs), 401, "unauthorized"),
        ["getPipelineStatus 404 the pipeline never ran"] = uri =>
            PlatformProblem(() => Platform(uri).GetPipelineStatusAsync(PlatformPact.StudyId, PlatformPact.DatasetId, NSwagPlatform.PipelineName.Qc_nirs), 404, "run-not-found"),
    };

    private static readonly Dictionary<string, Func<Uri, Task>> SessionsRuns = new(StringComparer.Ordinal)
    {
        ["createKernel 201 a new session"] = async uri =>
        {
            var created = await Sessions(uri).CreateKernelAsync(Body(SessionsPact.Lang));
            Assert.Equal(SessionsPact.Token, created.KernelId);
            Assert.True(created.Created);
        },
        ["createKernel 201 a running session is reused"] = async uri => Assert.False((await Sessions(uri).CreateKernelAsync(Body(SessionsPact.Lang))).Created),
        ["createKernel 400 the token names a session of another lang"] = uri => SessionsProblem(() => Sessions(uri).CreateKernelAsync(Body(SessionsPact.OtherLang)), 400, "kernel-already-exists"),
        ["createKernel 401 an unknown access key"] = uri => SessionsProblem(() => Sessions(uri).CreateKernelAsync(Body(SessionsPact.Lang)), 401, "auth-failed"),
        ["createKernel 404 no image for the lang"] = uri => SessionsProblem(() => Sessions(uri).CreateKernelAsync(Body(SessionsPact.UnknownLang)), 404, "image-not-found"),
        ["createKernel 406 more memory than the server has"] = uri => SessionsProblem(
            () => Sessions(uri).CreateKernelAsync(new NSwagSessions.CreateKernelRequest { Lang = SessionsPact.Lang, ClientSessionToken = SessionsPact.Token, Config = new NSwagSessions.CreationConfig { InstanceMemory = SessionsPact.TooMuchMemory } }),
            406,
            "resource-limit-exceeded"),
        ["createKernel 412 the session quota is reached"] = uri => SessionsProblem(() => Sessions(uri).CreateKernelAsync(Body(SessionsPact.Lang)), 412, "quota-exceeded"),
#pragma warning disable CS0612 // createKernelLegacy is deprecated (NSwag marks it [Obsolete]), and still part of the contract
        ["createKernelLegacy 201 a new session"] = async uri => Assert.True((await Sessions(uri).CreateKernelLegacyAsync(Body(SessionsPact.Lang))).Created),
        ["createKernelLegacy 412 the session quota is reached"] = uri => SessionsProblem(() => Sessions(uri).CreateKernelLegacyAsync(Body(SessionsPact.Lang)), 412, "quota-exceeded"),
#pragma warning restore CS0612
        ["getKernelInfo 200 a running session"] = async uri => Assert.Equal(SessionsPact.Lang, (await Sessions(uri).GetKernelInfoAsync(SessionsPact.Token)).Lang),
        ["getKernelInfo 404 no such session"] = uri => SessionsProblem(() => Sessions(uri).GetKernelInfoAsync(SessionsPact.Token), 404, "kernel-not-found"),
        ["getKernelInfo 401 an unknown access key"] = uri => SessionsProblem(() => Sessions(uri).GetKernelInfoAsync(SessionsPact.Token), 401, "auth-failed"),
        ["restartKernel 204 a running session"] = uri => Sessions(uri).RestartKernelAsync(SessionsPact.Token),
        ["restartKernel 401 an unknown access key"] = uri => SessionsProblem(() => Sessions(uri).RestartKernelAsync(SessionsPact.Token), 401, "auth-failed"),
        ["restartKernel 404 no such session"] = uri => SessionsProblem(() => Sessions(uri).RestartKernelAsync(SessionsPact.Token), 404, "kernel-not-found"),
        ["destroyKernel 200 a running session"] = async uri => Assert.NotNull(await Sessions(uri).DestroyKernelAsync(SessionsPact.Token)),
        ["destroyKernel 401 an unknown access key"] = uri => SessionsProblem(() => Sessions(uri).DestroyKernelAsync(SessionsPact.Token), 401, "auth-failed"),
        ["destroyKernel 404 no such session"] = uri => SessionsProblem(() => Sessions(uri).DestroyKernelAsync(SessionsPact.Token), 404, "kernel-not-found"),
    };

    public static IEnumerable<object[]> PlatformCases() => PlatformRuns.Keys.Select(name => new object[] { name });

    public static IEnumerable<object[]> SessionsCases() => SessionsRuns.Keys.Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(PlatformCases))]
    public Task NSwag_platform_client_handles(string name) => RunAsync(PlatformPact.Cases.Single(c => c.Name == name), PlatformPact.Create, PlatformRuns[name]);

    [Theory]
    [MemberData(nameof(SessionsCases))]
    public Task NSwag_sessions_client_handles(string name) => RunAsync(SessionsPact.Cases.Single(c => c.Name == name), SessionsPact.Create, SessionsRuns[name]);

    [Fact]
    public void Every_operation_runs_through_an_NSwag_client()
    {
        Assert.Equal(new[] { "getPipelineStatus", "listDatasets", "runPipeline" }, PlatformRuns.Keys.Select(k => k.Split(' ')[0]).Distinct().Order());
        Assert.Equal(new[] { "createKernel", "createKernelLegacy", "destroyKernel", "getKernelInfo", "restartKernel" }, SessionsRuns.Keys.Select(k => k.Split(' ')[0]).Distinct().Order());
    }

    private static async Task RunAsync(PactCase pactCase, Func<string, Kernel.Contracts.Pact.PactBuilder> create, Func<Uri, Task> exercise)
    {
        using var pact = create(RepoPaths.NewScratchDir("nswag-consumer"));
        pactCase.Define(pact);
        await pact.VerifyAsync(ctx => exercise(ctx.MockServerUri));
    }

    // NSwag's client: the API key as the raw Authorization header, the base URL as NSwag's BaseUrl.
    private static NSwagPlatform.PlatformClient Platform(Uri root, string apiKey = PlatformPact.ApiKey)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", apiKey);
        return new NSwagPlatform.PlatformClient(http) { BaseUrl = new Uri(root, "api/v1").ToString() };
    }

    // NSwag's client over an HttpClient with the Sessions client package's signing handler.
    private static NSwagSessions.SessionsClient Sessions(Uri root) =>
        new(new HttpClient(new BackendAiSigningHandler(SessionsReferenceOptions.DemoAccessKey, SessionsReferenceOptions.DemoSecretKey) { InnerHandler = new HttpClientHandler() }))
        {
            BaseUrl = root.ToString(),
        };

    private static NSwagSessions.CreateKernelRequest Body(string lang) => new() { Lang = lang, ClientSessionToken = SessionsPact.Token };

    private static async Task PlatformProblem(Func<Task> call, int status, string type)
    {
        var error = await Assert.ThrowsAsync<NSwagPlatform.ApiException<NSwagPlatform.Problem>>(call);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("https://api.kernel.com/problems/" + type, error.Result.Type);
    }

    private static async Task SessionsProblem(Func<Task> call, int status, string type)
    {
        var error = await Assert.ThrowsAsync<NSwagSessions.ApiException<NSwagSessions.Problem>>(call);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("https://api.backend.ai/probs/" + type, error.Result.Type);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Kernel.Contracts.Reference.ProviderStates;
using Kernel.Platform.Server;
using Microsoft.AspNetCore.Http;

namespace Kernel.Contracts.Reference.Platform;

/// <summary>
/// The Platform pact's provider states on the reference. Every setup starts from the seeded data (no runs, every
/// configured API key valid, the clock in step), so a verifier that never tears down still gets clean states.
/// </summary>
public sealed class PlatformProviderStates : IProviderStateHandler
{
    /// <summary>The demo study with its datasets (the pact's list of datasets).</summary>
    public const string StudyWithDatasets = "a study with a finished and a still-recording dataset exists";

    /// <summary>A study that has no datasets.</summary>
    public const string StudyWithoutDatasets = "a study without datasets exists";

    /// <summary>No study has the id <c>studyId</c>.</summary>
    public const string NoStudy = "no study with this id exists";

    /// <summary>Requests are signed with an API key the server no longer accepts.</summary>
    public const string UnknownApiKey = "the API key is unknown or revoked";

    /// <summary>The study <c>studyId</c> has the dataset <c>datasetId</c>.</summary>
    public const string DatasetExists = "a dataset exists in the study";

    /// <summary>The study <c>studyId</c> has no dataset <c>datasetId</c>.</summary>
    public const string NoDataset = "the study has no dataset with this id";

    /// <summary>The latest run of <c>pipeline</c> on the dataset has succeeded.</summary>
    public const string SucceededRun = "the dataset has a succeeded run of the pipeline";

    /// <summary>The latest run of <c>pipeline</c> on the dataset is RUNNING.</summary>
    public const string RunningRun = "the dataset has a running run of the pipeline";

    /// <summary>The pipeline has never run on the dataset.</summary>
    public const string NeverRun = "the pipeline has never run on the dataset";

    /// <summary>Every operation fails on the server side (a 500 problem, the documented <c>default</c> response).</summary>
    public const string BackendFails = "the backend fails";

    private static readonly string[] Names = [StudyWithDatasets, StudyWithoutDatasets, NoStudy, UnknownApiKey, DatasetExists, NoDataset, SucceededRun, RunningRun, NeverRun, BackendFails];

    private readonly PlatformReferenceServer _server;
    private readonly PlatformReferenceOptions _options;
    private readonly ReferenceClock _clock;
    private readonly string[] _apiKeys;
    private readonly Lock _lock = new();

    /// <summary>Creates the handler; the options' API keys as they are now are the ones every setup restores.</summary>
    public PlatformProviderStates(PlatformReferenceServer server, PlatformReferenceOptions options, ReferenceClock clock)
    {
        _server = server;
        _options = options;
        _clock = clock;
        _apiKeys = options.ApiKeys.ToArray();
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
                case StudyWithDatasets:
                    // Exactly two: one finished, one still recording (its stopped_at is null).
                    var study = change.Text("studyId");
                    var firstId = _server.Studies.TryGetValue(study, out var datasets) && datasets.Count > 0 ? datasets[0].Id : null;
                    _server.SetDatasets(study, PlatformSeed.Study(_options.Seed, 2, firstId));
                    break;
                case StudyWithoutDatasets:
                    Require(_server.Studies.TryGetValue(change.Text("studyId"), out var none) && none.Count == 0, change, "the study is not seeded or has datasets");
                    break;
                case NoStudy:
                    Require(!_server.Studies.ContainsKey(change.Text("studyId")), change, "a study has this id");
                    break;
                case BackendFails:
                    _options.BackendFails = true;
                    break;
                case UnknownApiKey:
                    // Whatever key the verifier sends, it is rejected until the next state change.
                    _options.ApiKeys.Clear();
                    break;
                case DatasetExists:
                case NeverRun:
                    Require(HasDataset(change.Text("studyId"), change.Text("datasetId")), change, "the study has no such dataset");
                    break;
                case NoDataset:
                    Require(!HasDataset(change.Text("studyId"), change.Text("datasetId")), change, "the study has this dataset");
                    break;
                case SucceededRun:
                case RunningRun:
                    var studyId = change.Text("studyId");
                    var datasetId = change.Text("datasetId");
                    Require(HasDataset(studyId, datasetId), change, "the study has no such dataset");
                    _ = _server.RunPipelineAsync(studyId, datasetId, new PipelineName(change.Text("pipeline")), new DefaultHttpContext(), CancellationToken.None);
                    // A run spends four queue steps, then RunningDuration RUNNING: halfway through RUNNING, or well past it.
                    var queue = _options.QueueStepDuration * 4;
                    _clock.Advance(change.State == SucceededRun ? queue + _options.RunningDuration + TimeSpan.FromSeconds(30) : queue + _options.RunningDuration / 2);
                    break;
                default:
                    throw new ProviderStateException("The Platform reference knows no provider state '" + change.State + "'.");
            }
        }
    }

    private void Reset()
    {
        _server.Reset();
        _clock.Reset();
        _options.ApiKeys.Clear();
        foreach (var key in _apiKeys) _options.ApiKeys.Add(key);
        _options.BackendFails = false;
    }

    private bool HasDataset(string studyId, string datasetId) =>
        _server.Studies.TryGetValue(studyId, out var datasets) && datasets.Any(d => d.Id == datasetId);

    private static void Require(bool condition, ProviderStateChange change, string why)
    {
        if (!condition) throw new ProviderStateException("The Platform reference cannot enter '" + change.State + "': " + why + ".");
    }
}

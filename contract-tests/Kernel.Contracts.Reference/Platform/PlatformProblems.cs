using Kernel.Platform.Server;

namespace Kernel.Contracts.Reference.Platform;

/// <summary>The Platform description's problem types.</summary>
public static class PlatformProblems
{
    /// <summary>Prefix of every problem type.</summary>
    public const string TypePrefix = "https://api.kernel.com/problems/";

    /// <summary>The validation problem type of the stubs.</summary>
    public const string InvalidParametersType = TypePrefix + "invalid-parameters";

    /// <summary>The validation problem title.</summary>
    public const string InvalidParametersTitle = "One or more request parameters are invalid.";

    internal static Problem Unauthorized(string detail, string instance) => Make("unauthorized", "A valid API key is required.", 401, detail, instance);

    internal static Problem StudyNotFound(string studyId, string instance) =>
        Make("study-not-found", "The study does not exist.", 404, "No study with id " + studyId + " is visible to this API key.", instance);

    internal static Problem DatasetNotFound(string studyId, string datasetId, string instance) =>
        Make("dataset-not-found", "The dataset does not exist in this study.", 404, "Study " + studyId + " has no dataset with id " + datasetId + ".", instance);

    internal static Problem RunNotFound(string pipeline, string datasetId, string instance) =>
        Make("run-not-found", "The pipeline has never run on this dataset.", 404, "Pipeline " + pipeline + " has no run on dataset " + datasetId + ".", instance);

    internal static Problem InternalError(string instance) =>
        Make("internal-error", "The server failed to process the request.", 500, null, instance);

    internal static Problem Make(string name, string title, int status, string? detail, string? instance) =>
        new() { Type = TypePrefix + name, Title = title, Status = status, Detail = detail, Instance = instance };
}

using Kernel.Sessions.Server;

namespace Kernel.Contracts.Reference.Sessions;

/// <summary>The real server's problem types and titles.</summary>
public static class SessionsProblems
{
    /// <summary>Prefix of every problem type.</summary>
    public const string TypePrefix = "https://api.backend.ai/probs/";

    /// <summary>The validation problem type of the stubs.</summary>
    public const string InvalidApiParamsType = TypePrefix + "invalid-api-params";

    /// <summary>The validation problem title.</summary>
    public const string InvalidApiParamsTitle = "Missing or invalid API parameters.";

    internal static Problem InvalidAuthParams(string detail) => Make("invalid-auth-params", "Missing or invalid authorization parameters.", detail);

    internal static Problem AuthFailed(string detail) => Make("auth-failed", "Credential/signature mismatch.", detail);

    internal static Problem KernelNotFound() => Make("kernel-not-found", "No such kernel.", null);

    internal static Problem KernelAlreadyExists() => Make("kernel-already-exists", "The kernel already exists with a different runtime type (language).", null);

    internal static Problem ImageNotFound(string lang) => Make("image-not-found", "No such environment image.", "Unknown image: " + lang);

    internal static Problem QuotaExceeded(int limit) => Make("quota-exceeded", "You have reached your resource limit.", "You cannot run more than " + limit + " concurrent sessions.");

    internal static Problem ResourceLimitExceeded(string detail) => Make("resource-limit-exceeded", "The requested resource limits exceed the server's own limits.", detail, 406);

    internal static Problem InternalServerError() => Make("internal-server-error", "Internal server error.", null, 500);

    internal static Problem KernelCreationFailed() => Make("kernel-creation-failed", "Kernel creation has failed.", null, 500);

    internal static Problem KernelDestructionFailed() => Make("kernel-destruction-failed", "Kernel destruction has failed.", null, 500);

    internal static Problem KernelRestartFailed() => Make("kernel-restart-failed", "Kernel restart has failed.", null, 500);

    private static Problem Make(string name, string title, string? detail, int? status = null) =>
        new() { Type = TypePrefix + name, Title = title, Detail = detail, Status = status };
}

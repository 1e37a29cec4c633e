namespace Kernel.Contracts.Generator.NSwag;

/// <summary>Names of the pipeline steps, so tests can assert what was cached.</summary>
internal static class TrackingNames
{
    public const string ProjectOptions = nameof(ProjectOptions);
    public const string SpecItems = nameof(SpecItems);
    public const string SettingsFiles = nameof(SettingsFiles);
    public const string Requests = nameof(Requests);
    public const string Results = nameof(Results);
}

namespace Kernel.Contracts.Generator;

/// <summary>Names of the pipeline steps, so tests can assert what was cached.</summary>
internal static class TrackingNames
{
    public const string SpecFiles = nameof(SpecFiles);
    public const string SpecRequests = nameof(SpecRequests);
    public const string Parsed = nameof(Parsed);
    public const string Models = nameof(Models);
    public const string Diagnostics = nameof(Diagnostics);
    public const string CompilationFacts = nameof(CompilationFacts);
}

using System;
using System.IO;
using System.Reflection;
using PublicApiGenerator;

namespace Kernel.Contracts.PublicApi.Tests;

/// <summary>
/// The public surface of one shipped assembly as text, and the committed listing it must match
/// (<c>api/&lt;Assembly&gt;.txt</c> beside this project).
/// </summary>
internal static class ApiListing
{
    public const string UpdateVariable = "KERNEL_CONTRACTS_UPDATE_API";

    public static string Folder { get; } = Path.Combine(FindRepoRoot(), "contract-tests", "Kernel.Contracts.PublicApi.Tests", "api");

    public static bool Updating => string.Equals(Environment.GetEnvironmentVariable(UpdateVariable), "true", StringComparison.OrdinalIgnoreCase);

    public static string PathOf(string assemblyName) => Path.Combine(Folder, assemblyName + ".txt");

    public static string Generate(Assembly assembly) =>
        Normalize(assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            // Assembly attributes carry the commit and repository address; [GeneratedCode] carries the version.
            // Neither is API, and both would change the listing on every release.
            IncludeAssemblyAttributes = false,
            ExcludeAttributes = new[] { "System.CodeDom.Compiler.GeneratedCodeAttribute" },
        }));

    /// <summary>Null when <paramref name="actual"/> matches the committed text; otherwise a message with the diff and how to accept it.</summary>
    public static string? Compare(string assemblyName, string? committed, string actual)
    {
        var file = "contract-tests/Kernel.Contracts.PublicApi.Tests/api/" + assemblyName + ".txt";
        var accept = $"If the change is intended, accept it with `{UpdateVariable}=true dotnet test contract-tests/Kernel.Contracts.PublicApi.Tests` and commit {file}.";
        if (committed is null)
        {
            return $"{assemblyName} has no committed public API listing ({file}). {accept}";
        }

        var diff = LineDiff.Describe(Normalize(committed), actual);
        return diff.Length == 0
            ? null
            : $"The public API of {assemblyName} differs from {file} ('-' committed, '+' now):\n{diff}{accept}";
    }

    public static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kernel.Contracts.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kernel.Contracts.sln not found above " + AppContext.BaseDirectory);
    }
}

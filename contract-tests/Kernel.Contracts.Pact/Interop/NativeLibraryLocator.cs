using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace Kernel.Contracts.Pact.Interop;

/// <summary>
/// Finds <c>libpact_ffi</c> for the running platform: the <c>PACT_FFI_LIBRARY</c> override if set, else the copy
/// this package ships under <c>runtimes/&lt;rid&gt;/native/</c> of the application, else the application folder itself
/// (a RID-specific publish flattens the runtimes folder); <see cref="PactNativeLibrary"/> then lets .NET's own
/// probing (the native assets <c>deps.json</c> names) try.
/// </summary>
internal static class NativeLibraryLocator
{
    /// <summary>Environment variable naming the native library file explicitly.</summary>
    internal const string OverrideVariable = "PACT_FFI_LIBRARY";

    /// <summary>The runtime identifiers the package ships the core for (npm publishes it for these seven).</summary>
    internal static readonly string[] ShippedRuntimes =
    [
        "linux-x64", "linux-arm64", "linux-musl-x64", "linux-musl-arm64", "osx-x64", "osx-arm64", "win-x64",
    ];

    /// <summary>The runtime identifier of this process in the portable form NuGet's <c>runtimes/</c> folders use.</summary>
    internal static string CurrentRuntime
    {
        get
        {
            var os = OperatingSystem.IsWindows() ? "win"
                : OperatingSystem.IsMacOS() ? "osx"
                : RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal) ? "linux-musl"
                : "linux";
            return os + "-" + RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        }
    }

    /// <summary>The library's file name on a runtime: <c>pact_ffi.dll</c>, <c>libpact_ffi.dylib</c> or <c>libpact_ffi.so</c>.</summary>
    internal static string FileName(string runtime) =>
        runtime.StartsWith("win", StringComparison.Ordinal) ? "pact_ffi.dll"
        : runtime.StartsWith("osx", StringComparison.Ordinal) ? "libpact_ffi.dylib"
        : "libpact_ffi.so";

    /// <summary>
    /// Returns the library file to load, or <see langword="null"/> when neither the override nor the application's
    /// folders have it (then the runtime's own probing is the last try). An override that names a missing file is an
    /// error, not a reason to search further.
    /// </summary>
    internal static string? Locate(string? overridePath, string baseDirectory, string runtime)
    {
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            return File.Exists(overridePath)
                ? Path.GetFullPath(overridePath)
                : throw new PactNativeLibraryNotFoundException(
                    $"{OverrideVariable} is set to '{overridePath}', but no file exists there. " +
                    $"Point it at a libpact_ffi built for {runtime}, or unset it to use the copy Kernel.Contracts.Pact ships.");
        }

        foreach (var candidate in Candidates(baseDirectory, runtime))
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Says what was searched and how to get a library, for a platform the package may not ship.</summary>
    internal static PactNativeLibraryNotFoundException NotFound(string baseDirectory, string runtime) =>
        new($"The Pact core library (libpact_ffi) for {runtime} was not found: not in " +
            string.Join(", ", Candidates(baseDirectory, runtime).Select(c => $"'{c}'")) +
            ", nor by the runtime's native-library probing. " +
            (Array.IndexOf(ShippedRuntimes, runtime) >= 0
                ? "The Kernel.Contracts.Pact package ships it under runtimes/" + runtime + "/native/: reference the package (or the tool) as a whole rather than copying its assemblies alone, "
                : "Kernel.Contracts.Pact ships it for " + string.Join(", ", ShippedRuntimes) + " only: build libpact_ffi for " + runtime + " (pact-foundation/pact-reference) and ") +
            $"or set {OverrideVariable} to the full path of the library.");

    private static string[] Candidates(string baseDirectory, string runtime) =>
    [
        Path.Combine(baseDirectory, "runtimes", runtime, "native", FileName(runtime)),
        Path.Combine(baseDirectory, FileName(runtime)),
    ];
}

using System;
using System.IO;

namespace Kernel.Contracts.Pact.Interop;

/// <summary>Finds <c>libpact_ffi</c> on disk: the <c>PACT_FFI_LIBRARY</c> override first, then the npm package.</summary>
internal static class NativeLibraryLocator
{
    /// <summary>Environment variable naming the native library file explicitly.</summary>
    internal const string OverrideVariable = "PACT_FFI_LIBRARY";

    /// <summary>Where <c>npm ci</c> in the repository root puts the library, relative to the repository root.</summary>
    internal static readonly string NpmRelativePath = Path.Combine(
        "node_modules", "@pact-foundation", "pact-core-linux-x64-glibc", "prebuilds", "linux-x64", "libpact_ffi.so");

    /// <summary>
    /// Returns the library path, or throws <see cref="PactNativeLibraryNotFoundException"/> saying how to get it.
    /// An override that names a missing file is an error, not a reason to search further.
    /// </summary>
    internal static string Locate(string? overridePath, string baseDirectory)
    {
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            return File.Exists(overridePath)
                ? Path.GetFullPath(overridePath)
                : throw new PactNativeLibraryNotFoundException(
                    $"{OverrideVariable} is set to '{overridePath}', but no file exists there. " +
                    $"Point it at libpact_ffi, or unset it and run `npm ci` in the repository root to install {NpmRelativePath}.");
        }

        for (var directory = new DirectoryInfo(baseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, NpmRelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new PactNativeLibraryNotFoundException(
            $"The Pact core library (libpact_ffi) was not found: no {NpmRelativePath} in '{baseDirectory}' or any folder above it. " +
            $"Run `npm ci` in the repository root (it installs @pact-foundation/pact-core-linux-x64-glibc), " +
            $"or set {OverrideVariable} to the full path of libpact_ffi.");
    }
}

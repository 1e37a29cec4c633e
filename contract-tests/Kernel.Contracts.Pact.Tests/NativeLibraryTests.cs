using System;
using System.IO;
using Kernel.Contracts.Pact.Interop;
using Xunit;

namespace Kernel.Contracts.Pact.Tests;

public sealed class NativeLibraryTests
{
    [Fact]
    public void Version_comes_from_the_native_core()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+", PactNativeLibrary.Version);
        Assert.EndsWith("libpact_ffi.so", PactNativeLibrary.LibraryPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Override_pointing_at_a_missing_file_says_how_to_install_the_core()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "libpact_ffi.so");

        var exception = Assert.Throws<PactNativeLibraryNotFoundException>(() => NativeLibraryLocator.Locate(missing, AppContext.BaseDirectory));

        Assert.Contains("PACT_FFI_LIBRARY", exception.Message, StringComparison.Ordinal);
        Assert.Contains(missing, exception.Message, StringComparison.Ordinal);
        Assert.Contains("npm ci", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_npm_package_says_to_run_npm_ci_in_the_repository_root()
    {
        var empty = Directory.CreateTempSubdirectory("pact-no-node-modules-");
        try
        {
            var exception = Assert.Throws<PactNativeLibraryNotFoundException>(() => NativeLibraryLocator.Locate(null, empty.FullName));

            Assert.Contains("Run `npm ci` in the repository root", exception.Message, StringComparison.Ordinal);
            Assert.Contains("PACT_FFI_LIBRARY", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void Library_is_found_in_node_modules_above_the_application_folder()
    {
        var root = Directory.CreateTempSubdirectory("pact-repo-");
        try
        {
            var library = Path.Combine(root.FullName, NativeLibraryLocator.NpmRelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(library)!);
            File.WriteAllText(library, "not really a library");
            var appFolder = Directory.CreateDirectory(Path.Combine(root.FullName, "tests", "bin", "Debug", "net10.0"));

            Assert.Equal(library, NativeLibraryLocator.Locate(null, appFolder.FullName));
            Assert.Equal(library, NativeLibraryLocator.Locate("  ", appFolder.FullName));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}

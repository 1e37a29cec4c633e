using System;
using System.IO;
using Kernel.Contracts.Pact.Interop;
using Xunit;

namespace Kernel.Contracts.Pact.Tests;

public sealed class NativeLibraryTests
{
    [Fact]
    public void Version_comes_from_the_core_shipped_for_this_platform()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+", PactNativeLibrary.Version);
        var runtime = NativeLibraryLocator.CurrentRuntime;
        Assert.Equal(
            Path.Combine(AppContext.BaseDirectory, "runtimes", runtime, "native", NativeLibraryLocator.FileName(runtime)),
            PactNativeLibrary.LibraryPath);
    }

    [Fact]
    public void Every_shipped_platform_is_in_the_output_as_the_package_lays_it_out()
    {
        foreach (var runtime in NativeLibraryLocator.ShippedRuntimes)
        {
            var library = new FileInfo(Path.Combine(AppContext.BaseDirectory, "runtimes", runtime, "native", NativeLibraryLocator.FileName(runtime)));
            Assert.True(library.Exists, $"{library.FullName} is missing");
            Assert.True(library.Length > 1_000_000, $"{library.FullName} is {library.Length} bytes: not a Pact core");
        }
    }

    [Theory]
    [InlineData("linux-x64", "libpact_ffi.so")]
    [InlineData("linux-musl-arm64", "libpact_ffi.so")]
    [InlineData("osx-arm64", "libpact_ffi.dylib")]
    [InlineData("win-x64", "pact_ffi.dll")]
    public void File_name_follows_the_platform(string runtime, string expected) =>
        Assert.Equal(expected, NativeLibraryLocator.FileName(runtime));

    [Fact]
    public void Override_pointing_at_a_missing_file_is_an_error_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "libpact_ffi.so");

        var exception = Assert.Throws<PactNativeLibraryNotFoundException>(() => NativeLibraryLocator.Locate(missing, AppContext.BaseDirectory, "linux-x64"));

        Assert.Contains("PACT_FFI_LIBRARY", exception.Message, StringComparison.Ordinal);
        Assert.Contains(missing, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Override_wins_over_the_shipped_copy()
    {
        var folder = Directory.CreateTempSubdirectory("pact-override-");
        try
        {
            var library = Path.Combine(folder.FullName, "my-libpact_ffi.so");
            File.WriteAllText(library, "not really a library");

            Assert.Equal(library, NativeLibraryLocator.Locate(library, AppContext.BaseDirectory, "linux-x64"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Runtimes_folder_comes_before_the_application_folder()
    {
        var app = Directory.CreateTempSubdirectory("pact-app-");
        try
        {
            var flat = Path.Combine(app.FullName, "libpact_ffi.so");
            File.WriteAllText(flat, "flattened by a RID-specific publish");
            Assert.Equal(flat, NativeLibraryLocator.Locate(null, app.FullName, "linux-arm64"));

            var nested = Path.Combine(app.FullName, "runtimes", "linux-arm64", "native", "libpact_ffi.so");
            Directory.CreateDirectory(Path.GetDirectoryName(nested)!);
            File.WriteAllText(nested, "as NuGet lays it out");
            Assert.Equal(nested, NativeLibraryLocator.Locate("  ", app.FullName, "linux-arm64"));
        }
        finally
        {
            app.Delete(recursive: true);
        }
    }

    [Fact]
    public void Nothing_found_names_the_folders_searched_and_the_override()
    {
        var empty = Directory.CreateTempSubdirectory("pact-empty-app-");
        try
        {
            Assert.Null(NativeLibraryLocator.Locate(null, empty.FullName, "osx-arm64"));

            var shipped = NativeLibraryLocator.NotFound(empty.FullName, "osx-arm64").Message;
            Assert.Contains(Path.Combine(empty.FullName, "runtimes", "osx-arm64", "native", "libpact_ffi.dylib"), shipped, StringComparison.Ordinal);
            Assert.Contains("PACT_FFI_LIBRARY", shipped, StringComparison.Ordinal);
            Assert.Contains("ships it under runtimes/osx-arm64/native/", shipped, StringComparison.Ordinal);

            var unshipped = NativeLibraryLocator.NotFound(empty.FullName, "linux-riscv64").Message;
            Assert.Contains("ships it for linux-x64, linux-arm64", unshipped, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}

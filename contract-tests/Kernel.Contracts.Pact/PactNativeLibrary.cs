using System;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;
using Kernel.Contracts.Pact.Interop;

namespace Kernel.Contracts.Pact;

/// <summary>
/// The native Pact core (<c>libpact_ffi</c>) this library drives, shipped inside the package for seven platforms
/// (<c>runtimes/&lt;rid&gt;/native/</c>). It is located once per process: the <c>PACT_FFI_LIBRARY</c> environment
/// variable if set, otherwise the copy for the running platform in the application's <c>runtimes/&lt;rid&gt;/native/</c>
/// folder or the application folder, otherwise wherever .NET's native-library probing finds <c>pact_ffi</c>.
/// </summary>
public static class PactNativeLibrary
{
    private static readonly object Gate = new();
    private static nint handle;
    private static string? path;

    /// <summary>Full path of the loaded native library; loads it if needed.</summary>
    /// <exception cref="PactNativeLibraryNotFoundException">The library could not be found.</exception>
    public static string LibraryPath
    {
        get
        {
            EnsureInitialized();
            return path!;
        }
    }

    /// <summary>Version of the native core, e.g. <c>0.5.8</c>; loads it if needed.</summary>
    /// <exception cref="PactNativeLibraryNotFoundException">The library could not be found.</exception>
    public static string Version
    {
        get
        {
            EnsureInitialized();
            return NativeString.CopyBorrowed(NativeMethods.pactffi_version()) ?? string.Empty;
        }
    }

    /// <summary>
    /// Loads the library once per process: registers the import resolver, sets <c>PACT_DO_NOT_TRACK=true</c>
    /// (unless already set) before the first native call, and sends the core's errors to stderr.
    /// A failed attempt is not cached, so fixing the cause and retrying works.
    /// </summary>
    internal static void EnsureInitialized()
    {
        if (Volatile.Read(ref handle) != 0)
        {
            return;
        }

        lock (Gate)
        {
            if (handle != 0)
            {
                return;
            }

            var runtime = NativeLibraryLocator.CurrentRuntime;
            var located = NativeLibraryLocator.Locate(
                Environment.GetEnvironmentVariable(NativeLibraryLocator.OverrideVariable),
                AppContext.BaseDirectory,
                runtime);

            LibcEnvironment.SetIfUnset("PACT_DO_NOT_TRACK", "true");

            nint loaded;
            if (located is null)
            {
                // Last try: the runtime's own probing (native assets listed in deps.json, the app and system folders).
                if (!NativeLibrary.TryLoad(NativeMethods.LibraryName, typeof(PactNativeLibrary).Assembly, null, out loaded))
                {
                    throw NativeLibraryLocator.NotFound(AppContext.BaseDirectory, runtime);
                }

                located = NativeMethods.LibraryName + " (found by the runtime's native-library probing)";
            }
            else
            {
                try
                {
                    loaded = NativeLibrary.Load(located);
                }
                catch (Exception exception) when (exception is DllNotFoundException or BadImageFormatException)
                {
                    throw new PactNativeLibraryNotFoundException(
                        $"libpact_ffi at '{located}' could not be loaded on {runtime}: {exception.Message} " +
                        $"Set {NativeLibraryLocator.OverrideVariable} to a library built for this platform.",
                        exception);
                }
            }

            NativeLibrary.SetDllImportResolver(typeof(PactNativeLibrary).Assembly, Resolve);
            path = located;
            Volatile.Write(ref handle, loaded);

            // Details of most failures only reach the log: errors go to stderr, and info goes to the core's
            // in-memory buffer, from which each verification's log is taken (VerificationResult.Logs). Once per process.
            NativeMethods.pactffi_logger_init();
            _ = NativeMethods.pactffi_logger_attach_sink("stderr", LevelFilter.Error);
            _ = NativeMethods.pactffi_logger_attach_sink("buffer", LevelFilter.Info);
            _ = NativeMethods.pactffi_logger_apply();
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == NativeMethods.LibraryName ? Volatile.Read(ref handle) : 0;
}

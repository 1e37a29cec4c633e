using System;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;
using Kernel.Contracts.Pact.Interop;

namespace Kernel.Contracts.Pact;

/// <summary>
/// The native Pact core (<c>libpact_ffi</c>) this library drives. It is located once per process:
/// the <c>PACT_FFI_LIBRARY</c> environment variable if set, otherwise
/// <c>node_modules/@pact-foundation/pact-core-linux-x64-glibc/prebuilds/linux-x64/libpact_ffi.so</c>
/// in the application folder or any folder above it (what <c>npm ci</c> in the repository root installs).
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
    /// A failed attempt is not cached, so running <c>npm ci</c> and retrying works.
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

            var located = NativeLibraryLocator.Locate(
                Environment.GetEnvironmentVariable(NativeLibraryLocator.OverrideVariable),
                AppContext.BaseDirectory);

            LibcEnvironment.SetIfUnset("PACT_DO_NOT_TRACK", "true");

            nint loaded;
            try
            {
                loaded = NativeLibrary.Load(located);
            }
            catch (Exception exception) when (exception is DllNotFoundException or BadImageFormatException)
            {
                throw new PactNativeLibraryNotFoundException(
                    $"libpact_ffi at '{located}' could not be loaded: {exception.Message} " +
                    "Run `npm ci` in the repository root, or set PACT_FFI_LIBRARY to a library built for this platform.",
                    exception);
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

using System;
using System.Runtime.InteropServices;

namespace Kernel.Contracts.Pact.Interop;

/// <summary>
/// Sets variables in the native process environment. On Unix, <see cref="Environment.SetEnvironmentVariable(string, string)"/>
/// only changes .NET's own copy, which the Rust core never sees, so <c>setenv</c> is called as well.
/// </summary>
internal static partial class LibcEnvironment
{
    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);

    /// <summary>Sets <paramref name="name"/> unless the process already has a value for it.</summary>
    internal static void SetIfUnset(string name, string value)
    {
        if (Environment.GetEnvironmentVariable(name) is null)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        if (!OperatingSystem.IsWindows())
        {
            // overwrite = 0: a value set by the user in the real environment wins.
            _ = SetEnv(name, value, 0);
        }
    }
}

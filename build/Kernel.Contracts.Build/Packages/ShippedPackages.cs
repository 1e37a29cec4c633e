using System;
using System.Linq;

namespace Kernel.Contracts.Build.Packages;

/// <summary>What this repository ships: the package ids Pack must produce and the Pact core files two of them carry.</summary>
internal static class ShippedPackages
{
    /// <summary>The tool's pointer package; its platform packages (<c>Kernel.Contracts.Cli.&lt;rid&gt;</c>) are the ones it lists.</summary>
    public const string Tool = "Kernel.Contracts.Cli";

    /// <summary>The source generator's package: IL analyzers for every platform, ReadyToRun copies per platform beside them.</summary>
    public const string Generator = "Kernel.Contracts.Generator";

    /// <summary>
    /// The <c>readytorun/&lt;rid&gt;/</c> folder of the generator package a platform's compiler loads: musl systems take
    /// the copy of their architecture (as the package's build targets decide it, in MSBuild).
    /// </summary>
    public static string GeneratorCopyRid(string rid) => rid.Replace("-musl-", "-", StringComparison.Ordinal);

    /// <summary>The runtime identifier of the portable tool package every platform without its own package installs.</summary>
    public const string PortableRid = "any";

    public static readonly string[] Ids =
    [
        Generator, "Kernel.Contracts.Generator.NSwag", "Kernel.Platform.Client", "Kernel.Sessions.Client",
        "Kernel.Platform.Server", "Kernel.Sessions.Server", "Kernel.Contracts.Pact", Tool,
    ];

    // The Pact core as Kernel.Contracts.Pact lays it out (fetch-pact-core.mjs): one library per runtime identifier.
    public static readonly string[] PactCoreFiles =
    [
        "linux-x64/native/libpact_ffi.so", "linux-arm64/native/libpact_ffi.so", "linux-musl-x64/native/libpact_ffi.so",
        "linux-musl-arm64/native/libpact_ffi.so", "osx-x64/native/libpact_ffi.dylib", "osx-arm64/native/libpact_ffi.dylib",
        "win-x64/native/pact_ffi.dll",
    ];

    /// <summary>
    /// Where a package carries the Pact core and which files it must hold there (nothing else may sit there), or null
    /// when it carries none: the binding and the portable tool every platform's, a platform's tool package its own only.
    /// </summary>
    /// <param name="assembly">The package's own assembly name (the pointer's id for a platform tool package).</param>
    /// <param name="toolRid">The runtime identifier of a platform tool package; null for any other package.</param>
    public static (string Folder, string[] Files)? PactCore(string assembly, string? toolRid) => (assembly, toolRid) switch
    {
        ("Kernel.Contracts.Pact", null) => ("runtimes/", PactCoreFiles),
        (Tool, PortableRid) => ($"tools/net10.0/{PortableRid}/runtimes/", PactCoreFiles),
        (Tool, { } rid) => ($"tools/net10.0/{rid}/runtimes/", PactCoreFiles.Where(f => f.StartsWith(rid + "/", StringComparison.Ordinal)).ToArray()),
        _ => null,
    };
}

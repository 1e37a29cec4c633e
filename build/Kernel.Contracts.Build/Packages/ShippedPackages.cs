namespace Kernel.Contracts.Build.Packages;

/// <summary>What this repository ships: the package ids Pack must produce and the Pact core files two of them carry.</summary>
internal static class ShippedPackages
{
    public static readonly string[] Ids =
    [
        "Kernel.Contracts.Generator", "Kernel.Contracts.Generator.NSwag", "Kernel.Platform.Client", "Kernel.Sessions.Client",
        "Kernel.Platform.Server", "Kernel.Sessions.Server", "Kernel.Contracts.Pact", "Kernel.Contracts.Cli",
    ];

    /// <summary>The packages that carry the Pact core, and where it sits inside each.</summary>
    public static string? PactCorePrefix(string id) => id switch
    {
        "Kernel.Contracts.Pact" => "runtimes/",
        "Kernel.Contracts.Cli" => "tools/net10.0/any/runtimes/",
        _ => null,
    };

    // The Pact core as Kernel.Contracts.Pact lays it out (fetch-pact-core.mjs): one library per runtime identifier.
    public static readonly string[] PactCoreFiles =
    [
        "linux-x64/native/libpact_ffi.so", "linux-arm64/native/libpact_ffi.so", "linux-musl-x64/native/libpact_ffi.so",
        "linux-musl-arm64/native/libpact_ffi.so", "osx-x64/native/libpact_ffi.dylib", "osx-arm64/native/libpact_ffi.dylib",
        "win-x64/native/pact_ffi.dll",
    ];
}

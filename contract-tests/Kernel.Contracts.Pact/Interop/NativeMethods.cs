using System.Runtime.InteropServices;

namespace Kernel.Contracts.Pact.Interop;

/// <summary>
/// Source-generated bindings to <c>libpact_ffi</c>. No header ships with the library; each signature here
/// follows the Rust definitions (Rust <c>bool</c> is one byte, so it is marshalled as <c>U1</c> both ways).
/// </summary>
/// <remarks>
/// Strings returned by the core are taken as raw pointers, never marshalled automatically, because they have
/// three different owners: static (<see cref="pactffi_version"/>), the mock server until cleanup
/// (<see cref="pactffi_mock_server_mismatches"/>), or the caller, who frees them with
/// <see cref="pactffi_string_delete"/> (<c>pactffi_verifier_output/json/logs</c>). See <see cref="NativeString"/>.
/// Call <see cref="PactNativeLibrary.EnsureInitialized"/> before any of these.
/// </remarks>
internal static partial class NativeMethods
{
    internal const string LibraryName = "pact_ffi";

    // ---- library ----

    [LibraryImport(LibraryName)]
    internal static partial nint pactffi_version();

    [LibraryImport(LibraryName)]
    internal static partial int pactffi_log_to_stderr(LevelFilter level);

    [LibraryImport(LibraryName)]
    internal static partial void pactffi_logger_init();

    /// <returns>0 ok; negative on a bad specifier or an uninitialised logger.</returns>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int pactffi_logger_attach_sink(string sinkSpecifier, LevelFilter level);

    /// <returns>0 ok; negative when the logger cannot be applied (e.g. it already was).</returns>
    [LibraryImport(LibraryName)]
    internal static partial int pactffi_logger_apply();

    [LibraryImport(LibraryName)]
    internal static partial void pactffi_string_delete(nint value);

    // ---- consumer: pact and interactions ----

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ushort pactffi_new_pact(string consumer, string provider);

    [LibraryImport(LibraryName)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool pactffi_with_specification(ushort pact, PactSpecification specification);

    [LibraryImport(LibraryName)]
    internal static partial uint pactffi_free_pact_handle(ushort pact);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint pactffi_new_interaction(ushort pact, string description);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool pactffi_upon_receiving(uint interaction, string description);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool pactffi_given(uint interaction, string state);

    /// <returns>0 on success, 1 when the parameters are not a JSON object, 2 on a panic, 3 on a bad handle.</returns>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int pactffi_given_with_params(uint interaction, string state, string parametersJson);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool pactffi_with_request(uint interaction, string method, string path);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool pactffi_with_query_parameter_v2(uint interaction, string name, nuint index, string value);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool pactffi_with_header_v2(uint interaction, InteractionPart part, string name, nuint index, string value);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool pactffi_with_body(uint interaction, InteractionPart part, string contentType, string body);

    [LibraryImport(LibraryName)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool pactffi_response_status(uint interaction, ushort status);

    // ---- consumer: mock server ----

    /// <returns>The bound port, or a negative error code (-1 bad handle, -2 bad config, -3 start failed, -4 panic, -5 bad address).</returns>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int pactffi_create_mock_server_for_transport(ushort pact, string address, ushort port, string transport, string? transportConfig);

    [LibraryImport(LibraryName)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool pactffi_mock_server_matched(int port);

    /// <returns>JSON owned by the mock server: copy it before cleanup, never free it.</returns>
    [LibraryImport(LibraryName)]
    internal static partial nint pactffi_mock_server_mismatches(int port);

    /// <returns>0 ok, 1 panic, 2 write failed, 3 no mock server on that port.</returns>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int pactffi_write_pact_file(int port, string directory, [MarshalAs(UnmanagedType.U1)] bool overwrite);

    [LibraryImport(LibraryName)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool pactffi_cleanup_mock_server(int port);

    // ---- provider: verifier ----

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint pactffi_verifier_new_for_application(string name, string version);

    [LibraryImport(LibraryName)]
    internal static partial void pactffi_verifier_shutdown(nint handle);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void pactffi_verifier_set_provider_info(nint handle, string name, string scheme, string host, ushort port, string path);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void pactffi_verifier_set_filter_info(nint handle, string? description, string? state, byte noState);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void pactffi_verifier_set_provider_state(nint handle, string url, byte teardown, byte body);

    /// <remarks>The timeout is a C <c>unsigned long</c>: 64-bit on Linux, 32-bit on Windows, hence <see cref="CULong"/>.</remarks>
    [LibraryImport(LibraryName)]
    internal static partial int pactffi_verifier_set_verification_options(nint handle, byte disableSslVerification, CULong requestTimeoutMilliseconds);

    [LibraryImport(LibraryName)]
    internal static partial int pactffi_verifier_set_coloured_output(nint handle, byte colouredOutput);

    [LibraryImport(LibraryName)]
    internal static partial int pactffi_verifier_set_no_pacts_is_error(nint handle, byte isError);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void pactffi_verifier_add_custom_header(nint handle, string name, string value);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void pactffi_verifier_add_file_source(nint handle, string file);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void pactffi_verifier_add_directory_source(nint handle, string directory);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void pactffi_verifier_url_source(nint handle, string url, string? username, string? password, string? token);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void pactffi_verifier_broker_source_with_selectors(
        nint handle,
        string url,
        string? username,
        string? password,
        string? token,
        byte enablePending,
        string? includeWipPactsSince,
        string[]? providerTags,
        ushort providerTagsLength,
        string? providerBranch,
        string[]? consumerVersionSelectors,
        ushort consumerVersionSelectorsLength,
        string[]? consumerVersionTags,
        ushort consumerVersionTagsLength);

    /// <returns>0 when every interaction passed, 1 otherwise (also for an unreachable provider or a missing file). Blocks the calling thread.</returns>
    [LibraryImport(LibraryName)]
    internal static partial int pactffi_verifier_execute(nint handle);

    /// <returns>Caller-owned; free with <see cref="pactffi_string_delete"/>.</returns>
    [LibraryImport(LibraryName)]
    internal static partial nint pactffi_verifier_output(nint handle, byte stripAnsi);

    /// <returns>Caller-owned; free with <see cref="pactffi_string_delete"/>.</returns>
    [LibraryImport(LibraryName)]
    internal static partial nint pactffi_verifier_json(nint handle);

    /// <returns>Caller-owned; free with <see cref="pactffi_string_delete"/>.</returns>
    [LibraryImport(LibraryName)]
    internal static partial nint pactffi_verifier_logs(nint handle);
}

/// <summary>Pact specification versions as the core numbers them.</summary>
internal enum PactSpecification
{
    Unknown = 0,
    V1 = 1,
    V1_1 = 2,
    V2 = 3,
    V3 = 4,
    V4 = 5,
}

/// <summary>Which half of an HTTP interaction a call configures.</summary>
internal enum InteractionPart
{
    Request = 0,
    Response = 1,
}

/// <summary>Log level filter of the core's logger.</summary>
internal enum LevelFilter
{
    Off = 0,
    Error = 1,
    Warn = 2,
    Info = 3,
    Debug = 4,
    Trace = 5,
}

using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kernel.Contracts.Pact;

/// <summary>Settings of a consumer pact.</summary>
public sealed class PactConfig
{
    /// <summary>
    /// Folder the pact file <c>{consumer}-{provider}.json</c> is written to; created if missing. Relative paths are
    /// resolved against the current directory when the file is written. Default: <c>pacts</c>.
    /// </summary>
    /// <remarks>
    /// Files merge on write (interactions from every test accumulate), so clear this folder at the start of a test
    /// run if removed interactions should disappear from the contract.
    /// </remarks>
    public string PactDir { get; init; } = "pacts";

    /// <summary>
    /// Options used to serialize <c>WithJsonBody</c> objects and provider-state parameters. Default: web defaults
    /// (camelCase names) with relaxed escaping, so pact files stay readable (<c>+</c>, not <c>\u002B</c>).
    /// </summary>
    public JsonSerializerOptions JsonSerializerOptions { get; init; } = CreateDefaultJsonOptions();

    internal static JsonSerializerOptions CreateDefaultJsonOptions() =>
        new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal string ResolvedPactDir => Path.GetFullPath(PactDir, Environment.CurrentDirectory);
}

using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Kernel.Contracts.Cli;

/// <summary>One interaction of <c>verify</c> (for <c>--json</c> and the report).</summary>
internal sealed record VerifyRecord(string Pact, string Description, bool Passed, IReadOnlyList<string> Mismatches);

/// <summary>One interaction of <c>check-pacts</c>.</summary>
internal sealed record CheckRecord(string Pact, string Description, string? OperationId, int Status, bool Passed, IReadOnlyList<string> Findings);

/// <summary>One request of <c>probe</c>.</summary>
internal sealed record ProbeJsonRecord(string OperationId, string Kind, string Method, string Url, int? Status, bool Passed, IReadOnlyList<string> Problems, string Curl);

/// <summary>Reflection-free JSON for the result files the commands write.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, Converters = [typeof(ResultTextJsonConverter)])]
[JsonSerializable(typeof(List<VerifyRecord>))]
[JsonSerializable(typeof(List<CheckRecord>))]
[JsonSerializable(typeof(List<ProbeJsonRecord>))]
internal sealed partial class CliJson : JsonSerializerContext;

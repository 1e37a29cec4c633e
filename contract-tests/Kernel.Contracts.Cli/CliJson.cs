using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Kernel.Contracts.Cli;

/// <summary>One interaction of <c>verify</c> (for <c>--json</c> and the report).</summary>
internal sealed record VerifyRecord(string Pact, string Description, bool Passed, IReadOnlyList<string> Mismatches);

/// <summary>One interaction of <c>check-pacts</c>.</summary>
internal sealed record CheckRecord(string Pact, string Description, string? OperationId, int Status, bool Passed, IReadOnlyList<string> Findings);

/// <summary>One request of <c>probe</c>.</summary>
internal sealed record ProbeJsonRecord(string OperationId, string Kind, string Method, string Url, int? Status, bool Passed, IReadOnlyList<string> Problems, string Curl);

/// <summary>One change of <c>diff</c>: the rule, its impact on clients and servers, and where (file:line:column pointer) in each version.</summary>
internal sealed record DiffRecord(string Rule, string Client, string Server, string Message, string? Base, string? Head);

/// <summary>A pact interaction a <c>diff</c> breaks.</summary>
internal sealed record BrokenRecord(string Consumer, string Pact, string Interaction, IReadOnlyList<string> Findings);

/// <summary>The result of <c>diff</c>.</summary>
internal sealed record DiffResult(string Base, string Head, string SuggestedBump, IReadOnlyList<DiffRecord> Changes, IReadOnlyList<BrokenRecord> BrokenInteractions, string? VersionProblem);

/// <summary>Reflection-free JSON for the result files the commands write.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, Converters = [typeof(ResultTextJsonConverter)])]
[JsonSerializable(typeof(List<VerifyRecord>))]
[JsonSerializable(typeof(List<CheckRecord>))]
[JsonSerializable(typeof(List<ProbeJsonRecord>))]
[JsonSerializable(typeof(DiffResult))]
internal sealed partial class CliJson : JsonSerializerContext;

using Kernel.Contracts.Generator.Model;

namespace Kernel.Contracts.Generator.Parsing;

/// <summary>One <c>OpenApiSpec</c> item: its path, text and metadata.</summary>
internal sealed record SpecInput(string Path, string Text, string? Namespace, string? Generate, string? ClientName, string? RootNamespace, string? NoWarn = null);

/// <summary>A document to generate from, with every spec file of the project it may reference.</summary>
internal sealed record SpecRequest(SpecInput Spec, EquatableArray<SpecInput> Others);

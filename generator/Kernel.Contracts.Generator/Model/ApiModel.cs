using System;

using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Generator.Model;

// The model is a tree of sealed records that hold only strings, numbers, bools, enums and EquatableArray.
// Nothing from Roslyn (ISymbol, SyntaxNode, Location, SourceText) and nothing from the OpenAPI object model
// is kept here: the incremental pipeline compares these values to decide whether to emit again.

/// <summary>What to generate for one document, from the item's <c>Generate</c> metadata.</summary>
[Flags]
internal enum GenerateKinds
{
    None = 0,
    Models = 1,
    Client = 2,
    Server = 4,
    Fakers = 8,

    /// <summary><c>{Api}SchemaValidator</c>: checks any JSON against a schema. The server stubs use it, so <see cref="Server"/> brings it.</summary>
    Validators = 16,
}

/// <summary>One OpenAPI document reduced to what the emitters need.</summary>
internal sealed record ApiModel(
    string Namespace,
    string ApiName,
    string Title,
    string? Description,
    string? DefaultBaseAddress,
    GenerateKinds Kinds,
    EquatableArray<TypeModel> Types,
    EquatableArray<OperationModel> Operations,
    EquatableArray<SecuritySchemeModel> SecuritySchemes,
    EquatableArray<string> BasePaths);

internal enum TypeModelKind
{
    /// <summary>A record with properties.</summary>
    Object,

    /// <summary>An extensible string enum: a readonly struct that keeps unknown values.</summary>
    Enum,

    /// <summary>oneOf/anyOf: exactly one of several cases.</summary>
    Union,
}

/// <summary>A named type the generator emits.</summary>
internal sealed record TypeModel(
    string Name,
    TypeModelKind Kind,
    string? Description,
    bool Deprecated,
    EquatableArray<PropertyModel> Properties,
    TypeRef? AdditionalProperties,
    bool CapturesUnknownProperties,
    EquatableArray<EnumMemberModel> EnumMembers,
    EquatableArray<UnionCaseModel> UnionCases,
    string? DiscriminatorProperty,
    string SchemaPointer,
    bool Closed = false);

internal sealed record PropertyModel(
    string JsonName,
    string Name,
    TypeRef Type,
    bool Required,
    bool Nullable,
    string? Description,
    bool Deprecated,
    Constraints Constraints)
{
    /// <summary>Optional and nullable: JSON tells an absent member ("not given") from an explicit null ("clear it"), so the DTO must too.</summary>
    public bool NullDiffersFromAbsent => !Required && Nullable;
}

internal sealed record EnumMemberModel(string Value, string Name);

/// <summary>One case of a union; <see cref="DiscriminatorValues"/> are the mapping's keys that select it.</summary>
internal sealed record UnionCaseModel(string Name, TypeRef Type, EquatableArray<string> DiscriminatorValues);

/// <summary>The validation keywords of a schema that the server stubs and fakers honour.</summary>
internal sealed record Constraints(
    int? MinLength = null,
    int? MaxLength = null,
    string? Pattern = null,
    string? Minimum = null,
    string? Maximum = null,
    bool ExclusiveMinimum = false,
    bool ExclusiveMaximum = false,
    int? MinItems = null,
    int? MaxItems = null,
    string? Format = null)
{
    public static readonly Constraints None = new();
}

internal enum TypeRefKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    Single,
    Decimal,
    DateTimeOffset,
    DateOnly,
    TimeSpan,
    Guid,
    Uri,
    Bytes,

    /// <summary>Any JSON: <c>System.Text.Json.JsonElement</c>.</summary>
    Any,

    /// <summary>A generated type named <see cref="TypeRef.Name"/>.</summary>
    Named,
    Array,
    Map,
}

/// <summary>A C# type as the model sees it. <see cref="Element"/> is the item type of arrays and maps.</summary>
internal sealed record TypeRef(TypeRefKind Kind, string? Name = null, TypeRef? Element = null, bool IsValueTypeNamed = false, Constraints? ElementConstraints = null)
{
    public static readonly TypeRef String = new(TypeRefKind.String);
    public static readonly TypeRef Any = new(TypeRefKind.Any);

    public bool IsValueType => Kind switch
    {
        TypeRefKind.String or TypeRefKind.Uri or TypeRefKind.Bytes or TypeRefKind.Array or TypeRefKind.Map => false,
        TypeRefKind.Named => IsValueTypeNamed,
        _ => true,
    };
}

internal enum ParameterLocationKind
{
    Path,
    Query,
    Header,
    Cookie,
}

internal sealed record ParameterModel(
    string WireName,
    string Name,
    ParameterLocationKind In,
    TypeRef Type,
    bool Required,
    string? Description,
    Constraints Constraints);

internal enum BodyFormat
{
    Json,
    Text,
    Binary,
    FormUrlEncoded,

    /// <summary>Any other media type: the caller passes an <c>HttpContent</c>.</summary>
    Raw,
}

internal sealed record RequestBodyModel(string ContentType, BodyFormat Format, TypeRef? Type, bool Required, string? Description);

internal sealed record ResponseModel(string StatusCode, string? Description, string? ContentType, BodyFormat Format, TypeRef? Type, bool IsProblem)
{
    /// <summary>Whether the key documents successes by itself (a 2xx code or <c>2XX</c>; see <see cref="ResponseRule"/>).</summary>
    public bool IsSuccess => ResponseRule.IsSuccessKey(StatusCode);

    public int? NumericStatus => ResponseRule.Code(StatusCode);
}

internal sealed record OperationModel(
    string Name,
    string OperationId,
    string Method,
    string Path,
    string? Summary,
    string? Description,
    bool Deprecated,
    EquatableArray<ParameterModel> Parameters,
    RequestBodyModel? Body,
    EquatableArray<ResponseModel> Responses,
    EquatableArray<string> Security,
    string Tag);

internal enum SecuritySchemeKind
{
    ApiKeyHeader,
    ApiKeyQuery,
    ApiKeyCookie,
    HttpBearer,
    HttpBasic,
    Other,
}

internal sealed record SecuritySchemeModel(string Key, string Name, SecuritySchemeKind Kind, string ParameterName, string? Description);

/// <summary>A parse result: the model when one could be built, and every problem found on the way.</summary>
internal sealed record ParseResult(ApiModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

using System;
using Kernel.Contracts.Generator.Model;

namespace Kernel.Contracts.Generator.Emitting;

/// <summary>C# spellings of model types, and the expressions that read and write them as JSON.</summary>
internal sealed class TypeNames
{
    private const string Reader = "System.Text.Json.Utf8JsonReader";

    private readonly string _prefix;

    /// <param name="namespace">The namespace of the generated types.</param>
    /// <param name="qualified">
    /// Whether the generated types are spelled <c>global::Namespace.Name</c>. Code emitted into that namespace can spell
    /// them by name when every such name sits where only a type can (a declaration, <c>new</c>, <c>typeof</c>, a cast), or
    /// names a converter or <c>JsonCodec</c>, which no member can shadow; where a member of the enclosing class could
    /// (a faker's method is named after its type), keep them qualified.
    /// </param>
    public TypeNames(string @namespace, bool qualified = true)
    {
        Namespace = @namespace;
        _prefix = qualified ? "global::" + @namespace + "." : string.Empty;
        Codec = _prefix + "JsonCodec";
    }

    public string Namespace { get; }

    /// <summary>The generated helper class every converter calls.</summary>
    public string Codec { get; }

    public string Of(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String => "string",
        TypeRefKind.Boolean => "bool",
        TypeRefKind.Int32 => "int",
        TypeRefKind.Int64 => "long",
        TypeRefKind.Double => "double",
        TypeRefKind.Single => "float",
        TypeRefKind.Decimal => "decimal",
        TypeRefKind.DateTimeOffset => "System.DateTimeOffset",
        TypeRefKind.DateOnly => "System.DateOnly",
        TypeRefKind.TimeSpan => "System.TimeSpan",
        TypeRefKind.Guid => "System.Guid",
        TypeRefKind.Uri => "System.Uri",
        TypeRefKind.Bytes => "byte[]",
        TypeRefKind.Any => "System.Text.Json.JsonElement",
        TypeRefKind.Named => Named(type.Name!),
        TypeRefKind.Array => "System.Collections.Generic.IReadOnlyList<" + Of(type.Element!) + ">",
        TypeRefKind.Map => "System.Collections.Generic.IReadOnlyDictionary<string, " + Of(type.Element!) + ">",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, null),
    };

    public string Nullable(TypeRef type) => Of(type) + "?";

    public string Named(string name) => _prefix + name;

    /// <summary>A generated type spelled in full, for a place where a member of the enclosing class could shadow its name.</summary>
    public string Qualified(string name) => "global::" + Namespace + "." + name;

    public string Converter(string name) => _prefix + name + "JsonConverter";

    /// <summary>Whether <c>JsonCodec</c> reads and writes the kind itself (<c>Read{Kind}OrNull</c>, <c>WriteMember</c>): every kind but generated types, lists and maps.</summary>
    public static bool IsScalar(TypeRef type) => type.Kind is not (TypeRefKind.Named or TypeRefKind.Array or TypeRefKind.Map);

    /// <summary>An expression that reads a value of <paramref name="type"/> from the reader variable <c>reader</c>.</summary>
    public string Read(TypeRef type, string reader = "reader") => type.Kind switch
    {
        TypeRefKind.Named => Converter(type.Name!) + ".ReadValue(ref " + reader + ")",
        TypeRefKind.Array => Codec + ".ReadList(ref " + reader + ", " + ReadFunc(type.Element!) + ")",
        TypeRefKind.Map => Codec + ".ReadMap(ref " + reader + ", " + ReadFunc(type.Element!) + ")",
        _ => Codec + ".Read" + type.Kind + "(ref " + reader + ")",
    };

    /// <summary>A delegate (method group or lambda) that reads a value of <paramref name="type"/>.</summary>
    public string ReadFunc(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Named => Converter(type.Name!) + ".ReadValue",
        TypeRefKind.Array or TypeRefKind.Map => "static (ref " + Reader + " r) => " + Read(type, "r"),
        _ => Codec + ".Read" + type.Kind,
    };

    /// <summary>A statement-expression that writes <paramref name="value"/> of <paramref name="type"/> to <paramref name="writer"/>.</summary>
    public string Write(TypeRef type, string writer, string value) => type.Kind switch
    {
        TypeRefKind.Named => Converter(type.Name!) + ".WriteValue(" + writer + ", " + value + ")",
        TypeRefKind.Array => Codec + ".WriteList(" + writer + ", " + value + ", " + WriteFunc(type.Element!) + ")",
        TypeRefKind.Map => Codec + ".WriteMap(" + writer + ", " + value + ", " + WriteFunc(type.Element!) + ")",
        _ => Codec + ".Write" + type.Kind + "(" + writer + ", " + value + ")",
    };

    public string WriteFunc(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Named => Converter(type.Name!) + ".WriteValue",
        TypeRefKind.Array or TypeRefKind.Map => "static (w, v) => " + Write(type, "w", "v"),
        _ => Codec + ".Write" + type.Kind,
    };

    /// <summary>The JSON token types a value of <paramref name="type"/> can start with (for unions without a discriminator).</summary>
    public static string? TokenCheck(TypeRef type, TypeModelKindLookup lookup) => type.Kind switch
    {
        TypeRefKind.String or TypeRefKind.DateTimeOffset or TypeRefKind.DateOnly or TypeRefKind.TimeSpan or TypeRefKind.Guid or TypeRefKind.Uri or TypeRefKind.Bytes
            => "System.Text.Json.JsonTokenType.String",
        TypeRefKind.Boolean => "System.Text.Json.JsonTokenType.True or System.Text.Json.JsonTokenType.False",
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double or TypeRefKind.Single or TypeRefKind.Decimal => "System.Text.Json.JsonTokenType.Number",
        TypeRefKind.Array => "System.Text.Json.JsonTokenType.StartArray",
        TypeRefKind.Map => "System.Text.Json.JsonTokenType.StartObject",
        TypeRefKind.Named => lookup(type.Name!) switch
        {
            TypeModelKind.Enum => "System.Text.Json.JsonTokenType.String",
            TypeModelKind.Object => "System.Text.Json.JsonTokenType.StartObject",
            _ => null,
        },
        _ => null,
    };

    public delegate TypeModelKind? TypeModelKindLookup(string name);
}

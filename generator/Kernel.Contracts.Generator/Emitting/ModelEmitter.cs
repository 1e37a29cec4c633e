using System.Collections.Generic;
using System.Linq;
using Kernel.Contracts.Generator.Model;

namespace Kernel.Contracts.Generator.Emitting;

/// <summary>Emits a DTO (record, extensible enum or union) and its reflection-free JSON converter.</summary>
internal sealed class ModelEmitter
{
    private readonly ApiModel _api;
    private readonly TypeNames _names;
    private readonly Dictionary<string, TypeModel> _types;

    public ModelEmitter(ApiModel api)
    {
        _api = api;
        _names = new TypeNames(api.Namespace, qualified: false);
        _types = api.Types.ToDictionary(t => t.Name);
    }

    public string Emit(TypeModel type)
    {
        var w = Emitter.Start(_api.Namespace);
        switch (type.Kind)
        {
            case TypeModelKind.Enum:
                EmitEnum(w, type);
                break;
            case TypeModelKind.Union:
                EmitUnion(w, type);
                break;
            default:
                EmitObject(w, type);
                break;
        }

        return w.ToString();
    }

    // ---- records ----

    private void EmitObject(SourceWriter w, TypeModel type)
    {
        w.Summary(type.Description, type.Name + ", from the schema at " + type.SchemaPointer + ".");
        if (type.Properties.Any(p => p.NullDiffersFromAbsent))
        {
            // Said once here, not on each flag: a document with PATCH-style members has hundreds of them.
            w.Line("/// <remarks>A flag <c>XIsExplicitNull</c> sends a null <c>X</c> as <c>null</c> (\"clear it\"), not left out; reading sets it.</remarks>");
        }

        Attributes(w, type);
        using (w.Block("public sealed partial record " + type.Name))
        {
            var first = true;
            foreach (var p in type.Properties)
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                w.Summary(p.Description, "The " + p.JsonName + " property.");
                if (p.Deprecated && p.Required)
                {
                    // C# forbids [Obsolete] on required members.
                    w.Line("/// <remarks>Deprecated in the API description.</remarks>");
                }
                else if (p.Deprecated)
                {
                    w.Line(Emitter.ObsoleteAttribute);
                }

                var typeName = p.Nullable || !p.Required ? _names.Nullable(p.Type) : _names.Of(p.Type);
                w.Line("public " + (p.Required ? "required " : string.Empty) + typeName + " " + p.Name + " { get; init; }");
                if (p.NullDiffersFromAbsent)
                {
                    w.Line();
                    if (p.Deprecated)
                    {
                        w.Line(Emitter.ObsoleteAttribute);
                    }

                    w.Line("public bool " + ExplicitNull(p) + " { get; init; }");
                }
            }

            if (type.CapturesUnknownProperties)
            {
                if (!first)
                {
                    w.Line();
                }

                w.Summary("Members the schema does not name, kept for the round trip.");
                w.Line("public System.Collections.Generic.IReadOnlyDictionary<string, " + _names.Of(type.AdditionalProperties!) + ">? AdditionalProperties { get; init; }");
            }
        }

        w.Line();
        ConverterHeader(w, type);
        EmitObjectRead(w, type);
        w.Line();
        EmitObjectWrite(w, type);
        w.Close();
    }

    // The converters are most of a client's code (docs/performance.md, "Where the bytes go"), so each member is one
    // line to read and one to write, through JsonCodec's helpers, which the JIT inlines.
    private void EmitObjectRead(SourceWriter w, TypeModel type)
    {
        var c = _names.Codec;
        using (w.Block("public static " + _names.Named(type.Name) + " ReadValue(ref System.Text.Json.Utf8JsonReader reader)"))
        {
            w.Line(c + ".Expect(ref reader, System.Text.Json.JsonTokenType.StartObject, \"" + type.Name + "\");");
            foreach (var p in type.Properties)
            {
                w.Line(_names.Nullable(p.Type) + " " + Local(p) + " = default;"
                    + (p.Required ? " var has" + p.Name + " = false;" : string.Empty)
                    + (p.NullDiffersFromAbsent ? " var " + Local(p) + "Null = false;" : string.Empty));
            }

            if (type.CapturesUnknownProperties)
            {
                w.Line("System.Collections.Generic.Dictionary<string, " + _names.Of(type.AdditionalProperties!) + ">? additional = null;");
            }

            // The member being read, for the error message; a literal's bytes, so naming it costs nothing.
            w.Line("System.ReadOnlySpan<byte> property = default;");
            using (w.Block("try"))
            {
                using (w.Block("while (" + c + ".NextMember(ref reader))"))
                {
                    var keyword = "if";
                    foreach (var p in type.Properties)
                    {
                        var read = Local(p) + " = " + ReadMember(p) + ";";
                        var test = keyword + " (" + c + ".Is(ref reader, " + Naming.Utf8Literal(p.JsonName) + ", ref property)) ";
                        w.Line(test + (p.Required ? "{ has" + p.Name + " = true; " + read + " }" : read));
                        keyword = "else if";
                    }

                    if (keyword == "if")
                    {
                        Unknown(w, type);
                    }
                    else
                    {
                        using (w.Block("else"))
                        {
                            Unknown(w, type);
                        }
                    }
                }
            }

            using (w.Block("catch (System.Text.Json.JsonException e) when (!property.IsEmpty)"))
            {
                w.Line("throw " + c + ".At(\"" + type.Name + "\", property, e);");
            }

            foreach (var p in type.Properties.Where(p => p.Required))
            {
                w.Line("if (!has" + p.Name + ") throw " + c + ".Missing(\"" + type.Name + "\", " + Naming.Literal(p.JsonName) + ");");
            }

            w.Open("return new " + _names.Named(type.Name));
            foreach (var p in type.Properties)
            {
                var value = Local(p);
                if (p.Required && !p.Nullable)
                {
                    value += p.Type.IsValueType ? ".GetValueOrDefault()" : "!";
                }

                w.Line(p.Name + " = " + value + "," + (p.NullDiffersFromAbsent ? " " + ExplicitNull(p) + " = " + Local(p) + "Null," : string.Empty));
            }

            if (type.CapturesUnknownProperties)
            {
                w.Line("AdditionalProperties = additional,");
            }

            w.Close(";");
        }
    }

    /// <summary>The expression that reads a member's value; a member that may be null also notes an explicit null.</summary>
    private string ReadMember(PropertyModel p)
    {
        if (p.Required && !p.Nullable)
        {
            return _names.Read(p.Type);
        }

        var isNull = p.NullDiffersFromAbsent ? "out " + Local(p) + "Null" : "out _";
        if (TypeNames.IsScalar(p.Type))
        {
            return _names.Codec + ".Read" + p.Type.Kind + "OrNull(ref reader, " + isNull + ")";
        }

        // An extensible enum converts from a string, so a bare null would become one: name the nullable type.
        var none = p.Type.Kind == TypeRefKind.Named && p.Type.IsValueType ? "default(" + _names.Nullable(p.Type) + ")" : "null";
        return _names.Codec + ".IsNull(ref reader" + (p.NullDiffersFromAbsent ? ", " + isNull : string.Empty) + ") ? " + none + " : " + _names.Read(p.Type);
    }

    private void Unknown(SourceWriter w, TypeModel type)
    {
        if (type.CapturesUnknownProperties)
        {
            w.Line(_names.Codec + ".ReadAdditional(ref reader, ref additional, ref property, " + _names.ReadFunc(type.AdditionalProperties!) + ");");
        }
        else
        {
            // Unknown properties are skipped: a server may add fields without breaking its clients.
            w.Line("reader.Read();");
            w.Line("reader.Skip();");
        }
    }

    private void EmitObjectWrite(SourceWriter w, TypeModel type)
    {
        using (w.Block("public static void WriteValue(System.Text.Json.Utf8JsonWriter writer, " + _names.Named(type.Name) + " value)"))
        {
            w.Line("writer.WriteStartObject();");
            foreach (var p in type.Properties)
            {
                var access = "value." + p.Name;
                var name = Naming.Utf8Literal(p.JsonName);
                if (TypeNames.IsScalar(p.Type))
                {
                    var orNull = p.Required ? "true" : p.NullDiffersFromAbsent ? "value." + ExplicitNull(p) : "false";
                    w.Line(_names.Codec + ".WriteMember(writer, " + name + ", " + access + ", " + orNull + ");");
                    continue;
                }

                if (p.Required && !p.Nullable)
                {
                    w.Line("writer.WritePropertyName(" + name + "); " + _names.Write(p.Type, "writer", access) + ";");
                    continue;
                }

                var present = access + (p.Type.IsValueType ? ".HasValue" : " is not null");
                var item = access + (p.Type.IsValueType ? ".Value" : string.Empty);
                var line = "if (" + present + ") { writer.WritePropertyName(" + name + "); " + _names.Write(p.Type, "writer", item) + "; }";
                if (p.Required || p.NullDiffersFromAbsent)
                {
                    line += (p.Required ? " else" : " else if (value." + ExplicitNull(p) + ")") + " writer.WriteNull(" + name + ");";
                }

                w.Line(line);
            }

            if (type.CapturesUnknownProperties)
            {
                var declared = type.Properties.Count == 0 ? "static _ => false" : "static key => key is " + string.Join(" or ", type.Properties.Select(p => Naming.Literal(p.JsonName)));
                w.Line(_names.Codec + ".WriteAdditional(writer, value.AdditionalProperties, " + declared + ", " + _names.WriteFunc(type.AdditionalProperties!) + ");");
            }

            w.Line("writer.WriteEndObject();");
        }
    }

    /// <summary>The flag that sends an optional nullable member as an explicit null.</summary>
    private static string ExplicitNull(PropertyModel p) => p.Name + "IsExplicitNull";

    private static string Local(PropertyModel p) => "_" + char.ToLowerInvariant(p.Name[0]) + p.Name.Substring(1);

    // ---- extensible enums ----

    private void EmitEnum(SourceWriter w, TypeModel type)
    {
        var self = _names.Named(type.Name);
        w.Summary(type.Description, type.Name + ", from the schema at " + type.SchemaPointer + ".");
        w.Line("/// <remarks>An extensible enum: values the API adds later are kept, not rejected; <see cref=\"IsKnown\"/> tells them apart.</remarks>");
        Attributes(w, type);
        using (w.Block("public readonly partial struct " + type.Name + " : System.IEquatable<" + self + ">"))
        {
            // A value may be named System: an expression below spells the framework's namespace in full (Emitter.SystemAlias).
            w.Line("private readonly string? _value;");
            w.Line();
            w.Summary("Creates a value; any string is allowed, known or not.");
            w.Line("public " + type.Name + "(string value) => _value = value ?? throw new System.ArgumentNullException(nameof(value));");
            foreach (var m in type.EnumMembers)
            {
                w.Line();
                w.Summary("The value \"" + m.Value + "\".");
                w.Line("public static " + self + " " + m.Name + " { get; } = new " + self + "(" + Naming.Literal(m.Value) + ");");
            }

            w.Line();
            w.Summary("The values the API description lists.");
            w.Line("public static System.Collections.Generic.IReadOnlyList<" + self + "> KnownValues { get; } = new " + self + "[] { " + string.Join(", ", type.EnumMembers.Select(m => m.Name)) + " };");
            w.Line();
            w.Summary("The value as it appears on the wire.");
            w.Line("public string Value => _value ?? string.Empty;");
            w.Line();
            w.Summary("Whether the value is one the API description lists.");
            w.Line(type.EnumMembers.Count == 0
                ? "public bool IsKnown => false;"
                : "public bool IsKnown => Value is " + string.Join(" or ", type.EnumMembers.Select(m => Naming.Literal(m.Value))) + ";");
            w.Line();
            w.Line("public static implicit operator " + self + "(string value) => new " + self + "(value);");
            w.Line();
            w.Line("public static bool operator ==(" + self + " left, " + self + " right) => left.Equals(right);");
            w.Line();
            w.Line("public static bool operator !=(" + self + " left, " + self + " right) => !left.Equals(right);");
            w.Line();
            w.Line("public bool Equals(" + self + " other) => string.Equals(Value, other.Value, " + Emitter.GlobalSystem + ".StringComparison.Ordinal);");
            w.Line();
            w.Line("public override bool Equals(object? obj) => obj is " + self + " other && Equals(other);");
            w.Line();
            w.Line("public override int GetHashCode() => " + Emitter.GlobalSystem + ".StringComparer.Ordinal.GetHashCode(Value);");
            w.Line();
            w.Line("public override string ToString() => Value;");
        }

        w.Line();
        ConverterHeader(w, type);
        using (w.Block("public static " + self + " ReadValue(ref System.Text.Json.Utf8JsonReader reader)"))
        {
            w.Line("return new " + self + "(" + _names.Codec + ".ReadString(ref reader));");
        }

        w.Line();
        using (w.Block("public static void WriteValue(System.Text.Json.Utf8JsonWriter writer, " + self + " value)"))
        {
            w.Line("writer.WriteStringValue(value.Value);");
        }

        w.Close();
    }

    // ---- unions ----

    private void EmitUnion(SourceWriter w, TypeModel type)
    {
        var self = _names.Named(type.Name);
        w.Summary(type.Description, type.Name + ", from the schema at " + type.SchemaPointer + ".");
        w.Line("/// <remarks>Exactly one of: " + string.Join(", ", type.UnionCases.Select(c => c.Name)) + ".</remarks>");
        Attributes(w, type);
        using (w.Block("public sealed partial class " + type.Name))
        {
            w.Line("private readonly int _case;");
            w.Line("private readonly object _value;");
            w.Line();
            w.Line("private " + type.Name + "(int @case, object value)");
            w.Line("{");
            w.Line("    _case = @case;");
            w.Line("    _value = value;");
            w.Line("}");
            w.Line();
            w.Summary("The value of whichever case this is.");
            w.Line("public object Value => _value;");
            var i = 0;
            foreach (var @case in type.UnionCases)
            {
                i++;
                var caseType = _names.Of(@case.Type);
                w.Line();
                w.Summary("Creates the " + @case.Name + " case.");
                var guard = @case.Type.IsValueType ? "value" : "value ?? throw new System.ArgumentNullException(nameof(value))";
                w.Line("public static " + self + " From" + @case.Name + "(" + caseType + " value) => new " + self + "(" + i + ", " + guard + ");");
                w.Line();
                w.Summary("Whether this is the " + @case.Name + " case.");
                w.Line("public bool Is" + @case.Name + " => _case == " + i + ";");
                w.Line();
                w.Summary("The " + @case.Name + " case, or null when this is another case.");
                w.Line("public " + caseType + "? As" + @case.Name + " => _case == " + i + " ? (" + caseType + ")_value : default(" + caseType + "?);");
            }
        }

        w.Line();
        ConverterHeader(w, type);
        using (w.Block("public static " + self + " ReadValue(ref System.Text.Json.Utf8JsonReader reader)"))
        {
            if (type.DiscriminatorProperty is { } discriminator && type.UnionCases.Any(c => c.DiscriminatorValues.Count > 0))
            {
                w.Line("var kind = " + _names.Codec + ".PeekString(reader, " + Naming.Utf8Literal(discriminator) + ");");
                w.Line("switch (kind)");
                w.Line("{");
                var i = 0;
                foreach (var @case in type.UnionCases)
                {
                    i++;
                    if (@case.DiscriminatorValues.Count == 0)
                    {
                        continue;
                    }

                    w.Line("    case " + string.Join(" or ", @case.DiscriminatorValues.Select(Naming.Literal)) + ":");
                    w.Line("        return " + _names.Qualified(type.Name) + ".From" + @case.Name + "(" + _names.Read(@case.Type) + ");");
                }

                w.Line("    default:");
                w.Line("        throw new System.Text.Json.JsonException(\"" + type.Name + ": the value of '" + discriminator + "' \" + (kind is null ? \"is missing\" : \"'\" + kind + \"' is unknown\") + \"; expected one of " + SafeInString(string.Join(", ", type.UnionCases.SelectMany(c => c.DiscriminatorValues))) + ".\");");
                w.Line("}");
            }
            else
            {
                EmitUnionProbe(w, type);
            }
        }

        w.Line();
        using (w.Block("public static void WriteValue(System.Text.Json.Utf8JsonWriter writer, " + self + " value)"))
        {
            var i = 0;
            foreach (var @case in type.UnionCases)
            {
                i++;
                using (w.Block("if (value.Is" + @case.Name + ")"))
                {
                    w.Line(_names.Write(@case.Type, "writer", "(" + _names.Of(@case.Type) + ")value.Value") + ";");
                    w.Line("return;");
                }
            }

            w.Line("throw new System.InvalidOperationException(\"" + type.Name + " holds no case.\");");
        }

        w.Close();
    }

    private void EmitUnionProbe(SourceWriter w, TypeModel type)
    {
        var self = _names.Named(type.Name);
        {
            // No discriminator: the first case whose shape matches and that reads without error.
            w.Line("System.Text.Json.JsonException? last = null;");
            foreach (var @case in type.UnionCases)
            {
                var check = TypeNames.TokenCheck(@case.Type, name => _types.TryGetValue(name, out var t) ? t.Kind : null);
                using (w.Block(check is null ? "if (true)" : "if (reader.TokenType is " + check + ")"))
                {
                    w.Line("var attempt = reader;");
                    using (w.Block("try"))
                    {
                        w.Line("var value = " + _names.Read(@case.Type, "attempt") + ";");
                        w.Line("reader = attempt;");
                        w.Line("return " + _names.Qualified(type.Name) + ".From" + @case.Name + "(value);");
                    }

                    using (w.Block("catch (System.Text.Json.JsonException e)"))
                    {
                        w.Line("last = e;");
                    }
                }
            }

            w.Line("throw new System.Text.Json.JsonException(\"" + type.Name + ": the JSON matches none of " + string.Join(", ", type.UnionCases.Select(c => c.Name)) + ".\", last);");
        }
    }

    private static string SafeInString(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");

    // ---- shared ----

    private void Attributes(SourceWriter w, TypeModel type)
    {
        w.Line(Emitter.GeneratedCodeAttribute);
        if (type.Deprecated)
        {
            w.Line(Emitter.ObsoleteAttribute);
        }

        w.Line("[System.Text.Json.Serialization.JsonConverter(typeof(" + _names.Converter(type.Name) + "))]");
    }

    // Every converter has the same members; they are documented once, on the class, rather than on each of them.
    private void ConverterHeader(SourceWriter w, TypeModel type)
    {
        var self = _names.Named(type.Name);
        w.Line("/// <summary>Reads and writes <see cref=\"" + type.Name + "\"/> as JSON, without reflection.</summary>");
        w.Line(Emitter.GeneratedCodeAttribute);
        w.Open("public sealed class " + type.Name + "JsonConverter : System.Text.Json.Serialization.JsonConverter<" + self + ">");
        w.Line("public static " + type.Name + "JsonConverter Instance { get; } = new " + type.Name + "JsonConverter();");
        w.Line();
        w.Line("public override " + self + " Read(ref System.Text.Json.Utf8JsonReader reader, System.Type typeToConvert, System.Text.Json.JsonSerializerOptions options) => ReadValue(ref reader);");
        w.Line();
        w.Line("public override void Write(System.Text.Json.Utf8JsonWriter writer, " + self + " value, System.Text.Json.JsonSerializerOptions options) => WriteValue(writer, value);");
        w.Line();
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Kernel.Contracts.Generator.Model;

namespace Kernel.Contracts.Generator.Emitting;

/// <summary>
/// Emits <c>{Api}SchemaValidator</c>: checks a JSON value against a schema of the document (types, required,
/// unknown members of closed objects, lengths, patterns, ranges, item counts, enums, formats) and reports
/// every violation with the member's path and the rule. Server stubs validate request bodies with it.
/// </summary>
internal sealed class ValidatorEmitter
{
    private readonly ApiModel _api;
    private readonly Dictionary<string, TypeModel> _types;
    private readonly PatternTable _patterns = new();
    private int _depth;

    public ValidatorEmitter(ApiModel api)
    {
        _api = api;
        _types = api.Types.ToDictionary(t => t.Name);
    }

    public string ClassName => _api.ApiName + "SchemaValidator";

    public string Emit()
    {
        var body = new SourceWriter();
        foreach (var type in _api.Types.OrderBy(t => t.Name, System.StringComparer.Ordinal))
        {
            EmitType(body, type);
        }

        var w = Emitter.Start(_api.Namespace);
        w.Line("/// <summary>Checks JSON against the schemas of " + SourceWriter.Escape(_api.Title) + "; each violation names the member and the rule.</summary>");
        w.Line(Emitter.GeneratedCodeAttribute);
        using (w.Block("public static partial class " + ClassName))
        {
            _patterns.EmitFields(w, withTimeout: true);

            w.Lines(body.ToString().TrimEnd('\n'));
        }

        return w.ToString();
    }

    private void EmitType(SourceWriter w, TypeModel type)
    {
        w.Line("/// <summary>Checks a value against the schema of <see cref=\"" + type.Name + "\"/>.</summary>");
        using (w.Block("public static void Validate" + type.Name + "(System.Text.Json.JsonElement value, string path, System.Collections.Generic.ICollection<" + _names.Named("ValidationError") + "> errors)"))
        {
            switch (type.Kind)
            {
                case TypeModelKind.Enum:
                    var values = type.EnumMembers.Select(m => Naming.Literal(m.Value)).ToList();
                    w.Line("if (value.ValueKind != System.Text.Json.JsonValueKind.String) { errors.Add(new(path, \"must be a string\")); return; }");
                    if (values.Count > 0)
                    {
                        w.Line("if (value.GetString() is not (" + string.Join(" or ", values) + ")) errors.Add(new(path, " + Naming.Literal("must be one of " + string.Join(", ", type.EnumMembers.Select(m => m.Value))) + "));");
                    }

                    break;
                case TypeModelKind.Union:
                    EmitUnion(w, type);
                    break;
                default:
                    EmitObject(w, type);
                    break;
            }
        }

        w.Line();
    }

    private TypeNames _names => new(_api.Namespace);

    private void EmitObject(SourceWriter w, TypeModel type)
    {
        w.Line("if (value.ValueKind != System.Text.Json.JsonValueKind.Object) { errors.Add(new(path, \"must be an object\")); return; }");
        foreach (var p in type.Properties.Where(p => p.Required))
        {
            w.Line("var has" + p.Name + " = false;");
        }

        using (w.Block("foreach (var member in value.EnumerateObject())"))
        {
            w.Line("var memberPath = SchemaChecks.Join(path, member.Name);");
            w.Line("switch (member.Name)");
            w.Line("{");
            foreach (var p in type.Properties)
            {
                w.Line("    case " + Naming.Literal(p.JsonName) + ":");
                if (p.Required)
                {
                    w.Line("        has" + p.Name + " = true;");
                }

                // An optional member may be null only when the schema allows null; absent is always fine.
                foreach (var line in Check(p.Type, p.Constraints, p.Nullable, "member.Value", "memberPath"))
                {
                    w.Line("        " + line);
                }

                w.Line("        break;");
            }

            w.Line("    default:");
            if (type.AdditionalProperties is { } extra)
            {
                foreach (var line in Check(extra, Constraints.None, extra.Kind == TypeRefKind.Any, "member.Value", "memberPath"))
                {
                    w.Line("        " + line);
                }
            }
            else if (type.Closed)
            {
                w.Line("        errors.Add(new(memberPath, \"is not a member of " + type.Name + " (unknown members are not allowed)\"));");
            }

            w.Line("        break;");
            w.Line("}");
        }

        foreach (var p in type.Properties.Where(p => p.Required))
        {
            w.Line("if (!has" + p.Name + ") errors.Add(new(SchemaChecks.Join(path, " + Naming.Literal(p.JsonName) + "), \"is required\"));");
        }
    }

    private void EmitUnion(SourceWriter w, TypeModel type)
    {
        if (type.DiscriminatorProperty is { } discriminator && type.UnionCases.Any(c => c.DiscriminatorValues.Count > 0))
        {
            w.Line("if (value.ValueKind != System.Text.Json.JsonValueKind.Object) { errors.Add(new(path, \"must be an object\")); return; }");
            w.Line("var kind = value.TryGetProperty(" + Naming.Literal(discriminator) + ", out var d) && d.ValueKind == System.Text.Json.JsonValueKind.String ? d.GetString() : null;");
            w.Line("switch (kind)");
            w.Line("{");
            foreach (var c in type.UnionCases.Where(c => c.DiscriminatorValues.Count > 0))
            {
                w.Line("    case " + string.Join(" or ", c.DiscriminatorValues.Select(Naming.Literal)) + ":");
                foreach (var line in Check(c.Type, Constraints.None, false, "value", "path"))
                {
                    w.Line("        " + line);
                }

                w.Line("        break;");
            }

            w.Line("    default:");
            w.Line("        errors.Add(new(SchemaChecks.Join(path, " + Naming.Literal(discriminator) + "), " + Naming.Literal("must be one of " + string.Join(", ", type.UnionCases.SelectMany(c => c.DiscriminatorValues))) + "));");
            w.Line("        break;");
            w.Line("}");
            return;
        }

        // Without a discriminator: valid when some case accepts the value.
        w.Line("var attempt = new System.Collections.Generic.List<" + _names.Named("ValidationError") + ">();");
        foreach (var c in type.UnionCases)
        {
            w.Line("attempt.Clear();");
            foreach (var line in Check(c.Type, Constraints.None, false, "value", "path", "attempt"))
            {
                w.Line(line);
            }

            w.Line("if (attempt.Count == 0) return;");
        }

        w.Line("errors.Add(new(path, " + Naming.Literal("matches none of " + string.Join(", ", type.UnionCases.Select(c => c.Name))) + "));");
    }

    /// <summary>Statements that check <paramref name="value"/> (a JsonElement expression) against a type and its constraints.</summary>
    private IEnumerable<string> Check(TypeRef type, Constraints c, bool nullable, string value, string path, string errors = "errors")
    {
        var nullCheck = "if (" + value + ".ValueKind == System.Text.Json.JsonValueKind.Null) { " + (nullable ? string.Empty : errors + ".Add(new(" + path + ", \"must not be null\")); ") + "}";
        yield return nullCheck;
        var call = type.Kind switch
        {
            TypeRefKind.String => "SchemaChecks.String(" + value + ", " + path + ", " + NumberLiterals.Int(c.MinLength) + ", " + NumberLiterals.Int(c.MaxLength) + ", " + _patterns.Field(c.Pattern) + ", " + Naming.Literal(c.Format) + ", " + errors + ")",
            TypeRefKind.DateTimeOffset or TypeRefKind.DateOnly or TypeRefKind.Guid or TypeRefKind.Uri or TypeRefKind.TimeSpan or TypeRefKind.Bytes
                => "SchemaChecks.String(" + value + ", " + path + ", " + NumberLiterals.Int(c.MinLength) + ", " + NumberLiterals.Int(c.MaxLength) + ", " + _patterns.Field(c.Pattern) + ", " + Naming.Literal(FormatOf(type.Kind, c.Format)) + ", " + errors + ")",
            TypeRefKind.Boolean => "SchemaChecks.Boolean(" + value + ", " + path + ", " + errors + ")",
            TypeRefKind.Int32 or TypeRefKind.Int64 => "SchemaChecks.Number(" + value + ", " + path + ", true, " + NumberLiterals.Decimal(c.Minimum) + ", " + (c.ExclusiveMinimum ? "true" : "false") + ", " + NumberLiterals.Decimal(c.Maximum) + ", " + (c.ExclusiveMaximum ? "true" : "false") + ", " + errors + ")",
            TypeRefKind.Double or TypeRefKind.Single or TypeRefKind.Decimal => "SchemaChecks.Number(" + value + ", " + path + ", false, " + NumberLiterals.Decimal(c.Minimum) + ", " + (c.ExclusiveMinimum ? "true" : "false") + ", " + NumberLiterals.Decimal(c.Maximum) + ", " + (c.ExclusiveMaximum ? "true" : "false") + ", " + errors + ")",
            TypeRefKind.Named => "Validate" + type.Name + "(" + value + ", " + path + ", " + errors + ")",
            TypeRefKind.Array => ArrayCheck(type, c, value, path, errors),
            TypeRefKind.Map => MapCheck(type, value, path, errors),
            _ => null,
        };
        if (call is not null)
        {
            yield return "else " + call + ";";
        }
    }

    private string ArrayCheck(TypeRef type, Constraints c, string value, string path, string errors)
    {
        var d = ++_depth;
        var inner = string.Join(" ", Check(type.Element!, type.ElementConstraints ?? Constraints.None, false, "item" + d, "itemPath" + d, "errs" + d));
        _depth--;
        return "SchemaChecks.Array(" + value + ", " + path + ", " + NumberLiterals.Int(c.MinItems) + ", " + NumberLiterals.Int(c.MaxItems) + ", " + errors + ", static (item" + d + ", itemPath" + d + ", errs" + d + ") => { " + inner + " })";
    }

    private string MapCheck(TypeRef type, string value, string path, string errors)
    {
        var d = ++_depth;
        var inner = string.Join(" ", Check(type.Element!, type.ElementConstraints ?? Constraints.None, false, "item" + d, "itemPath" + d, "errs" + d));
        _depth--;
        return "SchemaChecks.Map(" + value + ", " + path + ", " + errors + ", static (item" + d + ", itemPath" + d + ", errs" + d + ") => { " + inner + " })";
    }

    private static string FormatOf(TypeRefKind kind, string? format) => kind switch
    {
        TypeRefKind.DateTimeOffset => "date-time",
        TypeRefKind.DateOnly => "date",
        TypeRefKind.Guid => "uuid",
        TypeRefKind.Uri => "uri",
        TypeRefKind.Bytes when format == "byte" => "byte",
        _ => format ?? string.Empty,
    };

    public static string Checks(ApiModel api)
    {
        var w = Emitter.Start(api.Namespace);
        w.Lines(SupportFiles.Types("Validation/SchemaChecks.cs", api.Namespace));
        return w.ToString();
    }
}

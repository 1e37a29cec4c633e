using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Kernel.Contracts.Generator.Model;

namespace Kernel.Contracts.Generator.Emitting;

/// <summary>
/// Emits Bogus fakers that honour the schemas: required/optional/nullable, enums, formats, lengths, ranges,
/// patterns, item counts and nested objects; deterministic for a seed. <c>{Api}Fakers.X(faker)</c> makes one
/// value; <c>XFaker : Faker&lt;X&gt;</c> is the familiar Bogus entry point (<c>RuleFor</c> overrides a field).
/// </summary>
internal sealed class FakerEmitter
{
    private const string F = "global::Bogus.Faker";

    private readonly ApiModel _api;
    private readonly TypeNames _names;
    private readonly Dictionary<string, TypeModel> _types;
    private readonly PatternTable _patterns = new();

    public FakerEmitter(ApiModel api)
    {
        _api = api;
        _names = new TypeNames(api.Namespace);
        _types = api.Types.ToDictionary(t => t.Name);
    }

    private string Fakers => _api.ApiName + "Fakers";

    public IEnumerable<GeneratedFile> Emit()
    {
        yield return new GeneratedFile(_api.ApiName + ".Fakers.g.cs", Values());
        yield return new GeneratedFile(_api.ApiName + ".Fakers.Support.g.cs", Support());
    }

    private string Values()
    {
        var body = new SourceWriter();
        foreach (var type in _api.Types.OrderBy(t => t.Name, System.StringComparer.Ordinal))
        {
            EmitValue(body, type);
        }

        var w = Emitter.Start(_api.Namespace);
        w.Line("/// <summary>Values for every DTO of " + SourceWriter.OneLine(_api.Title) + " that validate against their schemas; deterministic for a seeded faker.</summary>");
        w.Line(Emitter.GeneratedCodeAttribute);
        using (w.Block("public static partial class " + Fakers))
        {
            _patterns.EmitFields(w, withTimeout: false);
            w.Line("/// <summary>Beyond this depth optional members are left out and arrays are empty, so recursive schemas end.</summary>");
            w.Line("public const int MaxDepth = 4;");
            w.Line();
            w.Lines(body.ToString().TrimEnd('\n'));
        }

        // Faker<T> needs a class: extensible enums (structs) have only the static maker.
        foreach (var type in _api.Types.Where(t => t.Kind != TypeModelKind.Enum).OrderBy(t => t.Name, System.StringComparer.Ordinal))
        {
            w.Line();
            w.Line("/// <summary>A Bogus <c>Faker&lt;" + type.Name + "&gt;</c> whose instances validate against the schema; <c>RuleFor</c> overrides single members.</summary>");
            w.Line(Emitter.GeneratedCodeAttribute);
            using (w.Block("public sealed partial class " + type.Name + "Faker : global::Bogus.Faker<" + _names.Named(type.Name) + ">"))
            {
                w.Line("/// <summary>A faker with a random seed.</summary>");
                w.Line("public " + type.Name + "Faker()");
                w.Line("    : this(null)");
                w.Line("{");
                w.Line("}");
                w.Line();
                w.Line("/// <summary>A faker that makes the same values for the same seed.</summary>");
                using (w.Block("public " + type.Name + "Faker(int? seed)"))
                {
                    w.Line("if (seed is int value) UseSeed(value);");
                    w.Line("CustomInstantiator(f => " + Fakers + "." + type.Name + "(f));");
                }
            }
        }

        return w.ToString();
    }

    private void EmitValue(SourceWriter w, TypeModel type)
    {
        var self = _names.Named(type.Name);
        w.Line("/// <summary>A valid <see cref=\"" + type.Name + "\"/>.</summary>");
        using (w.Block("public static " + self + " " + type.Name + "(" + F + " f, int depth = 0)"))
        {
            switch (type.Kind)
            {
                case TypeModelKind.Enum:
                    w.Line(type.EnumMembers.Count == 0 ? "return new " + self + "(f.Lorem.Word());" : "return f.PickRandom<" + self + ">(" + self + ".KnownValues);");
                    break;
                case TypeModelKind.Union:
                    w.Line("switch (f.Random.Int(0, " + (type.UnionCases.Count - 1).ToString(CultureInfo.InvariantCulture) + "))");
                    w.Line("{");
                    var i = 0;
                    foreach (var c in type.UnionCases)
                    {
                        w.Line(i == type.UnionCases.Count - 1 ? "    default:" : "    case " + i + ":");
                        var value = Value(c.Type, Constraints.None, "depth + 1");
                        if (type.DiscriminatorProperty is { } d && c.DiscriminatorValues.Count > 0 && c.Type.Kind == TypeRefKind.Named
                            && _types.TryGetValue(c.Type.Name!, out var caseType) && caseType.Properties.FirstOrDefault(p => p.JsonName == d) is { } property && property.Type.Kind == TypeRefKind.String)
                        {
                            // The case's discriminator member must carry the value that selects it.
                            value = "(" + value + ") with { " + property.Name + " = " + Naming.Literal(c.DiscriminatorValues[0]) + " }";
                        }

                        w.Line("        return " + self + ".From" + c.Name + "(" + value + ");");
                        i++;
                    }

                    w.Line("}");
                    break;
                default:
                    w.Open("return new " + self);
                    foreach (var p in type.Properties)
                    {
                        var value = Value(p.Type, p.Constraints, "depth + 1");
                        if (!p.Required)
                        {
                            value = "depth < MaxDepth && f.Random.Bool(0.8f) ? " + value + " : " + Null(p.Type);
                        }
                        else if (p.Nullable)
                        {
                            value = "f.Random.Bool(0.9f) ? " + value + " : " + Null(p.Type);
                        }

                        w.Line(p.Name + " = " + value + ",");
                    }

                    w.Close(";");
                    break;
            }
        }

        w.Line();
    }

    private string Null(TypeRef type) => "default(" + _names.Nullable(type) + ")";

    /// <summary>An expression for a valid value of the type, given faker <c>f</c>.</summary>
    private string Value(TypeRef type, Constraints c, string depth)
    {
        var min = c.Minimum is null ? "null" : NumberLiterals.Decimal(c.Minimum);
        var max = c.Maximum is null ? "null" : NumberLiterals.Decimal(c.Maximum);
        var range = min + ", " + (c.ExclusiveMinimum ? "true" : "false") + ", " + max + ", " + (c.ExclusiveMaximum ? "true" : "false");
        return type.Kind switch
        {
            TypeRefKind.String => "FakerSupport.Text(f, " + NumberLiterals.Int(c.MinLength) + ", " + NumberLiterals.Int(c.MaxLength) + ", " + _patterns.Field(c.Pattern) + ", " + Naming.Literal(c.Format) + ")",
            TypeRefKind.Boolean => "f.Random.Bool()",
            TypeRefKind.Int32 => "(int)FakerSupport.Number(f, true, " + range + ", int.MinValue, int.MaxValue)",
            TypeRefKind.Int64 => "(long)FakerSupport.Number(f, true, " + range + ", long.MinValue, long.MaxValue)",
            TypeRefKind.Double => "(double)FakerSupport.Number(f, false, " + range + ", -1e9m, 1e9m)",
            TypeRefKind.Single => "(float)FakerSupport.Number(f, false, " + range + ", -1e6m, 1e6m)",
            TypeRefKind.Decimal => "FakerSupport.Number(f, false, " + range + ", -1e9m, 1e9m)",
            TypeRefKind.DateTimeOffset => "new System.DateTimeOffset(f.Date.Recent(30, new System.DateTime(2026, 1, 1, 0, 0, 0, System.DateTimeKind.Utc)).Ticks / System.TimeSpan.TicksPerSecond * System.TimeSpan.TicksPerSecond, System.TimeSpan.Zero)",
            TypeRefKind.DateOnly => "System.DateOnly.FromDateTime(f.Date.Past(5, new System.DateTime(2026, 1, 1)))",
            TypeRefKind.TimeSpan => "System.TimeSpan.FromSeconds(f.Random.Int(0, 86400))",
            TypeRefKind.Guid => "f.Random.Guid()",
            TypeRefKind.Uri => "new System.Uri(f.Internet.UrlWithPath(\"https\"))",
            TypeRefKind.Bytes => "f.Random.Bytes(f.Random.Int(1, 16))",
            TypeRefKind.Any => "FakerSupport.Any(f)",
            TypeRefKind.Named => Fakers + "." + type.Name + "(f, " + depth + ")",
            TypeRefKind.Array => "FakerSupport.List(f, " + NumberLiterals.Int(c.MinItems) + ", " + NumberLiterals.Int(c.MaxItems) + ", " + depth + ", static (f, depth) => " + Value(type.Element!, type.ElementConstraints ?? Constraints.None, "depth") + ")",
            TypeRefKind.Map => "FakerSupport.Map(f, " + depth + ", static (f, depth) => " + Value(type.Element!, type.ElementConstraints ?? Constraints.None, "depth") + ")",
            _ => "default!",
        };
    }

    private string Support()
    {
        var w = Emitter.Start(_api.Namespace);
        w.Lines(SupportFiles.Types("Fakers/FakerSupport.cs", _api.Namespace));
        w.Line();
        w.Lines(SupportFiles.Types("Fakers/PatternSampler.cs", _api.Namespace));
        return w.ToString();
    }
}

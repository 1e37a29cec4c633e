using System.Linq;
using Kernel.Contracts.Generator.Model;

namespace Kernel.Contracts.Generator.Emitting;

/// <summary>The support types every generated API gets in its namespace: JSON helpers, the problem type, the exception.</summary>
internal static class SupportEmitter
{
    public static string JsonCodec(ApiModel api)
    {
        var w = Emitter.Start(api.Namespace);
        w.Lines(JsonCodecScalars.Types(JsonCodecScalars.Used(api), api.Namespace));
        return w.ToString();
    }

    public static string Resolver(ApiModel api)
    {
        // Every name here is a type or a converter, which no member of the resolver can shadow.
        var names = new TypeNames(api.Namespace, qualified: false);
        var w = Emitter.Start(api.Namespace);
        w.Summary("Type metadata for every DTO of " + api.Title + ", built on the generated converters: no reflection, trim- and AOT-safe.");
        w.Line("/// <example><code>var options = new JsonSerializerOptions { TypeInfoResolver = " + api.ApiName + "JsonTypeInfoResolver.Instance };</code></example>");
        w.Line(Emitter.GeneratedCodeAttribute);
        using (w.Block("public sealed class " + api.ApiName + "JsonTypeInfoResolver : System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver"))
        {
            w.Summary("The shared instance.");
            w.Line("public static " + api.ApiName + "JsonTypeInfoResolver Instance { get; } = new " + api.ApiName + "JsonTypeInfoResolver();");
            w.Line();
            w.Summary("Options that use only this resolver.");
            w.Line("public static System.Text.Json.JsonSerializerOptions Options { get; } = new System.Text.Json.JsonSerializerOptions { TypeInfoResolver = Instance };");
            w.Line();
            w.Line("/// <inheritdoc/>");
            using (w.Block("public System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(System.Type type, System.Text.Json.JsonSerializerOptions options)"))
            {
                foreach (var name in api.Types.Select(t => t.Name).OrderBy(n => n, System.StringComparer.Ordinal).Append("ApiProblem"))
                {
                    w.Line("if (type == typeof(" + names.Named(name) + ")) return Info(options, " + names.Converter(name) + ".Instance);");
                }

                w.Line("return null;");
            }

            w.Line();
            w.Line("private static System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> Info<T>(System.Text.Json.JsonSerializerOptions options, System.Text.Json.Serialization.JsonConverter<T> converter) =>");
            w.Line("    System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<T>(options, converter);");
        }

        return w.ToString();
    }

    public static string Problem(ApiModel api)
    {
        var w = Emitter.Start(api.Namespace);
        w.Lines(SupportFiles.Types("Json/ApiProblem.cs", api.Namespace));
        return w.ToString();
    }

    public static string Exception(ApiModel api)
    {
        var w = Emitter.Start(api.Namespace);
        w.Line("/// <summary>");
        w.Line("/// Thrown when the " + SourceWriter.Escape(api.Title) + " answers with a status the operation does not document as a success,");
        w.Line("/// or with a body that does not match the API description.");
        w.Line("/// </summary>");
        w.Lines(SupportFiles.Types("Client/ApiException.cs", api.Namespace));
        return w.ToString();
    }
}

using System.Collections.Generic;
using System.Linq;
using Kernel.Contracts.Generator.Model;

namespace Kernel.Contracts.Generator.Emitting;

/// <summary>One generated file: its hint name and text.</summary>
internal sealed record GeneratedFile(string HintName, string Text);

/// <summary>
/// Facts about the consuming compilation that change what is emitted. <paramref name="NullableWarnings"/> is the
/// project's <c>KernelContractsNullableWarnings</c>: the generated code checked by the compiler's nullable analysis too.
/// </summary>
internal sealed record CompilationFacts(bool HasHttpClientFactory, bool HasAspNetCore, bool HasBogus = false, bool NullableWarnings = false);

/// <summary>Turns an <see cref="ApiModel"/> into source files. Output depends only on its inputs, so it is deterministic.</summary>
internal static class Emitter
{
    /// <summary>The package version, written by the build from the one <c>Version</c> in Directory.Build.props.</summary>
    public const string Version = ThisPackage.Version;
    public const string ObsoleteAttribute = "[System.Obsolete(\"Deprecated in the API description.\")]";
    public const string GeneratedCodeAttribute = "[System.CodeDom.Compiler.GeneratedCode(\"Kernel.Contracts.Generator\", \"" + Version + "\")]";

    /// <summary>
    /// The nullable context of every generated file: annotated (a consumer sees <c>string?</c> and <c>string</c>), but not
    /// analysed again in each consumer's build, where the analysis was a fifth of the time the compiler spent on a client
    /// (System.Text.Json's generator does the same). This project's tests and corpus build run it (<see cref="CheckedNullableContext"/>).
    /// </summary>
    public const string NullableContext = "#nullable enable annotations\n#nullable disable warnings";

    /// <summary>The nullable context with <see cref="CompilationFacts.NullableWarnings"/>: annotated and analysed.</summary>
    public const string CheckedNullableContext = "#nullable enable";

    public static IEnumerable<GeneratedFile> Emit(ApiModel api, CompilationFacts facts) =>
        facts.NullableWarnings ? Files(api, facts).Select(f => f with { Text = Checked(f.Text) }) : Files(api, facts);

    // Only the header's line is replaced: it is in every file, before anything else that could read the same.
    private static string Checked(string text)
    {
        var at = text.IndexOf(NullableContext, System.StringComparison.Ordinal);
        return at < 0 ? text : text.Substring(0, at) + CheckedNullableContext + text.Substring(at + NullableContext.Length);
    }

    private static IEnumerable<GeneratedFile> Files(ApiModel api, CompilationFacts facts)
    {
        var prefix = api.ApiName + ".";
        if ((api.Kinds & (GenerateKinds.Models | GenerateKinds.Client | GenerateKinds.Server)) != 0)
        {
            yield return new GeneratedFile(prefix + "Support.JsonCodec.g.cs", SupportEmitter.JsonCodec(api));
            var models = new ModelEmitter(api);
            foreach (var type in api.Types.OrderBy(t => t.Name, System.StringComparer.Ordinal))
            {
                yield return new GeneratedFile(prefix + "Models." + type.Name + ".g.cs", models.Emit(type));
            }

            yield return new GeneratedFile(prefix + "Support.JsonTypeInfoResolver.g.cs", SupportEmitter.Resolver(api));
            yield return new GeneratedFile(prefix + "Support.ApiProblem.g.cs", SupportEmitter.Problem(api));
        }

        // Only where asked for (the server stubs ask): they are a third of a client's compile time, and a client never calls them.
        if ((api.Kinds & GenerateKinds.Validators) != 0)
        {
            yield return new GeneratedFile(prefix + "Support.SchemaChecks.g.cs", ValidatorEmitter.Checks(api));
            yield return new GeneratedFile(prefix + "Support.SchemaValidator.g.cs", new ValidatorEmitter(api).Emit());
        }

        if ((api.Kinds & GenerateKinds.Client) != 0)
        {
            var client = new ClientEmitter(api, facts);
            yield return new GeneratedFile(prefix + "Client.ApiException.g.cs", SupportEmitter.Exception(api));
            yield return new GeneratedFile(prefix + "Client.Options.g.cs", client.Options());
            yield return new GeneratedFile(prefix + "Client.Interface.g.cs", client.Interface());
            yield return new GeneratedFile(prefix + "Client.g.cs", client.Client());
            foreach (var file in client.Responses())
            {
                yield return file;
            }

            foreach (var file in client.SecurityHandlers())
            {
                yield return file;
            }

            if (facts.HasHttpClientFactory)
            {
                yield return new GeneratedFile(prefix + "Client.ServiceCollectionExtensions.g.cs", client.Registration());
            }
        }

        if ((api.Kinds & GenerateKinds.Fakers) != 0 && facts.HasBogus)
        {
            foreach (var file in new FakerEmitter(api).Emit())
            {
                yield return file;
            }
        }

        if ((api.Kinds & GenerateKinds.Server) != 0 && facts.HasAspNetCore)
        {
            foreach (var file in new ServerEmitter(api).Emit())
            {
                yield return file;
            }
        }
    }

    /// <summary>The first line of every generated file: what made it (the CLI knows its own files by it).</summary>
    public const string HeaderLine = "// <auto-generated/> by Kernel.Contracts.Generator. Edit the OpenAPI document, not this file.";

    /// <summary>
    /// Every file spells the framework's types <c>System.…</c>, not <c>global::System.…</c> (a tenth of a client's bytes), through
    /// this alias inside the API's namespace, as NSwag's files do: it outranks any <c>System</c> namespace around the API's
    /// own (<c>Contoso.System</c>), no schema can take the name (ModelBuilder reserves it), and a user's type of that name in
    /// the API's namespace is a compiler error that says so (CS0576), never another type bound in silence. Only an
    /// expression in a type with members named by the document (an enum's values) could bind <c>System</c> to a member:
    /// there the code keeps <see cref="GlobalSystem"/>.
    /// </summary>
    public const string SystemAlias = "using " + SystemAliasName + " = global::System;";

    /// <summary>The name the alias takes in every API's namespace, which no generated type may therefore have.</summary>
    public const string SystemAliasName = "System";

    /// <summary>The framework's root namespace where a member named <c>System</c> could shadow the alias.</summary>
    public const string GlobalSystem = "global::System";

    public static SourceWriter Start(string @namespace)
    {
        var w = new SourceWriter();
        // CS1591: operators, overrides and a converter's members carry no docs of their own; CS0618: deprecated schemas
        // still generate. Every file has this header, so it is kept to five lines.
        w.Line(HeaderLine);
        w.Lines(NullableContext);
        w.Line("#pragma warning disable CS1591, CS0618");
        w.Line();
        w.Line("namespace " + @namespace + ";");
        w.Line();
        w.Line(SystemAlias);
        w.Line();
        return w;
    }
}

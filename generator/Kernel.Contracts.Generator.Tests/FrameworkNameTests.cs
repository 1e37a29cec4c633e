using System;
using System.Linq;
using Xunit;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>
/// The generated files spell the framework's types <c>System.…</c> through an alias inside the API's namespace
/// (Emitter.SystemAlias). A document may use the name System anywhere, and the API's namespace may sit beside a
/// namespace called System: every kind still compiles, and binds the framework's types.
/// </summary>
public class FrameworkNameTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: { title: Framework names, version: '1' }
        paths:
          /system:
            get:
              operationId: system
              parameters: [ { name: system, in: query, schema: { type: string } } ]
              responses:
                '200': { description: The system, content: { application/json: { schema: { $ref: '#/components/schemas/System' } } } }
            post:
              operationId: send
              requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Message' } } } }
              responses:
                '204': { description: Sent }
        components:
          schemas:
            System:
              type: object
              required: [ system ]
              properties:
                system: { type: string }
                text: { type: string, format: uri }
            Role: { type: string, enum: [ system, user, Text ] }
            Message:
              type: object
              properties:
                system: { type: [ string, 'null' ] }
                role: { $ref: '#/components/schemas/Role' }
                at: { type: string, format: date-time }
        """;

    // A user's namespace called System around the API's one, holding a type called Text: without the alias, System.Text
    // in the generated files would bind here.
    private const string UserCode = """
        namespace Contoso.System
        {
            public sealed class Text { }
        }

        namespace Contoso.System.Api
        {
            public static class Probe
            {
                public static string Roles() => Role.System + " " + Role.Text + " " + Role.System.IsKnown + " " + new Role("other").Equals(Role.User);

                public static string RoundTrip()
                {
                    var message = new Message { System = null, SystemIsExplicitNull = true, Role = Role.System };
                    var json = global::System.Text.Json.JsonSerializer.Serialize(message, FrameworkNamesJsonTypeInfoResolver.Options);
                    var back = global::System.Text.Json.JsonSerializer.Deserialize<Message>(json, FrameworkNamesJsonTypeInfoResolver.Options)!;
                    return json + " " + back.SystemIsExplicitNull + " " + back.Role;
                }
            }
        }
        """;

    [Fact]
    public void The_name_System_anywhere_in_a_document_or_around_its_namespace_still_compiles_every_kind()
    {
        var result = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(new GeneratorHarness.Spec("framework.openapi.yaml", Spec, "Contoso.System.Api", "Models;Client;Server;Validators", "FrameworkNames")),
            GeneratorHarness.CreateCompilation(UserCode));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileErrorsAndWarnings().Select(d => d.ToString()));
        string Source(string suffix) => result.Run.GeneratedSources.Single(s => s.HintName.EndsWith(suffix, StringComparison.Ordinal)).SourceText.ToString();

        // The schema gives up the name the alias takes; the operation, the enum's value and the members keep it.
        Assert.Contains("public sealed partial record System2", Source(".Models.System2.g.cs"), StringComparison.Ordinal);
        Assert.Contains("Task<System2> SystemAsync(string? system = null,", Source(".Client.Interface.g.cs"), StringComparison.Ordinal);
        Assert.Contains("SystemResult> SystemAsync(string? system,", Source(".Server.Interface.g.cs"), StringComparison.Ordinal);
        Assert.Contains("public static Role System { get; }", Source(".Models.Role.g.cs"), StringComparison.Ordinal);

        var assembly = new CompiledAssembly(result.Output);
        Assert.Equal("system Text True False", assembly.Call<string>("Contoso.System.Api.Probe", "Roles"));
        Assert.Equal("{\"system\":null,\"role\":\"system\"} True system", assembly.Call<string>("Contoso.System.Api.Probe", "RoundTrip"));
    }
}

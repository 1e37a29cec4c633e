using System;
using System.Linq;
using Xunit;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>
/// What a generated client returns for several success responses of different types, and how its DTOs tell an
/// absent optional nullable member from an explicit null; driven through an in-test HttpMessageHandler.
/// </summary>
public class ClientResultTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: { title: Pets, version: '1' }
        servers: [ { url: 'http://pets.test/v1' } ]
        paths:
          /pets/{id}:
            put:
              operationId: putPet
              parameters: [ { name: id, in: path, required: true, schema: { type: string } } ]
              requestBody:
                required: true
                content: { application/json: { schema: { $ref: '#/components/schemas/PetPatch' } } }
              responses:
                '200': { description: Replaced, content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } }
                '201': { description: Created, content: { application/json: { schema: { $ref: '#/components/schemas/PetCreated' } } } }
                '204': { description: Nothing changed }
                '404': { description: No such pet }
            get:
              operationId: getPet
              parameters: [ { name: id, in: path, required: true, schema: { type: string } } ]
              responses:
                '200': { description: The pet, content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } }
                '204': { description: Not yet named }
          /pets/{id}/copy:
            post:
              operationId: copyPet
              parameters: [ { name: id, in: path, required: true, schema: { type: string } } ]
              responses:
                '200': { description: Copied in place, content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } }
                2XX: { description: Copied elsewhere, content: { application/json: { schema: { $ref: '#/components/schemas/PetCreated' } } } }
          /pets/{id}/send:
            post:
              # Named like the client's shared send helper: the two must not collide.
              operationId: send
              parameters: [ { name: id, in: path, required: true, schema: { type: string } } ]
              responses:
                2XX: { description: Sent, content: { application/json: { schema: { $ref: '#/components/schemas/PetCreated' } } } }
                '404': { description: No such pet }
          /pets/{id}/read:
            delete:
              operationId: readJson
              parameters: [ { name: id, in: path, required: true, schema: { type: string } } ]
              responses:
                '204': { description: Deleted }
        components:
          schemas:
            Pet:
              type: object
              required: [ name ]
              properties:
                name: { type: string }
                owner: { type: [ string, 'null' ] }
                age: { type: [ integer, 'null' ], format: int32 }
            PetCreated:
              type: object
              required: [ id ]
              properties: { id: { type: string } }
            PetPatch:
              type: object
              properties:
                owner: { type: [ string, 'null' ] }
                age: { type: [ integer, 'null' ], format: int32 }
                tags: { type: [ array, 'null' ], items: { type: string } }
        """;

    private const string Probe = """
        using System.Net.Http;
        namespace Test.Api;
        public static class ClientProbe
        {
            private sealed class Answer(int status, string? json) : HttpMessageHandler
            {
                public string? Sent { get; private set; }

                protected override async System.Threading.Tasks.Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
                {
                    Sent = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
                    var response = new HttpResponseMessage((System.Net.HttpStatusCode)status);
                    if (json is not null)
                    {
                        response.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
                    }

                    return response;
                }
            }

            // Every accessor of the result, so that a wrong one shows.
            public static string Put(int status, string? json)
            {
                var client = new PetsClient(new HttpClient(new Answer(status, json)));
                PutPetResponse result = client.PutPetAsync("rex", new PetPatch()).GetAwaiter().GetResult();
                var ok = result.TryGetOk(out var pet) ? "ok " + pet.Name : "-";
                var created = result.TryGetCreated(out var made) ? "created " + made.Id : "-";
                var match = result.Match(p => "pet " + p.Name, c => "id " + c.Id, () => "none");
                return result.StatusCode + "|" + result.IsOk + result.IsCreated + result.IsNoContent + "|" + ok + "|" + created + "|" + match;
            }

            // What a test that mocks IPetsClient can make: every documented success, through public factories.
            public static string Made()
            {
                var created = PutPetResponse.Created(new PetCreated { Id = "m-1" });
                var none = PutPetResponse.NoContent();
                return created.StatusCode + " " + created.Match(p => "pet", c => "id " + c.Id, () => "none") + "|" + none.StatusCode + " " + none.IsNoContent + none.TryGetOk(out _);
            }

            // An exact status beside its range: the range answers only the statuses the exact one does not.
            public static string Copy(int status, string? json)
            {
                var result = new PetsClient(new HttpClient(new Answer(status, json))).CopyPetAsync("rex").GetAwaiter().GetResult();
                var made = CopyPetResponse.Status2XX(206, new PetCreated { Id = "m" });
                return result.StatusCode + " " + result.IsOk + result.IsStatus2XX + " " + result.Match(p => "pet " + p.Name, c => "id " + c.Id) + "|" + made.StatusCode + made.IsStatus2XX;
            }

            // One success each (a range with a JSON body; a 204): answered by the client's shared send, not a dispatch of their own.
            public static string Send(int status, string? json)
            {
                try
                {
                    return "id " + new PetsClient(new HttpClient(new Answer(status, json))).SendAsync("rex").GetAwaiter().GetResult().Id;
                }
                catch (ApiException e)
                {
                    return "ApiException " + e.StatusCode;
                }
            }

            public static string ReadJson(int status)
            {
                try
                {
                    new PetsClient(new HttpClient(new Answer(status, null))).ReadJsonAsync("rex").GetAwaiter().GetResult();
                    return "done";
                }
                catch (ApiException e)
                {
                    return "ApiException " + e.StatusCode;
                }
            }

            public static string MadeOutside() => CopyPetResponse.Status2XX(200, new PetCreated { Id = "m" }).StatusCode.ToString();

            public static string Get(int status, string? json)
            {
                var client = new PetsClient(new HttpClient(new Answer(status, json)));
                Pet? pet = client.GetPetAsync("rex").GetAwaiter().GetResult();
                return pet is null ? "null" : pet.Name;
            }

            public static string Sent(string which)
            {
                var patch = which switch
                {
                    "absent" => new PetPatch(),
                    "null assigned" => new PetPatch { Owner = null, Age = null },
                    "explicit null" => new PetPatch { OwnerIsExplicitNull = true, AgeIsExplicitNull = true, TagsIsExplicitNull = true },
                    "value" => new PetPatch { Owner = "ann", Age = 3, Tags = new[] { "a" } },
                    "value wins" => new PetPatch { Owner = "ann", OwnerIsExplicitNull = true },
                    _ => throw new System.ArgumentException(which),
                };
                var handler = new Answer(204, null);
                new PetsClient(new HttpClient(handler)).PutPetAsync("rex", patch).GetAwaiter().GetResult();
                return handler.Sent!;
            }

            // Read, then describe each member as absent, null or its value, then write again.
            public static string RoundTrip(string json)
            {
                var patch = JsonCodec.Deserialize(System.Text.Encoding.UTF8.GetBytes(json), PetPatchJsonConverter.ReadValue);
                static string Describe(object? value, bool explicitNull) => value is null ? (explicitNull ? "null" : "absent") : value.ToString()!;
                return Describe(patch.Owner, patch.OwnerIsExplicitNull) + "|" + Describe(patch.Age, patch.AgeIsExplicitNull) + "|"
                    + System.Text.Encoding.UTF8.GetString(JsonCodec.Serialize(patch, PetPatchJsonConverter.WriteValue));
            }
        }
        """;

    private static readonly Lazy<CompiledAssembly> Assembly = new(() =>
    {
        var result = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(new GeneratorHarness.Spec("pets.openapi.yaml", Spec, "Test.Api", "Models;Client", "Pets")),
            GeneratorHarness.CreateCompilation(Probe));
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileErrorsAndWarnings().Select(d => d.ToString()));
        return new CompiledAssembly(result.Output);
    });

    [Theory]
    [InlineData(200, "{\"name\":\"Rex\"}", "200|TrueFalseFalse|ok Rex|-|pet Rex")]
    [InlineData(201, "{\"id\":\"p-1\"}", "201|FalseTrueFalse|-|created p-1|id p-1")]
    [InlineData(204, null, "204|FalseFalseTrue|-|-|none")]
    public void Several_success_types_give_a_typed_result_per_status(int status, string? json, string expected) =>
        Assert.Equal(expected, Assembly.Value.Call<string>("Test.Api.ClientProbe", "Put", status, json));

    [Fact]
    public void A_caller_mocking_the_client_makes_results_with_the_public_factories() =>
        Assert.Equal("201 id m-1|204 TrueFalse", Assembly.Value.Call<string>("Test.Api.ClientProbe", "Made"));

    [Fact]
    public void A_schema_named_like_the_result_keeps_its_name_and_the_result_takes_another()
    {
        var spec = Spec.Replace("    PetCreated:\n", "    PutPetResponse: { type: object, properties: { note: { type: string } } }\n    PetCreated:\n", StringComparison.Ordinal);
        Assert.NotEqual(Spec, spec);
        var result = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(new GeneratorHarness.Spec("pets.openapi.yaml", spec, "Test.Api", "Models;Client", "Pets")),
            GeneratorHarness.CreateCompilation("public static class Placeholder { }"));
        Assert.Empty(result.CompileErrorsAndWarnings().Select(d => d.ToString()));
        string Source(string suffix) => result.Run.GeneratedSources.Single(s => s.HintName.EndsWith(suffix, StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("public sealed partial class PutPetClientResponse", Source(".Client.PutPetClientResponse.g.cs"), StringComparison.Ordinal);
        Assert.Contains("public sealed partial record PutPetResponse", Source(".Models.PutPetResponse.g.cs"), StringComparison.Ordinal);
        Assert.Contains("Task<PutPetClientResponse> PutPetAsync(", Source(".Client.Interface.g.cs"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200, "{\"name\":\"Rex\"}", "200 TrueFalse pet Rex|206True")]
    [InlineData(207, "{\"id\":\"p-2\"}", "207 FalseTrue id p-2|206True")]
    public void A_range_success_answers_the_statuses_its_exact_sibling_does_not(int status, string? json, string expected) =>
        Assert.Equal(expected, Assembly.Value.Call<string>("Test.Api.ClientProbe", "Copy", status, json));

    [Fact]
    public void A_range_factory_refuses_a_status_outside_its_range() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Assembly.Value.Call<string>("Test.Api.ClientProbe", "MadeOutside"));

    [Fact]
    public void An_undocumented_status_is_still_an_ApiException()
    {
        var e = Assert.ThrowsAny<Exception>(() => Assembly.Value.Call<string>("Test.Api.ClientProbe", "Put", 404, null));
        Assert.Equal("ApiException", e.GetType().Name);
    }

    [Theory]
    [InlineData(200, "{\"name\":\"Rex\"}", "Rex")]
    [InlineData(204, null, "null")]
    public void One_success_type_beside_a_bodiless_success_stays_that_type_or_null(int status, string? json, string expected) =>
        Assert.Equal(expected, Assembly.Value.Call<string>("Test.Api.ClientProbe", "Get", status, json));

    [Theory]
    [InlineData("absent", "{}")]
    [InlineData("null assigned", "{}")] // assigning null is the common "not given", as before
    [InlineData("explicit null", "{\"owner\":null,\"age\":null,\"tags\":null}")]
    [InlineData("value", "{\"owner\":\"ann\",\"age\":3,\"tags\":[\"a\"]}")]
    [InlineData("value wins", "{\"owner\":\"ann\"}")]
    public void An_optional_nullable_member_is_sent_absent_null_or_with_its_value(string which, string expected) =>
        Assert.Equal(expected, Assembly.Value.Call<string>("Test.Api.ClientProbe", "Sent", which));

    [Theory]
    [InlineData("{}", "absent|absent|{}")]
    [InlineData("{\"owner\":null,\"age\":null}", "null|null|{\"owner\":null,\"age\":null}")]
    [InlineData("{\"owner\":\"ann\",\"age\":null}", "ann|null|{\"owner\":\"ann\",\"age\":null}")]
    [InlineData("{\"age\":4}", "absent|4|{\"age\":4}")]
    public void Reading_tells_an_explicit_null_from_an_absent_member_and_writes_it_back(string json, string expected) =>
        Assert.Equal(expected, Assembly.Value.Call<string>("Test.Api.ClientProbe", "RoundTrip", json));

    [Theory]
    [InlineData(200, "{\"id\":\"p-1\"}", "id p-1")]
    [InlineData(202, "{\"id\":\"p-2\"}", "id p-2")]
    [InlineData(299, "{\"id\":\"p-3\"}", "id p-3")]
    [InlineData(404, null, "ApiException 404")]
    [InlineData(300, null, "ApiException 300")]
    public void One_success_range_with_a_body_is_read_for_every_status_in_it(int status, string? json, string expected) =>
        Assert.Equal(expected, Assembly.Value.Call<string>("Test.Api.ClientProbe", "Send", status, json));

    [Theory]
    [InlineData(204, "done")]
    [InlineData(200, "ApiException 200")]
    [InlineData(500, "ApiException 500")]
    public void One_bodiless_success_is_the_only_status_that_succeeds(int status, string expected) =>
        Assert.Equal(expected, Assembly.Value.Call<string>("Test.Api.ClientProbe", "ReadJson", status));

    [Fact]
    public void Only_operations_with_one_plain_success_share_the_send()
    {
        var client = GeneratorHarness.Run(new GeneratorHarness.Spec("pets.openapi.yaml", Spec, "Test.Api", "Models;Client", "Pets"))
            .Source("Pets.Client.g.cs");
        Assert.Contains("public virtual System.Threading.Tasks.Task<PetCreated> SendAsync(string id,", client, StringComparison.Ordinal);
        Assert.Contains("return SendAsync(_httpClient, request, 200, 299, PetCreatedJsonConverter.ReadValue, cancellationToken);", client, StringComparison.Ordinal);
        Assert.Contains("return SendAsync(_httpClient, request, 204, 204, cancellationToken);", client, StringComparison.Ordinal);
        // Several successes: the operation dispatches itself.
        Assert.Contains("public virtual async System.Threading.Tasks.Task<PutPetResponse> PutPetAsync(", client, StringComparison.Ordinal);
        Assert.Contains("public virtual async System.Threading.Tasks.Task<Pet?> GetPetAsync(", client, StringComparison.Ordinal);
    }
}

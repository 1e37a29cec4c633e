using System;
using System.Linq;
using Xunit;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>Swagger 2.0 documents are read too (Microsoft.OpenApi converts them): servers, bodies and responses as in 3.x.</summary>
public sealed class Swagger2Tests
{
    private const string Pets = """
        {
          "swagger": "2.0",
          "info": { "title": "Pets", "version": "1" },
          "host": "pets.example.com",
          "basePath": "/v2",
          "schemes": ["https"],
          "consumes": ["application/json"],
          "produces": ["application/json"],
          "paths": {
            "/pets/{petId}": {
              "put": {
                "operationId": "updatePet",
                "parameters": [
                  { "name": "petId", "in": "path", "required": true, "type": "integer", "format": "int64" },
                  { "name": "dryRun", "in": "query", "required": false, "type": "boolean" },
                  { "name": "pet", "in": "body", "required": true, "schema": { "$ref": "#/definitions/Pet" } }
                ],
                "responses": {
                  "200": { "description": "the pet", "schema": { "$ref": "#/definitions/Pet" } },
                  "404": { "description": "no such pet" }
                }
              }
            }
          },
          "definitions": {
            "Pet": {
              "type": "object",
              "required": ["name"],
              "properties": { "name": { "type": "string", "maxLength": 40 }, "tag": { "type": "string" } }
            }
          }
        }
        """;

    [Fact]
    public void A_swagger_2_document_gives_a_client_and_server_stubs_that_compile()
    {
        var result = GeneratorHarness.Run(new GeneratorHarness.Spec("/specs/pets.json", Pets, "Pets.Api", "Models;Client;Server"));

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        Assert.Empty(result.CompileErrorsAndWarnings());
        var client = result.Source("Pets.Client.g.cs");
        Assert.Contains("UpdatePetAsync(long petId, Pet body, bool? dryRun = null", client, StringComparison.Ordinal);
        Assert.Contains("https://pets.example.com/v2", result.Run.GeneratedSources.Select(s => s.SourceText.ToString()).First(s => s.Contains("https://pets.example.com", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(result.Run.GeneratedSources, s => s.HintName == "Pets.Models.Pet.g.cs");
        Assert.Contains(result.Run.GeneratedSources, s => s.HintName.StartsWith("Pets.Server.", StringComparison.Ordinal));
    }
}

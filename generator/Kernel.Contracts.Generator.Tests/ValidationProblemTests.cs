using System;
using System.Linq;
using Xunit;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>
/// The 400 a server stub writes for a request that breaks the document has the members of the document's own
/// schema for that response (400, else 4XX, else default), not a fixed shape.
/// </summary>
public class ValidationProblemTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Shapes, version: '1' }
        paths:
          /faults:
            get:
              operationId: listFaults
              parameters:
                - { name: limit, in: query, required: true, schema: { type: integer, maximum: 10 } }
              responses:
                '200': { description: ok }
                '400':
                  description: bad
                  content:
                    application/problem+json:
                      schema: { $ref: '#/components/schemas/Fault' }
          /plain:
            get:
              operationId: getPlain
              parameters:
                - { name: limit, in: query, required: true, schema: { type: integer, maximum: 10 } }
              responses:
                '200': { description: ok }
                '4XX':
                  description: bad
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Plain' }
          /undocumented:
            get:
              operationId: getUndocumented
              parameters:
                - { name: limit, in: query, required: true, schema: { type: integer, maximum: 10 } }
              responses:
                '200': { description: ok }
        components:
          schemas:
            Fault:
              type: object
              properties:
                title: { type: string }
                status: { type: string }   # not a number, so left out
                errors: { type: array, items: { type: string } }
            Plain:
              type: object
              properties:
                message: { type: string }
        """;

    private const string Probe = """
        namespace Test.Shapes;
        public static class ShapesProbe
        {
            // Runs an operation's endpoint on a request and returns the status and body it wrote.
            public static string Call(string operation, string query)
            {
                var context = new global::Microsoft.AspNetCore.Http.DefaultHttpContext();
                context.Request.Method = "GET";
                context.Request.QueryString = new global::Microsoft.AspNetCore.Http.QueryString(query);
                var body = new System.IO.MemoryStream();
                context.Response.Body = body;
                var endpoint = typeof(ShapesServerEndpoints).GetMethod("Handle" + operation, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
                var options = new ShapesServerOptions { ValidationProblemType = "https://x/probs/invalid", ValidationProblemTitle = "Invalid" };
                ((System.Threading.Tasks.Task)endpoint.Invoke(null, new object[] { context, options })!).GetAwaiter().GetResult();
                return context.Response.StatusCode + " " + context.Response.ContentType + " " + System.Text.Encoding.UTF8.GetString(body.ToArray());
            }
        }
        """;

    private static readonly Lazy<CompiledAssembly> Assembly = new(() =>
    {
        var result = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(new GeneratorHarness.Spec("/specs/shapes.yaml", Spec, "Test.Shapes", "Models;Server", "Shapes")),
            GeneratorHarness.CreateCompilation(Probe));
        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).Select(d => d.ToString()));
        Assert.Empty(result.CompileErrorsAndWarnings().Select(d => d.ToString()));
        return new CompiledAssembly(result.Output);
    });

    [Theory]
    [InlineData("ListFaults", "400 application/problem+json {\"title\":\"Invalid\",\"errors\":[\"limit: must be at most 10\"]}")]
    [InlineData("GetPlain", "400 application/problem+json {}")]
    [InlineData("GetUndocumented", "400 application/problem+json {\"type\":\"https://x/probs/invalid\",\"title\":\"Invalid\",\"status\":400,\"detail\":\"limit: must be at most 10\",\"errors\":[{\"name\":\"limit\",\"reason\":\"must be at most 10\"}]}")]
    public void The_400_has_the_members_of_the_documented_problem_schema(string operation, string expected) =>
        Assert.Equal(expected, Assembly.Value.Call<string>("Test.Shapes.ShapesProbe", "Call", operation, "?limit=11"));
}

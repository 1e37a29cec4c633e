using System;
using System.Linq;
using Xunit;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>What the generated server results write, on a document other than ours: a bodiless response never claims JSON.</summary>
public class ServerResponseTests
{
    private const string Probe = """
        namespace Test.Api;
        public static class ServerProbe
        {
            // Status, Content-Type and body of a result as it reaches the wire.
            public static string Write(string which)
            {
                global::Microsoft.AspNetCore.Http.IResult result = which switch
                {
                    "204" => AddShapeResult.NoContent(),
                    "201" => AddShapeResult.Created(JsonCodec.Deserialize(System.Text.Encoding.UTF8.GetBytes("{\"type\":\"circle\",\"radius\":1}"), ShapeJsonConverter.ReadValue)),
                    _ => throw new System.ArgumentException(which),
                };
                var context = new global::Microsoft.AspNetCore.Http.DefaultHttpContext();
                var body = new System.IO.MemoryStream();
                context.Response.Body = body;
                result.ExecuteAsync(context).GetAwaiter().GetResult();
                return context.Response.StatusCode + " " + context.Response.ContentType + " [" + System.Text.Encoding.UTF8.GetString(body.ToArray()) + "]";
            }
        }
        """;

    private static readonly Lazy<CompiledAssembly> Assembly = new(() =>
    {
        var result = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(
                GeneratorHarness.FromFile(GeneratorHarness.TestSpecPath("constructs.openapi.yaml"), generate: "Models;Server"),
                GeneratorHarness.FromFile(GeneratorHarness.TestSpecPath("shared.yaml"), generate: "None")),
            GeneratorHarness.CreateCompilation(Probe));
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileErrorsAndWarnings().Select(d => d.ToString()));
        return new CompiledAssembly(result.Output);
    });

    [Theory]
    [InlineData("204", "204 application/octet-stream []")]
    [InlineData("201", "201 application/json [{\"type\":\"circle\",\"radius\":1}]")]
    public void A_response_says_what_its_body_is(string which, string expected) =>
        Assert.Equal(expected, Assembly.Value.Call<string>("Test.Api.ServerProbe", "Write", which));
}

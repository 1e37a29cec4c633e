using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Kernel.Contracts.Conformance;
using Kernel.Contracts.OpenApi;
using Xunit;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>
/// One table of truth: every status tried against every response set of <c>agreement.openapi.yaml</c> gets the same
/// verdict from the generated client (returns or throws), the generated server stub (which factory takes the
/// status), <c>check-pacts</c> and the probe (documented or not, and under which response), and they all say what
/// <see cref="ResponseRule"/> says.
/// </summary>
public class AgreementTests
{
    private static readonly int[] Statuses = [100, 200, 201, 202, 204, 299, 302, 400, 404, 418, 499, 500, 503, 599];

    private static readonly string[] OperationIds = ["exactAndDefault", "ranges", "defaultOnly", "noContent", "mixed"];

    private const string Probe = """
        namespace Test.Api;
        public static class AgreementProbe
        {
            private sealed class Fixed(int status, string contentType, string body) : System.Net.Http.HttpMessageHandler
            {
                protected override System.Threading.Tasks.Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
                {
                    var response = new System.Net.Http.HttpResponseMessage((System.Net.HttpStatusCode)status) { RequestMessage = request };
                    if (body.Length > 0) response.Content = new System.Net.Http.StringContent(body, System.Text.Encoding.UTF8, contentType);
                    return System.Threading.Tasks.Task.FromResult(response);
                }
            }

            // "returned" when the generated client hands the response back as a success, "threw" when it raises ApiException.
            public static string Client(string operation, int status, string contentType, string body)
            {
                var client = new AgreementClient(new System.Net.Http.HttpClient(new Fixed(status, contentType, body)) { BaseAddress = new System.Uri("http://agreement.test/") });
                try
                {
                    System.Threading.Tasks.Task call = operation switch
                    {
                        "exactAndDefault" => client.ExactAndDefaultAsync(),
                        "ranges" => client.RangesAsync(),
                        "defaultOnly" => client.DefaultOnlyAsync(),
                        "noContent" => client.NoContentAsync(),
                        "mixed" => client.MixedAsync(),
                        _ => throw new System.ArgumentException(operation),
                    };
                    call.GetAwaiter().GetResult();
                    return "returned";
                }
                catch (ApiException)
                {
                    return "threw";
                }
            }

            // Whether the stub's factory for a ranged or default response takes the status (it checks the range before the body).
            public static bool Takes(string factory, int status)
            {
                try
                {
                    _ = factory switch
                    {
                        "exactAndDefault default" => (object)ExactAndDefaultResult.Status(status, null!),
                        "ranges 2XX" => RangesResult.Status2XX(status, null!),
                        "ranges 4XX" => RangesResult.Status4XX(status, null!),
                        "defaultOnly default" => DefaultOnlyResult.Status(status, null!),
                        "noContent 5XX" => NoContentResult.Status5XX(status, null!),
                        "mixed 2XX" => MixedResult.Status2XX(status, null!),
                        "mixed default" => MixedResult.Status(status, null!),
                        _ => throw new System.ArgumentException(factory),
                    };
                    return true;
                }
                catch (System.ArgumentOutOfRangeException)
                {
                    return false;
                }
                catch (System.ArgumentNullException)
                {
                    return true;
                }
            }
        }
        """;

    private static readonly Lazy<CompiledAssembly> Generated = new(() =>
    {
        var result = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(GeneratorHarness.FromFile(GeneratorHarness.TestSpecPath("agreement.openapi.yaml"), generate: "Models;Client;Server")),
            GeneratorHarness.CreateCompilation(Probe));
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileErrorsAndWarnings().Select(d => d.ToString()));
        return new CompiledAssembly(result.Output);
    });

    private static readonly Lazy<ApiDocument> Document = new(() => ApiDocument.Load(GeneratorHarness.TestSpecPath("agreement.openapi.yaml")));

    public static TheoryData<string> Operations() => new(OperationIds);

    [Theory]
    [MemberData(nameof(Operations))]
    public void Client_stub_check_pacts_and_probe_agree_with_the_rule_on_every_status(string operationId)
    {
        var document = Document.Value;
        var operation = document.Operations.Single(o => o.OperationId == operationId);
        var keys = operation.Responses.Keys.ToList();
        var disagreements = new List<string>();
        foreach (var status in Statuses)
        {
            var key = ResponseRule.KeyFor(keys, status);
            var (contentType, body) = Exchange(document, operation, key);
            void Expect(string who, object? expected, object? actual)
            {
                if (!Equals(expected, actual)) disagreements.Add(operationId + " " + status + ": " + who + " says " + (actual ?? "(none)") + ", the rule " + (expected ?? "(none)"));
            }

            // The client returns exactly the successes.
            var success = ResponseRule.IsSuccess(keys, status);
            Expect("the client", success ? "returned" : "threw", Generated.Value.Call<string>("Test.Api.AgreementProbe", "Client", operationId, status, contentType ?? "text/plain", body ?? string.Empty));

            // The stub: an exact factory writes its own code; a ranged or default one takes the statuses it covers.
            var taking = keys.Where(k => ResponseRule.Code(k) == status
                || (ResponseRule.Code(k) is null && Generated.Value.Call<bool>("Test.Api.AgreementProbe", "Takes", operationId + " " + k, status))).ToList();
            Expect("the stub", key, taking.Count == 1 ? taking[0] : taking.Count == 0 ? null : string.Join("+", taking));

            // The document's reading, check-pacts and the probe: documented under the same key, and nothing else wrong.
            Expect("ApiDocument", key, operation.ResponseFor(status)?.Status);
            Expect("check-pacts", key is null ? "undocumented" : "passes", Verdict(PactSpecCheck.Check(document, "agreement.json", Pact(operation, status, contentType, body)).Interactions.Single().Findings));
            var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
            Expect("the probe", key is null ? "undocumented" : "passes", Verdict(ResponseCheck.Check(document, operation, ResponseToCheck.Sent(status, contentType ?? "text/plain", body ?? string.Empty, headers))));
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("APPLICATION/JSON; charset=utf-8")]
    [InlineData(" application/json ")]
    [InlineData("text/json")]
    [InlineData("application/problem+json")]
    [InlineData("application/vnd.api+json; version=2")]
    [InlineData("application/x-json")]
    [InlineData("application/jsonl")]
    [InlineData("text/plain")]
    [InlineData("*/*")]
    [InlineData("")]
    public void The_generated_code_and_the_checks_agree_on_what_JSON_is(string contentType)
    {
        // The generated stubs (request bodies) and clients (error bodies) against check-pacts, the probe and the Pact binding.
        Assert.Equal(MediaTypes.IsJson(contentType), Generated.Value.Call<bool>("Test.Api.JsonMediaType", "Is", contentType));
    }

    [Fact]
    public void The_json_rule_holds_each_verdict()
    {
        Assert.True(MediaTypes.IsJson("text/json"));
        Assert.False(MediaTypes.IsJson("application/x-json"));
        Assert.False(MediaTypes.IsJson("*/*"));
        Assert.True(MediaTypes.DescribesJson("*/*"));
    }

    [Fact]
    public void The_table_holds_each_kind_of_verdict()
    {
        // So the theory above cannot pass by every status falling one way.
        var keys = Document.Value.Operations.Single(o => o.OperationId == "mixed").Responses.Keys.ToList();
        Assert.Equal(["200", "201", "2XX", "400", "default", null], new int?[] { 200, 201, 204, 400, 404, 100 }.Select(s => s is 100 ? ResponseRule.KeyFor(["200"], 100) : ResponseRule.KeyFor(keys, s!.Value)));
        Assert.True(ResponseRule.IsSuccess(keys, 204));
        Assert.False(ResponseRule.IsSuccess(keys, 404));
        Assert.True(ResponseRule.IsSuccess(["default"], 204));
        Assert.False(ResponseRule.IsSuccess(["default"], 404));
        Assert.Null(ResponseRule.KeyFor(["204", "5XX"], 404));
    }

    /// <summary>A Content-Type and body that match what <paramref name="key"/> documents (a problem for an undocumented status).</summary>
    private static (string? ContentType, string? Body) Exchange(ApiDocument document, SpecOperation operation, string? key)
    {
        var content = key is null ? null : operation.Responses[key].Content;
        if (content is { Count: 0 }) return (null, null);
        var mediaType = content?.Keys.Single() ?? "application/problem+json";
        var schema = content?[mediaType] ?? "#/components/schemas/Problem";
        return (mediaType, document.Resolve(schema) is JsonObject { } s && s["$ref"]?.ToString() == "#/components/schemas/Thing" ? """{"name":"x"}""" : """{"title":"t"}""");
    }

    private static JsonObject Pact(SpecOperation operation, int status, string? contentType, string? body)
    {
        var response = new JsonObject { ["status"] = status };
        if (contentType is not null) response["headers"] = new JsonObject { ["Content-Type"] = contentType };
        if (body is not null) response["body"] = JsonNode.Parse(body);
        return new JsonObject
        {
            ["interactions"] = new JsonArray(new JsonObject
            {
                ["description"] = operation.OperationId + " answers " + status,
                ["request"] = new JsonObject { ["method"] = "GET", ["path"] = operation.PathTemplate },
                ["response"] = response,
            }),
        };
    }

    private static string Verdict(IReadOnlyList<Finding> findings) =>
        findings.Count == 0 ? "passes"
        : findings.Count == 1 && findings[0].Message.Contains(" is not documented for ", StringComparison.Ordinal) && findings[0].Message.StartsWith("status ", StringComparison.Ordinal) ? "undocumented"
        : string.Join("; ", findings.Select(f => f.Message));
}

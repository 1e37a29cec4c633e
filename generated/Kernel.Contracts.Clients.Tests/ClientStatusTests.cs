using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Kernel.Contracts.Clients.Tests.Server;
using Kernel.Contracts.Clients.Tests.Spec;
using Xunit;

namespace Kernel.Contracts.Clients.Tests;

/// <summary>
/// Every operation of both clients through every response its document describes (every status, every example): a success
/// gives the typed result, anything else an ApiException with the status, the parsed problem, the headers and the raw body.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ClientStatusTests(ContractServer server)
{
    public static IEnumerable<object[]> Responses() =>
        SpecDocuments.Apis.SelectMany(SpecExamples.Responses)
            .Select(r => new object[] { r.Api, r.OperationId, r.StatusKey, r.ExampleName ?? string.Empty });

    [Theory]
    [InlineData(SpecDocuments.Platform)]
    [InlineData(SpecDocuments.Sessions)]
    public void Every_operation_of_the_document_has_a_test_call_that_matches_it(string api)
    {
        var ids = SpecExamples.OperationIds(api);
        Assert.Equal(ids.OrderBy(i => i), ClientOperations.All.Where(o => o.Api == api).Select(o => o.OperationId).OrderBy(i => i));
        foreach (var response in SpecExamples.Responses(api))
        {
            var operation = ClientOperations.Get(api, response.OperationId);
            Assert.Equal(response.Method, operation.Method);
        }
    }

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Operation_handles_the_documented_response(string api, string operationId, string statusKey, string exampleName)
    {
        var response = SpecExamples.Responses(api).Single(r => r.OperationId == operationId && r.StatusKey == statusKey && (r.ExampleName ?? string.Empty) == exampleName);
        var operation = ClientOperations.Get(api, operationId);
        var name = api + " " + operationId + " " + statusKey + " '" + exampleName + "'";

        var c = server.NewCase();
        c.Status = response.Status;
        c.Body = response.Value is null ? null : JsonSemantic.Show(response.Value);
        // A body-less response still carries a Content-Type, as the Sessions document asks of servers.
        c.ContentType = response.MediaType ?? "application/json";
        c.Headers["X-Trace"] = "trace-" + c.Id;
        var clients = ClientOperations.Clients(server, c);

        if (response.Status is >= 200 and < 300)
        {
            var result = await operation.Invoke(clients, default);
            if (response.Value is null)
            {
                Assert.Null(result);
            }
            else
            {
                Assert.NotNull(result);
                JsonSemantic.Equal(response.Value, operation.Serialize(result!), name + ": the typed result");
            }
        }
        else
        {
            var error = await ApiError.Catch(() => operation.Invoke(clients, default));
            var problem = (JsonObject)response.Value!;
            Assert.Equal(response.Status, error.StatusCode);
            Assert.Equal(problem["type"]!.GetValue<string>(), error.ProblemType);
            Assert.Equal(problem["title"]!.GetValue<string>(), error.ProblemTitle);
            Assert.Equal(JsonSemantic.Int(problem["status"]), error.ProblemStatus);
            Assert.Equal(problem["detail"]?.GetValue<string>(), error.ProblemDetail);
            if (problem["errors"] is JsonArray errors)
            {
                Assert.NotNull(error.Extensions);
                JsonSemantic.Equal(errors, JsonNode.Parse(error.Extensions!["errors"].GetRawText()), name + ": the problem's errors");
            }

            Assert.Equal(c.Body, error.Body);
            Assert.Equal(new[] { "application/problem+json" }, error.Headers["Content-Type"]);
            Assert.Equal(new[] { "trace-" + c.Id }, error.Headers["X-Trace"]);
            Assert.Contains(response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
            Assert.Contains(problem["title"]!.GetValue<string>(), error.Message, StringComparison.Ordinal);
        }

        var request = c.Single();
        Assert.Equal(operationId, request.Operation);
        Assert.Equal(operation.Method, request.Method);
        Assert.Equal(operation.RawTarget, request.RawTarget);
        Assert.Contains("application/problem+json", request.Header("Accept") ?? string.Empty, StringComparison.Ordinal);
        if (api == SpecDocuments.Sessions)
        {
            Assert.NotNull(request.Signature);
            Assert.True(request.Signature!.IsValid, name + ": the signature did not verify: " + request.Signature.Reason);
        }
        else
        {
            Assert.Equal("platform-api-key", request.Header("Authorization"));
        }
    }
}

using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Kernel.Contracts.Conformance;
using Xunit;

namespace Kernel.Contracts.Spec.Tests;

/// <summary>Every interaction of the committed pacts agrees with our documents; a pact that does not is named precisely.</summary>
public sealed class PactSpecCheckTests
{
    private static readonly string Pacts = Path.Combine(SpecDocuments.SpecDirectory, "..", "contract-tests", "pacts");

    public static TheoryData<string, string> CommittedPacts() => new()
    {
        { "platform", "kernel-platform-client-kernel-platform-api.json" },
        { "sessions", "kernel-sessions-client-kernel-sessions-api.json" },
    };

    [Theory]
    [MemberData(nameof(CommittedPacts))]
    public void Every_committed_interaction_agrees_with_the_document(string api, string pact)
    {
        var check = PactSpecCheck.CheckFile(EmbeddedDocuments.Load(api), Path.Combine(Pacts, pact));

        Assert.NotEmpty(check.Interactions);
        Assert.True(check.Passed, string.Join("\n", check.Interactions.Where(i => !i.Passed).Select(i => i.Description + ": " + string.Join("; ", i.Findings))));
        Assert.All(check.Interactions, i => Assert.NotNull(i.OperationId));
    }

    [Fact]
    public void The_embedded_documents_are_the_ones_in_spec()
    {
        foreach (var (api, file) in new[] { ("platform", "kernel-platform.openapi.yaml"), ("sessions", "kernel-sessions.openapi.yaml") })
        {
            Assert.True(JsonNode.DeepEquals(SpecDocuments.Load(file), EmbeddedDocuments.Load(api).Root), file);
        }
    }

    [Fact]
    public void Interactions_map_to_their_operations_through_the_server_base_paths()
    {
        var platform = EmbeddedDocuments.Load("platform");
        var sessions = EmbeddedDocuments.Load("sessions");

        Assert.Equal("listDatasets", platform.Match("GET", "/api/v1/study/abc/datasets")?.Operation.OperationId);
        Assert.Equal("abc", platform.Match("GET", "/api/v1/study/abc/datasets")?.PathParameters.Values.Single());
        Assert.Null(platform.Match("GET", "/study/abc/datasets"));
        Assert.Equal("getKernelInfo", sessions.Match("GET", "/v3/kernel/tok-1")?.Operation.OperationId);
        Assert.Equal("getKernelInfo", sessions.Match("GET", "/kernel/tok-1")?.Operation.OperationId);
        Assert.Equal("createKernelLegacy", sessions.Match("POST", "/kernel/create")?.Operation.OperationId);
    }

    [Fact]
    public void A_status_only_default_covers_is_held_to_the_default_response_naming_the_pact_and_the_interaction()
    {
        // runPipeline documents 200, 4xx codes and default: a 202 falls under default (a problem), and a job id in JSON is not one.
        var check = Doctor("platform", "kernel-platform-client-kernel-platform-api.json", "a request to run qc_nirs on a dataset", i => i["response"]!["status"] = 202);

        var failed = Assert.Single(check.Interactions, i => !i.Passed);
        Assert.Equal("doctored.json", check.Pact);
        Assert.Equal("a request to run qc_nirs on a dataset", failed.Description);
        var finding = Assert.Single(failed.Findings);
        Assert.Equal("response Content-Type 'application/json' is not documented for default (documented: application/problem+json)", finding.Message);
        Assert.Equal("#/components/responses/UnexpectedError/content", finding.Location);
    }

    [Fact]
    public void A_response_body_that_breaks_its_schema_names_the_schema_and_the_field()
    {
        var check = Doctor("platform", "kernel-platform-client-kernel-platform-api.json", "a request to run qc_nirs on a dataset", i =>
        {
            var content = i["response"]!["body"]!["content"]!.AsObject();
            content["jobId"] = content["job_id"]!.DeepClone();
            content.Remove("job_id");
        });

        var finding = Assert.Single(Assert.Single(check.Interactions, i => !i.Passed).Findings);
        Assert.StartsWith("#/paths/~1study~1{study_id}~1dataset~1{dataset_id}~1pipeline~1{pipeline_name}/post/responses/200/content/application~1json/schema", finding.Location.Replace("#/components/responses/", "#/paths/", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("PropertyRequired", finding.Message, StringComparison.Ordinal);
        Assert.Contains("job_id", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_request_answered_with_success_is_a_finding_but_answered_with_4xx_is_not()
    {
        const string Pact = "kernel-sessions-client-kernel-sessions-api.json";
        const string Create = "a request to create a python:3.6 session";
        var badToken = Doctor("sessions", Pact, Create, i => i["request"]!["body"]!["content"]!["clientSessionToken"] = "a b");
        var finding = Assert.Single(Assert.Single(badToken.Interactions, i => !i.Passed).Findings);
        Assert.Contains("The request is invalid", finding.Message, StringComparison.Ordinal);
        Assert.Contains("clientSessionToken", finding.Message, StringComparison.Ordinal);
        Assert.Contains("but the pact expects 201, not a 4xx", finding.Message, StringComparison.Ordinal);

        // The committed pact's malformed-study interaction sends an invalid id and expects 400: that is the point of it.
        var platform = PactSpecCheck.CheckFile(EmbeddedDocuments.Load("platform"), Path.Combine(Pacts, "kernel-platform-client-kernel-platform-api.json"));
        Assert.True(platform.Interactions.Single(i => i.Description == "a request for the datasets of a malformed study id").Passed);
    }

    [Fact]
    public void An_unknown_path_or_method_is_a_finding()
    {
        var path = Doctor("sessions", "kernel-sessions-client-kernel-sessions-api.json", "a request to destroy a running python:3.6 session", i => i["request"]!["path"] = "/kernels/TSSJT2Z4SnmQhxjWMnJljg");
        Assert.Contains("No path of kernel-sessions.openapi.yaml matches /kernels/TSSJT2Z4SnmQhxjWMnJljg", Assert.Single(path.Interactions, i => !i.Passed).Findings.Single().Message, StringComparison.Ordinal);

        var method = Doctor("sessions", "kernel-sessions-client-kernel-sessions-api.json", "a request to destroy a running python:3.6 session", i => i["request"]!["method"] = "PUT");
        Assert.Contains("PUT is not an operation of", Assert.Single(method.Interactions, i => !i.Passed).Findings.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_response_content_type_is_a_finding()
    {
        var check = Doctor("platform", "kernel-platform-client-kernel-platform-api.json", "a request for the datasets of an unknown study", i =>
        {
            i["response"]!["headers"]!["Content-Type"] = new JsonArray("text/html");
            i["response"]!["body"]!["contentType"] = "text/html";
        });

        var finding = Assert.Single(Assert.Single(check.Interactions, i => !i.Passed).Findings);
        Assert.Contains("response Content-Type 'text/html' is not documented for 404", finding.Message, StringComparison.Ordinal);
    }

    private static PactCheck Doctor(string api, string pact, string description, Action<JsonObject> change)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(Pacts, pact)))!.AsObject();
        var interaction = document["interactions"]!.AsArray().Single(i => i!["description"]!.GetValue<string>() == description)!.AsObject();
        change(interaction);
        return PactSpecCheck.Check(EmbeddedDocuments.Load(api), "doctored.json", document);
    }
}

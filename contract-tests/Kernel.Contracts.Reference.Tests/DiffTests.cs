using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Kernel.Contracts.Conformance;
using Kernel.Contracts.Conformance.Evolution;
using Xunit;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Reference.Tests;

/// <summary>
/// The rules of <c>kernel-contracts diff</c>, each proven on an edit of one of our documents: the edit, and exactly
/// the rules it must raise (so an edit that raises too much fails too).
/// </summary>
public sealed class DiffTests
{
    private const string Create = "#/paths/~1kernel/post";
    private const string CreateRequest = "#/components/schemas/CreateKernelRequest";
    private const string KernelInfo = "#/components/schemas/KernelInfo";
    private const string ListDatasets = "#/paths/~1study~1{study_id}~1datasets/get";
    private const string Participant = "#/components/schemas/Participant";

    public static TheoryData<string, string, string[]> Edits => new()
    {
        // name, API, rules expected (the edit itself is looked up by name in Apply)
        { "no change", "sessions", [] },
        { "remove an operation", "sessions", ["operation-removed"] },
        { "add an operation", "platform", ["operation-added"] },
        { "rename an operationId", "platform", ["operation-id-changed"] },
        { "rename a path parameter", "platform", [] },
        { "drop the version prefix server", "sessions", ["base-path-removed", "base-path-removed", "base-path-removed", "base-path-removed"] },
        { "add a server base path", "platform", ["base-path-added"] },
        { "make an operation public", "platform", ["security-removed"] },
        { "swap the security scheme", "platform", ["security-changed", "security-changed", "security-changed"] },
        { "add a required query parameter", "platform", ["parameter-added-required"] },
        { "add an optional query parameter", "platform", ["parameter-added-optional"] },
        { "remove a query parameter", "platform", ["parameter-removed"] },
        { "make a query parameter required", "platform", ["parameter-became-required"] },
        { "make a query parameter optional", "platform", ["parameter-became-optional"] },
        { "shorten the path parameter's maxLength", "sessions", ["request-narrowed"] },
        { "lengthen the path parameter's maxLength", "sessions", ["request-widened"] },
        { "change the path parameter's pattern", "sessions", ["request-pattern-changed"] },
        { "remove the request body", "sessions", ["request-body-removed"] },
        { "make the request body optional", "sessions", ["request-body-became-optional", "request-body-became-optional"] },
        { "require a body where there was none", "platform", ["request-body-added-required"] },
        { "replace the request media type", "sessions", ["request-media-type-removed", "request-media-type-removed", "request-media-type-added", "request-media-type-added"] },
        { "add a required request member", "sessions", ["request-property-added-required"] },
        { "add an optional request member", "sessions", ["request-property-added-optional"] },
        { "remove a member of a closed request", "sessions", ["request-property-removed-closed"] },
        { "remove a member of a request once it is open", "sessions", ["request-widened", "request-property-removed"] },
        { "make a request member required", "sessions", ["request-property-became-required"] },
        { "make a request member optional", "sessions", ["request-property-became-optional"] },
        { "change a request member's type", "sessions", ["request-type-changed"] },
        { "forbid null for a request member", "sessions", ["request-narrowed"] },
        { "raise a request member's minLength", "sessions", ["request-narrowed"] },
        { "add an enum to a request member", "sessions", ["request-narrowed"] },
        { "remove a documented error status", "platform", ["response-status-removed"] },
        { "remove the success status", "platform", ["response-success-status-removed"] },
        { "add an error status", "platform", ["response-status-added"] },
        { "add a second success status", "platform", ["response-success-status-added"] },
        { "replace the response media type", "platform", ["response-media-type-removed", "response-media-type-added"] },
        { "remove a required response member", "platform", ["response-required-property-removed"] },
        { "remove an optional response member", "platform", ["response-optional-property-removed"] },
        { "make a response member optional", "platform", ["response-property-became-optional"] },
        { "add a required response member", "sessions", ["response-property-added-required"] },
        { "add an optional response member", "sessions", ["response-property-added-optional"] },
        { "add a response enum value", "platform", ["response-widened"] },
        { "remove a response enum value", "platform", ["response-narrowed"] },
        { "allow null in a response member", "platform", ["response-null-added"] },
        { "change a response member's type", "sessions", ["response-type-changed"] },
        { "widen a response integer to number", "sessions", ["response-widened"] },
        { "change a response member's pattern", "platform", ["response-pattern-changed"] },
        { "lower a response member's maximum", "sessions", ["response-narrowed"] },
        // "undo X" compares X's result back to our document.
        { "undo make an operation public", "platform", ["security-added"] },
        { "undo make the request body optional", "sessions", ["request-body-became-required", "request-body-became-required"] },
        { "undo make a response member optional", "platform", ["response-property-became-required"] },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void An_edit_raises_exactly_its_rules(string edit, string api, string[] expected)
    {
        var (before, after) = Documents(api, edit);

        var changes = SpecDiff.Compare(before, after);

        Assert.Equal(expected.Order(StringComparer.Ordinal), changes.Select(c => c.Rule.Id).Order(StringComparer.Ordinal));
        foreach (var change in changes)
        {
            Assert.True(change.BasePointer is not null || change.HeadPointer is not null, change.Message);
            if (change.BasePointer is not null) Assert.NotNull(Resolve(before, change.BasePointer));
            if (change.HeadPointer is not null) Assert.NotNull(Resolve(after, change.HeadPointer));
        }
    }

    [Fact]
    public void Every_rule_is_proven_by_an_edit()
    {
        var proven = Edits.Select(row => (string[])row[2]).SelectMany(ids => ids).ToHashSet(StringComparer.Ordinal);
        var unproven = DiffRules.All.Select(r => r.Id).Where(id => !proven.Contains(id)).ToList();

        Assert.True(unproven.Count == 0, "no edit proves " + string.Join(", ", unproven));
    }

    [Fact]
    public void The_readme_table_lists_every_rule_as_the_code_classifies_it()
    {
        var folder = new System.IO.DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !System.IO.File.Exists(System.IO.Path.Combine(folder.FullName, "Kernel.Contracts.sln"))) folder = folder.Parent;
        Assert.NotNull(folder);
        var readme = System.IO.File.ReadAllText(System.IO.Path.Combine(folder.FullName, "README.md"));
        static string Text(Impact impact) => impact switch
        {
            Impact.Breaking => "breaking",
            Impact.PotentiallyBreaking => "potentially breaking",
            _ => "compatible",
        };

        var rows = System.Text.RegularExpressions.Regex.Matches(readme, @"^\| `([a-z-]+)` \| ([a-z ]+) \| ([a-z ]+) \| ", System.Text.RegularExpressions.RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => (m.Groups[2].Value, m.Groups[3].Value));
        foreach (var rule in DiffRules.All)
        {
            Assert.True(rows.TryGetValue(rule.Id, out var row), $"README.md has no row for {rule.Id}");
            Assert.Equal((Text(rule.Client), Text(rule.Server)), row);
        }

        Assert.Equal(DiffRules.All.Count, rows.Keys.Count(id => DiffRules.All.Any(r => r.Id == id)));
    }

    [Fact]
    public void Messages_name_the_operation_and_the_member()
    {
        var (before, after) = Documents("sessions", "add a required request member");

        var change = SpecDiff.Compare(before, after).First();

        Assert.Contains("createKernel", change.Message, StringComparison.Ordinal);
        Assert.Contains("'priority'", change.Message, StringComparison.Ordinal);
        Assert.Equal(CreateRequest + "/properties/priority", change.HeadPointer);
    }

    [Fact]
    public void A_breaking_change_asks_for_a_major_version_and_an_addition_for_a_minor_one()
    {
        var (a, b) = Documents("sessions", "remove an operation");
        Assert.Equal("major", SpecDiff.SuggestedBump(SpecDiff.Compare(a, b)));
        (a, b) = Documents("sessions", "add an optional response member");
        Assert.Equal("minor", SpecDiff.SuggestedBump(SpecDiff.Compare(a, b)));
        (a, b) = Documents("sessions", "no change");
        Assert.Equal("none", SpecDiff.SuggestedBump(SpecDiff.Compare(a, b)));
    }

    [Theory]
    [InlineData("0.1.0", "0.2.0", true)]
    [InlineData("0.1.0", "0.1.5", false)]
    [InlineData("0.1.0", "1.0.0", true)]
    [InlineData("1.4.2", "1.5.0", false)]
    [InlineData("1.4.2", "2.0.0", true)]
    [InlineData("0.0.1", "0.0.2", true)]
    public void Major_steps_follow_semver_with_zero_major_read_as_cargo_does(string released, string current, bool major) =>
        Assert.Equal(major, ReleaseVersion.IsMajorStep(released, current));

    [Fact]
    public void Broken_references_and_cycles_do_not_stop_the_diff()
    {
        var before = EmbeddedDocuments.Load("sessions");
        var root = (JsonObject)before.Root.DeepClone();
        At(root, CreateRequest + "/properties/config")["$ref"] = "#/components/schemas/Nowhere";
        At(root, "#/components/schemas/CreationConfig/properties")["self"] = new JsonObject { ["$ref"] = "#/components/schemas/CreationConfig" };
        var after = ApiDocument.Parse("head.json", root.ToJsonString());

        var changes = SpecDiff.Compare(before, after);

        Assert.NotEmpty(changes);
    }

    private static (ApiDocument Before, ApiDocument After) Documents(string api, string edit)
    {
        if (edit.StartsWith("undo ", StringComparison.Ordinal))
        {
            var (original, edited) = Documents(api, edit["undo ".Length..]);
            return (edited, original);
        }

        var before = EmbeddedDocuments.Load(api);
        if (edit.Contains("a query parameter", StringComparison.Ordinal))
        {
            // These edits change a parameter our documents do not have: the old version gets it first.
            var prepared = (JsonObject)before.Root.DeepClone();
            At(prepared, ListDatasets)["parameters"] = new JsonArray(Query("page", required: edit == "make a query parameter optional"));
            before = ApiDocument.Parse("base.json", prepared.ToJsonString());
        }

        var root = (JsonObject)before.Root.DeepClone();
        Apply(edit, root);
        return (before, ApiDocument.Parse("head.json", root.ToJsonString()));
    }

    private static JsonNode? Resolve(ApiDocument document, string pointer)
    {
        try
        {
            return document.Resolve(pointer);
        }
        catch (SpecException)
        {
            return null;
        }
    }

    private static JsonObject At(JsonObject root, string pointer)
    {
        JsonNode node = root;
        foreach (var segment in Pointers.Split(pointer))
        {
            node = node is JsonArray array ? array[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)]! : node[segment]!;
        }

        return (JsonObject)node;
    }

    private static JsonObject Query(string name, bool required) => new()
    {
        ["name"] = name, ["in"] = "query", ["required"] = required, ["schema"] = new JsonObject { ["type"] = "string" },
    };

    private static void Apply(string edit, JsonObject root)
    {
        var paths = At(root, "#/paths");
        switch (edit)
        {
            case "no change":
                break;
            case "remove an operation":
                At(root, "#/paths/~1kernel~1{kernelId}").Remove("delete");
                break;
            case "add an operation":
                At(root, "#/paths/~1study~1{study_id}~1datasets")["delete"] = At(root, ListDatasets).DeepClone();
                At(root, "#/paths/~1study~1{study_id}~1datasets/delete")["operationId"] = "deleteDatasets";
                break;
            case "rename an operationId":
                At(root, ListDatasets)["operationId"] = "getDatasets";
                break;
            case "rename a path parameter":
                paths["/study/{studyId}/datasets"] = paths["/study/{study_id}/datasets"]!.DeepClone();
                paths.Remove("/study/{study_id}/datasets");
                var parameter = At(root, "#/components/parameters/StudyId").DeepClone();
                parameter["name"] = "studyId";
                At(root, "#/paths/~1study~1{studyId}~1datasets")["parameters"] = new JsonArray(parameter);
                break;
            case "drop the version prefix server":
                ((JsonArray)root["servers"]!).RemoveAt(1);
                break;
            case "add a server base path":
                ((JsonArray)root["servers"]!).Add(new JsonObject { ["url"] = "https://api.kernel.com/api/v2" });
                break;
            case "make an operation public":
                At(root, ListDatasets)["security"] = new JsonArray();
                break;
            case "swap the security scheme":
                At(root, "#/components/securitySchemes")["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer" };
                root["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() });
                break;
            case "add a required query parameter":
                At(root, ListDatasets)["parameters"] = new JsonArray(Query("page", required: true));
                break;
            case "add an optional query parameter":
                At(root, ListDatasets)["parameters"] = new JsonArray(Query("page", required: false));
                break;
            case "remove a query parameter":
                At(root, ListDatasets).Remove("parameters");
                break;
            case "make a query parameter required":
                At(root, ListDatasets + "/parameters/0")["required"] = true;
                break;
            case "make a query parameter optional":
                At(root, ListDatasets + "/parameters/0")["required"] = false;
                break;
            case "shorten the path parameter's maxLength":
                At(root, "#/components/parameters/KernelId/schema")["maxLength"] = 32;
                break;
            case "lengthen the path parameter's maxLength":
                At(root, "#/components/parameters/KernelId/schema")["maxLength"] = 128;
                break;
            case "change the path parameter's pattern":
                At(root, "#/components/parameters/KernelId/schema")["pattern"] = "^[a-z0-9-]{1,64}$";
                break;
            case "remove the request body":
                At(root, Create).Remove("requestBody");
                break;
            case "make the request body optional":
                At(root, "#/components/requestBodies/CreateKernel")["required"] = false;
                break;
            case "require a body where there was none":
                At(root, ListDatasets)["requestBody"] = new JsonObject
                {
                    ["required"] = true,
                    ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } } },
                };
                break;
            case "replace the request media type":
                var content = At(root, "#/components/requestBodies/CreateKernel/content");
                content["application/vnd.backend-ai+json"] = content["application/json"]!.DeepClone();
                content.Remove("application/json");
                break;
            case "add a required request member":
                At(root, CreateRequest + "/properties")["priority"] = new JsonObject { ["type"] = "integer" };
                ((JsonArray)At(root, CreateRequest)["required"]!).Add("priority");
                break;
            case "add an optional request member":
                At(root, CreateRequest + "/properties")["priority"] = new JsonObject { ["type"] = "integer" };
                break;
            case "remove a member of a closed request":
                At(root, CreateRequest + "/properties").Remove("tag");
                break;
            case "remove a member of a request once it is open":
                At(root, CreateRequest + "/properties").Remove("tag");
                At(root, CreateRequest).Remove("additionalProperties");
                break;
            case "make a request member required":
                ((JsonArray)At(root, CreateRequest)["required"]!).Add("tag");
                break;
            case "make a request member optional":
                At(root, CreateRequest)["required"] = new JsonArray("lang");
                break;
            case "change a request member's type":
                At(root, CreateRequest + "/properties/lang")["type"] = "integer";
                break;
            case "forbid null for a request member":
                At(root, CreateRequest + "/properties/tag")["type"] = "string";
                break;
            case "raise a request member's minLength":
                At(root, CreateRequest + "/properties/lang")["minLength"] = 3;
                break;
            case "add an enum to a request member":
                At(root, CreateRequest + "/properties/lang")["enum"] = new JsonArray("python:3.6", "python:latest");
                break;
            case "remove a documented error status":
                At(root, ListDatasets + "/responses").Remove("404");
                break;
            case "remove the success status":
                At(root, ListDatasets + "/responses").Remove("200");
                break;
            case "add an error status":
                At(root, ListDatasets + "/responses")["429"] = At(root, ListDatasets + "/responses/404").DeepClone();
                break;
            case "add a second success status":
                At(root, ListDatasets + "/responses")["206"] = At(root, ListDatasets + "/responses/200").DeepClone();
                break;
            case "replace the response media type":
                var media = At(root, ListDatasets + "/responses/200/content");
                media["application/vnd.kernel+json"] = media["application/json"]!.DeepClone();
                media.Remove("application/json");
                break;
            case "remove a required response member":
                At(root, Participant + "/properties").Remove("pending");
                At(root, Participant)["required"] = new JsonArray("id", "participant_id", "created_at", "active", "status");
                break;
            case "remove an optional response member":
                At(root, "#/components/schemas/Problem/properties").Remove("instance");
                break;
            case "make a response member optional":
                At(root, Participant)["required"] = new JsonArray("id", "participant_id", "created_at", "active", "status");
                break;
            case "add a required response member":
                At(root, KernelInfo + "/properties")["status"] = new JsonObject { ["type"] = "string" };
                ((JsonArray)At(root, KernelInfo)["required"]!).Add("status");
                break;
            case "add an optional response member":
                At(root, KernelInfo + "/properties")["status"] = new JsonObject { ["type"] = "string" };
                break;
            case "add a response enum value":
                ((JsonArray)At(root, "#/components/schemas/PipelineRunState")["enum"]!).Add("CANCELLED");
                break;
            case "remove a response enum value":
                ((JsonArray)At(root, "#/components/schemas/PipelineRunState")["enum"]!).RemoveAt(0);
                break;
            case "allow null in a response member":
                At(root, Participant + "/properties/status")["type"] = new JsonArray("string", "null");
                break;
            case "change a response member's type":
                At(root, KernelInfo + "/properties/lang")["type"] = "integer";
                break;
            case "widen a response integer to number":
                At(root, KernelInfo + "/properties/memoryLimit")["type"] = "number";
                break;
            case "change a response member's pattern":
                At(root, Participant + "/properties/id")["pattern"] = "^[0-9A-F]{32}$";
                break;
            case "lower a response member's maximum":
                At(root, KernelInfo + "/properties/memoryLimit")["maximum"] = 1_000_000;
                break;
            default:
                throw new ArgumentException("No edit named " + edit, nameof(edit));
        }
    }
}

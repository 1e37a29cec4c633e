using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Kernel.Contracts.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Xunit;

namespace Kernel.Contracts.Generator.Support.Tests;

/// <summary>Support/Server/: how the stubs parse path, query and header values, and the problems they write.</summary>
public class ServerSupportTests
{
    private static List<string> Messages(List<ValidationError> errors) => errors.Select(e => e.ToString()).ToList();

    [Fact]
    public void A_single_value_must_be_given_once_and_present_when_required()
    {
        var errors = new List<ValidationError>();

        Assert.True(EndpointMembers.CallParseOne(new StringValues("7"), "id", true, errors, out var text));
        Assert.Equal("7", text);
        Assert.False(EndpointMembers.CallParseOne(new StringValues(new[] { "1", "2" }), "page", false, errors, out _));
        Assert.False(EndpointMembers.CallParseOne(StringValues.Empty, "id", true, errors, out _));
        Assert.False(EndpointMembers.CallParseOne(new StringValues(string.Empty), "key", true, errors, out _));
        Assert.Equal(new[] { "page: must be given once", "id: is required", "key: is required" }, Messages(errors));

        // An optional value that is absent is no error; one sent empty is the empty string.
        errors.Clear();
        Assert.False(EndpointMembers.CallParseOne(StringValues.Empty, "q", false, errors, out _));
        Assert.True(EndpointMembers.CallParseOne(new StringValues(string.Empty), "q", false, errors, out var empty));
        Assert.Equal(string.Empty, empty);
        Assert.Empty(errors);
    }

    [Fact]
    public void A_list_takes_repeated_and_comma_separated_values_alike()
    {
        var errors = new List<ValidationError>();
        var values = EndpointMembers.CallParseAll(new StringValues(new[] { "1,2", "3" }), "ids", false, errors, (text, name, errs) => EndpointMembers.CallParseNumber(text, name, true, null, false, null, false, int.MinValue, int.MaxValue, errs));

        Assert.Equal(new[] { 1m, 2m, 3m }, values);
        Assert.Empty(errors);
        Assert.Null(EndpointMembers.CallParseAll(StringValues.Empty, "ids", true, errors, (text, _, _) => text));
        Assert.Equal(new[] { "ids: is required" }, Messages(errors));
    }

    [Fact]
    public void Numbers_are_invariant_within_their_type_and_schema_range()
    {
        var errors = new List<ValidationError>();
        Assert.Equal(1000m, EndpointMembers.CallParseNumber("1e3", "n", true, null, false, null, false, int.MinValue, int.MaxValue, errors));
        Assert.Equal(2.5m, EndpointMembers.CallParseNumber("2.5", "x", false, null, false, null, false, decimal.MinValue, decimal.MaxValue, errors));
        Assert.Empty(errors);

        EndpointMembers.CallParseNumber("2,5", "x", false, null, false, null, false, decimal.MinValue, decimal.MaxValue, errors);
        EndpointMembers.CallParseNumber("ten", "page", true, null, false, null, false, int.MinValue, int.MaxValue, errors);
        EndpointMembers.CallParseNumber("3000000000", "page", true, null, false, null, false, int.MinValue, int.MaxValue, errors);
        EndpointMembers.CallParseNumber("1.5", "page", true, 1, false, null, false, int.MinValue, int.MaxValue, errors);
        EndpointMembers.CallParseNumber("0", "limit", true, 1, false, 100, false, int.MinValue, int.MaxValue, errors);
        Assert.Equal(new[] { "x: must be a number", "page: must be an integer", "page: is out of range", "page: must be an integer", "limit: must be at least 1" }, Messages(errors));
    }

    [Fact]
    public void Booleans_and_enums_take_only_their_exact_spellings()
    {
        var errors = new List<ValidationError>();
        Assert.True(EndpointMembers.CallParseBoolean("true", "all", errors));
        Assert.False(EndpointMembers.CallParseBoolean("True", "all", errors));
        Assert.Equal("b", EndpointMembers.CallParseEnum("b", "kind", new[] { "a", "b" }, v => v, errors));
        Assert.Null(EndpointMembers.CallParseEnum("B", "kind", new[] { "a", "b" }, v => v, errors));
        Assert.Equal(new[] { "all: must be true or false", "kind: must be one of a, b" }, Messages(errors));
    }

    [Fact]
    public void Text_parameters_get_the_schema_string_checks()
    {
        var errors = new List<ValidationError>();
        Assert.Equal("abc", EndpointMembers.CallCheckText("abc", "name", 4, null, null, "uuid", errors));
        Assert.Equal(new[] { "name: must be at least 4 characters long", "name: must be a valid uuid" }, Messages(errors));
    }

    private static DefaultHttpContext Context(int status, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        var context = new DefaultHttpContext { RequestServices = collection.BuildServiceProvider() };
        context.Response.StatusCode = status;
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static JsonElement Body(HttpContext context) => JsonDocument.Parse(((MemoryStream)context.Response.Body).ToArray()).RootElement;

    [Fact]
    public async Task A_framework_status_becomes_a_problem_with_its_reason_as_title()
    {
        var context = Context(405);

        await EndpointMembers.CallWriteFrameworkProblemAsync(context);

        Assert.Equal(405, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        var body = Body(context);
        Assert.Equal("about:blank", body.GetProperty("type").GetString());
        Assert.Equal("Method Not Allowed", body.GetProperty("title").GetString());
        Assert.Equal(405, body.GetProperty("status").GetInt32());

        var unnamed = Context(599);
        await EndpointMembers.CallWriteFrameworkProblemAsync(unnamed);
        Assert.Equal("Status 599", Body(unnamed).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_registered_problem_details_service_writes_the_problem_instead()
    {
        var context = Context(404, s => s.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["via"] = "service"));

        await EndpointMembers.CallWriteFrameworkProblemAsync(context);

        Assert.Equal("service", Body(context).GetProperty("via").GetString());
        Assert.StartsWith("application/problem+json", context.Response.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_problem_result_fills_in_the_status_and_writes_problem_json()
    {
        var result = new ApiProblemResult(409, new ApiProblem { Type = "https://x/probs/busy", Title = "Busy" });
        var context = Context(200);

        await result.ExecuteAsync(context);

        Assert.Equal(409, ((IStatusCodeHttpResult)result).StatusCode);
        Assert.Equal(409, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal("{\"type\":\"https://x/probs/busy\",\"title\":\"Busy\",\"status\":409}", Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
        Assert.Equal(context.Response.Body.Length, context.Response.ContentLength);

        // A status the problem already states is kept.
        Assert.Equal(400, new ApiProblemResult(401, new ApiProblem { Status = 400 }).Problem.Status);
        Assert.Throws<ArgumentNullException>(() => new ApiProblemResult(400, null!));
    }

    private static DefaultHttpContext Request(string? contentType, string body)
    {
        var context = Context(200);
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context;
    }

    [Fact]
    public async Task A_request_body_is_json_of_a_json_media_type_within_the_size_limit()
    {
        var errors = new List<ValidationError>();
        using (var json = await EndpointMembers.CallReadJsonAsync(Request("application/merge-patch+json; charset=utf-8", "{\"a\":1}"), true, 100, errors))
        {
            Assert.Equal(1, json!.RootElement.GetProperty("a").GetInt32());
        }

        using (var untyped = await EndpointMembers.CallReadJsonAsync(Request(null, "[]"), true, 100, errors))
        {
            Assert.Equal(JsonValueKind.Array, untyped!.RootElement.ValueKind);
        }

        Assert.Empty(errors);
        Assert.Null(await EndpointMembers.CallReadJsonAsync(Request("application/json", string.Empty), false, 100, errors));
        Assert.Empty(errors);

        Assert.Null(await EndpointMembers.CallReadJsonAsync(Request("application/json", string.Empty), true, 100, errors));
        Assert.Null(await EndpointMembers.CallReadJsonAsync(Request("text/plain", "{}"), true, 100, errors));
        Assert.Null(await EndpointMembers.CallReadJsonAsync(Request("application/json", new string(' ', 20000) + "{}"), true, 10000, errors));
        Assert.Null(await EndpointMembers.CallReadJsonAsync(Request("application/json", "{\"a\":"), true, 100, errors));
        Assert.Equal(
            new[] { "body: is required: send a JSON body", "body: must be application/json, not text/plain", "body: is larger than 10000 bytes" },
            Messages(errors).Take(3));
        Assert.StartsWith("body: is not valid JSON: ", errors[3].ToString(), StringComparison.Ordinal);
    }

    private static async Task<string> ValidationProblem(string members)
    {
        var context = Context(200);
        var errors = new List<ValidationError> { new("limit", "must be at most 100"), new(string.Empty, "is required: send a JSON body") };
        await EndpointMembers.CallWriteValidationProblemAsync(context, "https://x/probs/invalid", "Invalid request", members, errors);
        Assert.Equal(400, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        var body = ((MemoryStream)context.Response.Body).ToArray();
        Assert.Equal(body.Length, context.Response.ContentLength);
        return Encoding.UTF8.GetString(body);
    }

    [Fact]
    public async Task The_validation_problem_fills_the_members_the_schema_has()
    {
        Assert.Equal(
            "{\"type\":\"https://x/probs/invalid\",\"title\":\"Invalid request\",\"status\":400,\"detail\":\"limit: must be at most 100; body: is required: send a JSON body\","
            + "\"errors\":[{\"name\":\"limit\",\"reason\":\"must be at most 100\"},{\"name\":\"body\",\"reason\":\"is required: send a JSON body\"}]}",
            await ValidationProblem("Type, Title, Status, Detail, ErrorObjects"));
        Assert.Equal(
            "{\"title\":\"Invalid request\",\"errors\":[\"limit: must be at most 100\",\"body: is required: send a JSON body\"]}",
            await ValidationProblem("Title, ErrorStrings"));
        Assert.Equal("{}", await ValidationProblem("None"));
    }

    private static async Task<HttpContext> Through(RequestDelegate application)
    {
        var services = new ServiceCollection().AddLogging().AddOptions().AddRouting()
            .AddSingleton(new System.Diagnostics.DiagnosticListener("tests")).BuildServiceProvider();
        var app = new ApplicationBuilder(services);
        EndpointMembers.CallUseFrameworkProblems(app);
        app.Run(application);
        var context = Context(200);
        context.RequestServices = services;
        await app.Build()(context);
        return context;
    }

    [Fact]
    public async Task Bodiless_error_statuses_and_exceptions_from_later_middleware_become_problems()
    {
        var notFound = await Through(c => { c.Response.StatusCode = 404; return Task.CompletedTask; });
        Assert.Equal(404, notFound.Response.StatusCode);
        Assert.Equal("Not Found", Body(notFound).GetProperty("title").GetString());

        var failure = await Through(_ => throw new InvalidOperationException("boom"));
        Assert.Equal(500, failure.Response.StatusCode);
        Assert.Equal("application/problem+json", failure.Response.ContentType);
        Assert.Equal("Internal Server Error", Body(failure).GetProperty("title").GetString());

        // A body the client could not send right is its fault: the exception's status, not a 500.
        var broken = await Through(_ => throw new BadHttpRequestException("bad body", 413));
        Assert.Equal(413, broken.Response.StatusCode);
        Assert.Equal(413, Body(broken).GetProperty("status").GetInt32());

        var fine = await Through(c => c.Response.WriteAsync("ok"));
        Assert.Equal(200, fine.Response.StatusCode);
        Assert.Equal("ok", Encoding.UTF8.GetString(((MemoryStream)fine.Response.Body).ToArray()));
    }
}

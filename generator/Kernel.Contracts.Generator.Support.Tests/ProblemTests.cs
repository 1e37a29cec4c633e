using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Contracts.Support;
using Xunit;

namespace Kernel.Contracts.Generator.Support.Tests;

/// <summary>Support/Json/ApiProblem.cs and Support/Client/ApiException.cs: the problem document and the client's exception.</summary>
public class ProblemTests
{
    private static ApiProblem Read(string json) => JsonCodec.Deserialize(Encoding.UTF8.GetBytes(json), ApiProblemJsonConverter.ReadValue);

    [Fact]
    public void The_standard_members_are_read_and_every_other_member_is_kept_as_json()
    {
        var problem = Read("{\"type\":\"https://x/probs/bad\",\"title\":\"Bad\",\"status\":400,\"detail\":\"d\",\"instance\":\"/a\",\"errors\":[{\"name\":\"q\"}]}");

        Assert.Equal("https://x/probs/bad", problem.Type);
        Assert.Equal("Bad", problem.Title);
        Assert.Equal(400, problem.Status);
        Assert.Equal("d", problem.Detail);
        Assert.Equal("/a", problem.Instance);
        Assert.Equal("q", problem.Extensions!["errors"][0].GetProperty("name").GetString());
    }

    [Fact]
    public void A_standard_member_of_the_wrong_type_is_kept_as_an_extension_rather_than_failing()
    {
        var problem = Read("{\"title\":\"T\",\"status\":\"400\"}");

        Assert.Null(problem.Status);
        Assert.Equal("400", problem.Extensions!["status"].GetString());
        Assert.Equal("ApiProblem: expected an object but found an array.", Assert.Throws<JsonException>(() => Read("[]")).Message);
    }

    [Fact]
    public void Writing_leaves_out_missing_members_and_round_trips()
    {
        var extensions = JsonDocument.Parse("{\"code\":5}").RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        var problem = new ApiProblem { Title = "T", Status = 409, Extensions = extensions };

        var json = Encoding.UTF8.GetString(JsonCodec.Serialize(problem, ApiProblemJsonConverter.WriteValue));

        Assert.Equal("{\"title\":\"T\",\"status\":409,\"code\":5}", json);
        var back = Read(json);
        Assert.Equal(problem.Title, back.Title);
        Assert.Equal(5, back.Extensions!["code"].GetInt32());
        // The attribute lets System.Text.Json find the converter too.
        Assert.Equal(409, JsonSerializer.Deserialize<ApiProblem>(json)!.Status);
    }

    private static HttpResponseMessage Response(HttpStatusCode status, string? body, string? mediaType)
    {
        var response = new HttpResponseMessage(status)
        {
            RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://api.example/v1/studies/7?x=1"),
            Content = body is null ? new ByteArrayContent(Array.Empty<byte>()) : new StringContent(body, Encoding.UTF8, mediaType!),
        };
        response.Headers.Add("X-Request-Id", "r-1");
        return response;
    }

    [Fact]
    public async Task An_exception_from_a_problem_response_carries_the_problem_in_its_message()
    {
        using var response = Response(HttpStatusCode.NotFound, "{\"type\":\"https://x/probs/none\",\"title\":\"No study\",\"detail\":\"7 is unknown\"}", "application/problem+json");

        var e = await ApiException.FromResponseAsync(response, null, null, CancellationToken.None);

        Assert.Equal("GET /v1/studies/7 answered 404 Not Found: No study (7 is unknown) [https://x/probs/none].", e.Message);
        Assert.Equal(404, e.StatusCode);
        Assert.Equal("No study", e.Problem!.Title);
        Assert.Equal("r-1", Assert.Single(e.Headers["x-request-id"]));
        Assert.Equal("application/problem+json; charset=utf-8", Assert.Single(e.Headers["Content-Type"]));
    }

    [Fact]
    public void A_body_that_is_not_a_problem_stays_raw_and_the_reason_is_appended()
    {
        using var text = Response(HttpStatusCode.BadGateway, "upstream down", "text/plain");
        var e = ApiException.FromBody(text, Encoding.UTF8.GetBytes("upstream down"), "no documented response", null);
        Assert.Null(e.Problem);
        Assert.Equal("upstream down", e.Body);
        Assert.Equal("GET /v1/studies/7 answered 502 Bad Gateway; no documented response", e.Message);

        // JSON that is no problem document is no failure either.
        using var array = Response(HttpStatusCode.InternalServerError, "[1]", "application/json");
        var inner = new InvalidOperationException("cause");
        var fromArray = ApiException.FromBody(array, Encoding.UTF8.GetBytes("[1]"), null, inner);
        Assert.Null(fromArray.Problem);
        Assert.Same(inner, fromArray.InnerException);

        using var empty = Response(HttpStatusCode.NoContent, null, null);
        Assert.Null(ApiException.FromBody(empty, Array.Empty<byte>(), null, null).Body);
    }
}

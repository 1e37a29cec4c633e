using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Kernel.Contracts.Reference.Platform;
using Xunit;

namespace Kernel.Contracts.Reference.Tests;

/// <summary>`serve --provider-states`: the state-change endpoint sets states up, tears them down, and refuses readably.</summary>
public sealed class ProviderStateEndpointTests
{
    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_state_is_set_up_and_torn_down()
    {
        await using var served = await ServedCli.StartAsync("--api", "platform", "--api-key", "state-key", "--provider-states");
        using var http = new HttpClient { BaseAddress = served.Address };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "state-key");
        var datasets = "api/v1/study/" + PlatformReferenceOptions.DemoStudyId + "/datasets";

        var setup = await http.PostAsync("_pact/provider-states", Json("""{"state":"the API key is unknown or revoked","params":{"apiKey":"x"},"action":"setup"}"""));
        Assert.Equal(200, (int)setup.StatusCode);
        Assert.Equal(401, (int)(await http.GetAsync(datasets)).StatusCode);

        var teardown = await http.PostAsync("_pact/provider-states", Json("""{"state":"the API key is unknown or revoked","params":{"apiKey":"x"},"action":"teardown"}"""));
        Assert.Equal(200, (int)teardown.StatusCode);
        Assert.Equal(200, (int)(await http.GetAsync(datasets)).StatusCode);
    }

    [Theory]
    [InlineData("""{"state":"a unicorn exists"}""", "knows no provider state 'a unicorn exists'")]
    [InlineData("""{"state":"a dataset exists in the study","params":{"studyId":"s"}}""", "needs the string parameter 'datasetId'")]
    [InlineData("""{"state":"no study with this id exists","params":{"studyId":"5a6b7c8d9e0f11223344556677889900"}}""", "cannot enter 'no study with this id exists'")]
    [InlineData("""{"state":"x","action":"undo"}""", "'setup' or 'teardown', not 'undo'")]
    [InlineData("""{"state":""", "not JSON")]
    [InlineData("""{"state":"\ud800"}""", "not valid Unicode")] // an escaped lone surrogate parses, but is no text
    public async Task A_state_the_reference_cannot_enter_is_400_saying_why(string body, string expected)
    {
        await using var served = await ServedCli.StartAsync("--api", "platform", "--provider-states");
        using var http = new HttpClient { BaseAddress = served.Address };

        var response = await http.PostAsync("_pact/provider-states", Json(body));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_state_change_is_400_not_500()
    {
        await using var served = await ServedCli.StartAsync("--api", "sessions", "--provider-states");
        using var http = new HttpClient { BaseAddress = served.Address };
        var body = new ByteArrayContent([.. "{\"state\":\"a session exists\",\"params\":{\"token\":\""u8, 0xff, 0xfe, .. "\"}}"u8]);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await http.PostAsync("_pact/provider-states", body);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not valid Unicode", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_flag_there_is_no_state_endpoint()
    {
        await using var served = await ServedCli.StartAsync("--api", "sessions");
        using var http = new HttpClient { BaseAddress = served.Address };

        var response = await http.PostAsync("_pact/provider-states", Json("""{"state":"a session exists"}"""));

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType); // the framework's 404, as a problem
    }
}

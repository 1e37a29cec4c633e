using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Kernel.Contracts.Support;
using Xunit;

namespace Kernel.Contracts.Generator.Support.Tests;

/// <summary>Support/Client/: the helpers every generated client class gets.</summary>
public class ClientSupportTests
{
    [Fact]
    public void A_path_segment_is_escaped_whole_and_never_empty_or_a_dot_segment()
    {
        Assert.Equal("a%2Fb%20c%3F", ClientMembers.CallPathSegment("a/b c?", "id"));
        foreach (var bad in new[] { string.Empty, ".", ".." })
        {
            var e = Assert.Throws<ArgumentException>(() => ClientMembers.CallPathSegment(bad, "id"));
            Assert.Equal("id", e.ParamName);
        }

        Assert.Equal("...", ClientMembers.CallPathSegment("...", "id"));
    }

    [Fact]
    public void Query_parameters_are_escaped_and_joined_after_the_first_separator()
    {
        var url = new StringBuilder("https://api.example/items");
        var separator = '?';

        ClientMembers.CallAppendQuery(url, ref separator, "a b", "c&d=e");
        ClientMembers.CallAppendQuery(url, ref separator, "page", "2");

        Assert.Equal("https://api.example/items?a%20b=c%26d%3De&page=2", url.ToString());
        Assert.Equal('&', separator);
    }

    [Fact]
    public async Task A_form_body_takes_strings_as_they_are_and_other_values_as_json()
    {
        var json = Encoding.UTF8.GetBytes("{\"name\":\"a b\",\"count\":3,\"flag\":true,\"tags\":[\"x\"]}");

        using var content = ClientMembers.CallFormContent(json);

        Assert.Equal("application/x-www-form-urlencoded", content.Headers.ContentType!.MediaType);
        Assert.Equal("name=a+b&count=3&flag=true&tags=%5B%22x%22%5D", await content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_longer_than_its_stated_length_is_read_whole()
    {
        var numbers = Enumerable.Range(0, 20000).ToArray();
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(numbers)) };
        // A Content-Length far below the body: the first buffer is too small and must grow.
        response.Content.Headers.ContentLength = 10;

        var read = await ClientMembers.CallReadJsonAsync(response, (ref Utf8JsonReader r) => JsonCodec.ReadList(ref r, JsonCodec.ReadInt32));

        Assert.Equal(numbers, read);
    }

    [Fact]
    public async Task A_body_that_does_not_match_becomes_an_ApiException_with_the_body()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://api.example/items"),
            Content = new StringContent("[1,\"two\"]", Encoding.UTF8, "application/json"),
        };

        var e = await Assert.ThrowsAsync<ApiException>(() => ClientMembers.CallReadJsonAsync<IReadOnlyList<int>>(response, (ref Utf8JsonReader r) => JsonCodec.ReadList(ref r, JsonCodec.ReadInt32)));

        Assert.Equal(200, e.StatusCode);
        Assert.Equal("[1,\"two\"]", e.Body);
        Assert.EndsWith("the body does not match the API description: [1]: expected a 32-bit integer but found a string two.", e.Message, StringComparison.Ordinal);
        Assert.IsType<JsonException>(e.InnerException);
    }
}

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
    public void A_request_has_its_method_absolute_uri_and_accept_header()
    {
        using var get = ClientMembers.CallRequest("GET", "https://api.example/items?a=1", "application/json");
        Assert.Same(HttpMethod.Get, get.Method);
        Assert.Equal(new Uri("https://api.example/items?a=1"), get.RequestUri);
        Assert.Equal("application/json", Assert.Single(get.Headers.Accept).MediaType);

        using var patch = ClientMembers.CallRequest("PATCH", "https://api.example/items/1", null);
        Assert.Equal("PATCH", patch.Method.Method);
        Assert.Empty(patch.Headers.Accept);

        // The base address is absolute by construction; a relative one is a bug, not a request to send.
        Assert.Throws<UriFormatException>(() => ClientMembers.CallRequest("GET", "items", null));
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

    [Theory]
    [InlineData(200, 200, 200, true)]
    [InlineData(200, 299, 201, true)]
    [InlineData(200, 299, 299, true)]
    [InlineData(200, 200, 201, false)]
    [InlineData(200, 299, 300, false)]
    [InlineData(200, 299, 404, false)]
    public async Task Send_reads_a_status_in_its_range_and_throws_for_any_other(int from, int to, int status, bool success)
    {
        var handler = new Answering((HttpStatusCode)status, "[1,2]");
        using var client = new HttpClient(handler);
        var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example/items") { Content = new StringContent("x") };

        if (success)
        {
            Assert.Equal(new[] { 1, 2 }, await ClientMembers.CallSendAsync(client, request, from, to, (ref Utf8JsonReader r) => JsonCodec.ReadList(ref r, JsonCodec.ReadInt32)));
        }
        else
        {
            var e = await Assert.ThrowsAsync<ApiException>(() => ClientMembers.CallSendAsync(client, request, from, to, (ref Utf8JsonReader r) => JsonCodec.ReadList(ref r, JsonCodec.ReadInt32)));
            Assert.Equal(status, e.StatusCode);
            Assert.Equal("[1,2]", e.Body);
        }

        Assert.Same(request, handler.Received);
        // The request is disposed once answered (its content with it), and so is the response.
        Assert.Throws<ObjectDisposedException>(() => request.Content!.ReadAsStream());
        Assert.True(handler.ResponseDisposed);
    }

    [Theory]
    [InlineData(204, true)]
    [InlineData(200, false)]
    [InlineData(500, false)]
    public async Task Send_without_a_body_succeeds_only_in_its_range(int status, bool success)
    {
        var handler = new Answering((HttpStatusCode)status, status == 204 ? null : "{\"title\":\"boom\"}");
        using var client = new HttpClient(handler);
        var request = new HttpRequestMessage(HttpMethod.Delete, "https://api.example/items/1");

        var send = ClientMembers.CallSendAsync(client, request, 204, 204);
        if (success)
        {
            await send;
        }
        else
        {
            Assert.Equal(status, (await Assert.ThrowsAsync<ApiException>(() => send)).StatusCode);
        }

        Assert.True(handler.ResponseDisposed);
    }

    private sealed class Answering(HttpStatusCode status, string? json) : HttpMessageHandler
    {
        public HttpRequestMessage? Received { get; private set; }

        public bool ResponseDisposed => _content?.Disposed ?? false;

        private TrackedContent? _content;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            Received = request;
            _content = new TrackedContent(json ?? string.Empty);
            if (json is not null)
            {
                _content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            }

            return Task.FromResult(new HttpResponseMessage(status) { RequestMessage = request, Content = _content });
        }
    }

    private sealed class TrackedContent(string text) : ByteArrayContent(Encoding.UTF8.GetBytes(text))
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}

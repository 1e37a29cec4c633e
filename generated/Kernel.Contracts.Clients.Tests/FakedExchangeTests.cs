using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using P = Kernel.Platform.Client;
using S = Kernel.Sessions.Client;

namespace Kernel.Contracts.Clients.Tests;

/// <summary>
/// The clients against many faked exchanges: a server answers with a value the generated Bogus fakers made (valid for
/// the schema by construction), and the client hands back exactly that value; a faked request body goes out unchanged.
/// </summary>
public sealed class FakedExchangeTests
{
    private const int Exchanges = 300;

    public static TheoryData<string> Operations() => new() { "listDatasets", "runPipeline", "getPipelineStatus", "createKernel", "getKernelInfo", "destroyKernel" };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task The_client_returns_every_faked_response_unchanged(string operation)
    {
        var faker = new Bogus.Faker { Random = new Bogus.Randomizer(20261130) };
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Exchanges; i++)
        {
            var (served, call) = operation switch
            {
                "listDatasets" => Platform(Fixtures.Platform.PlatformFakers.DatasetList(faker), c => c.ListDatasetsAsync("s1"), P.KernelPlatformJsonTypeInfoResolver.Options),
                "runPipeline" => Platform(Fixtures.Platform.PlatformFakers.RunPipelineResponse(faker), c => c.RunPipelineAsync("s1", "d1", P.PipelineName.QcNirs), P.KernelPlatformJsonTypeInfoResolver.Options),
                "getPipelineStatus" => Platform(Fixtures.Platform.PlatformFakers.PipelineRunStatus(faker), c => c.GetPipelineStatusAsync("s1", "d1", P.PipelineName.QcNirs), P.KernelPlatformJsonTypeInfoResolver.Options),
                "createKernel" => Sessions(Fixtures.Sessions.SessionsFakers.CreateKernelResponse(faker), c => c.CreateKernelAsync(new S.CreateKernelRequest { Lang = "python:3.6", ClientSessionToken = "tok-1" })),
                "getKernelInfo" => Sessions(Fixtures.Sessions.SessionsFakers.KernelInfo(faker), c => c.GetKernelInfoAsync("tok-1")),
                "destroyKernel" => Sessions(Fixtures.Sessions.SessionsFakers.DestroyKernelResponse(faker), c => c.DestroyKernelAsync("tok-1")),
                _ => throw new ArgumentOutOfRangeException(nameof(operation)),
            };

            var returned = await call();
            JsonSemantic.Equal(JsonNode.Parse(served), returned, operation + " exchange " + i);
            distinct.Add(served);
        }

        Assert.True(distinct.Count > Exchanges / 2, operation + ": the fakers made only " + distinct.Count + " different responses");
    }

    [Fact]
    public async Task Every_faked_create_request_goes_out_as_faked()
    {
        var faker = new Fixtures.Sessions.CreateKernelRequestFaker(42);
        for (var i = 0; i < Exchanges; i++)
        {
            var fake = faker.Generate();
            var json = JsonSerializer.Serialize(fake, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<Fixtures.Sessions.CreateKernelRequest>)Fixtures.Sessions.SessionsJsonTypeInfoResolver.Options.GetTypeInfo(typeof(Fixtures.Sessions.CreateKernelRequest)));
            var request = (S.CreateKernelRequest)JsonSerializer.Deserialize(json, S.KernelSessionsJsonTypeInfoResolver.Options.GetTypeInfo(typeof(S.CreateKernelRequest)))!;
            var handler = new Recorder(HttpStatusCode.Created, """{"kernelId":"tok-1","created":true}""");
            var client = new S.KernelSessionsClient(new HttpClient(handler), new S.KernelSessionsClientOptions { BaseAddress = new Uri("http://sessions.test/") });

            await client.CreateKernelAsync(request);

            JsonSemantic.Equal(JsonNode.Parse(json), handler.Body!, "create request " + i);
        }
    }

    [Fact]
    public async Task Bodies_written_on_many_threads_at_once_are_each_their_own()
    {
        // The codec keeps one buffer per thread: concurrent requests must not see each other's bytes.
        var faker = new Fixtures.Sessions.CreateKernelRequestFaker(7);
        var fakes = faker.Generate(Exchanges).Select(f => JsonSerializer.Serialize(f, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<Fixtures.Sessions.CreateKernelRequest>)Fixtures.Sessions.SessionsJsonTypeInfoResolver.Options.GetTypeInfo(typeof(Fixtures.Sessions.CreateKernelRequest)))).ToList();
        var sent = await Task.WhenAll(fakes.Select(json => Task.Run(async () =>
        {
            var handler = new Recorder(HttpStatusCode.Created, """{"kernelId":"tok-1","created":true}""");
            var client = new S.KernelSessionsClient(new HttpClient(handler), new S.KernelSessionsClientOptions { BaseAddress = new Uri("http://sessions.test/") });
            await client.CreateKernelAsync((S.CreateKernelRequest)JsonSerializer.Deserialize(json, S.KernelSessionsJsonTypeInfoResolver.Options.GetTypeInfo(typeof(S.CreateKernelRequest)))!);
            return handler.Body!;
        })));

        for (var i = 0; i < fakes.Count; i++)
        {
            JsonSemantic.Equal(JsonNode.Parse(fakes[i]), sent[i], "concurrent create request " + i);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_large_body_of_unknown_or_known_length_is_read_whole(bool chunked)
    {
        // Many times the first buffer, with and without Content-Length: the pooled buffer grows as it must.
        var faker = new Bogus.Faker { Random = new Bogus.Randomizer(11) };
        var list = new Fixtures.Platform.DatasetList { Datasets = Enumerable.Range(0, 2000).Select(_ => Fixtures.Platform.PlatformFakers.Dataset(faker)).ToList() };
        var served = JsonSerializer.Serialize(list, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<Fixtures.Platform.DatasetList>)Fixtures.Platform.PlatformJsonTypeInfoResolver.Options.GetTypeInfo(typeof(Fixtures.Platform.DatasetList)));
        Assert.True(Encoding.UTF8.GetByteCount(served) > 16384 * 8);
        var handler = new Recorder(HttpStatusCode.OK, served, chunked);
        var client = new P.KernelPlatformClient(new HttpClient(handler), new P.KernelPlatformClientOptions { BaseAddress = new Uri("http://platform.test/api/v1/") });

        var returned = await client.ListDatasetsAsync("s1");

        Assert.Equal(2000, returned.Datasets.Count);
        JsonSemantic.Equal(JsonNode.Parse(served), JsonSerializer.Serialize(returned, P.KernelPlatformJsonTypeInfoResolver.Options.GetTypeInfo(typeof(P.DatasetList))), "2000 datasets");
    }

    private static (string Served, Func<Task<string>> Call) Platform<TFake, TResult>(TFake fake, Func<P.KernelPlatformClient, Task<TResult>> call, JsonSerializerOptions clientOptions)
    {
        var served = JsonSerializer.Serialize(fake, Fixtures.Platform.PlatformJsonTypeInfoResolver.Options.GetTypeInfo(typeof(TFake)));
        var client = new P.KernelPlatformClient(new HttpClient(new Recorder(HttpStatusCode.OK, served)), new P.KernelPlatformClientOptions { BaseAddress = new Uri("http://platform.test/api/v1/") });
        return (served, async () => JsonSerializer.Serialize(await call(client), clientOptions.GetTypeInfo(typeof(TResult))));
    }

    private static (string Served, Func<Task<string>> Call) Sessions<TFake, TResult>(TFake fake, Func<S.KernelSessionsClient, Task<TResult>> call)
    {
        var served = JsonSerializer.Serialize(fake, Fixtures.Sessions.SessionsJsonTypeInfoResolver.Options.GetTypeInfo(typeof(TFake)));
        var status = typeof(TFake) == typeof(Fixtures.Sessions.CreateKernelResponse) ? HttpStatusCode.Created : HttpStatusCode.OK;
        var client = new S.KernelSessionsClient(new HttpClient(new Recorder(status, served)), new S.KernelSessionsClientOptions { BaseAddress = new Uri("http://sessions.test/") });
        return (served, async () => JsonSerializer.Serialize(await call(client), S.KernelSessionsJsonTypeInfoResolver.Options.GetTypeInfo(typeof(TResult))));
    }

    /// <summary>Answers with one status and body, and keeps the request body.</summary>
    private sealed class Recorder(HttpStatusCode status, string body, bool chunked = false) : HttpMessageHandler
    {
        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            HttpContent content = chunked ? new UnknownLengthContent(Encoding.UTF8.GetBytes(body)) : new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            Assert.Equal(chunked, content.Headers.ContentLength is null);
            return new HttpResponseMessage(status) { Content = content, RequestMessage = request };
        }
    }

    /// <summary>A body sent in pieces whose length no header tells (as with chunked transfer encoding).</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(System.IO.Stream stream, System.Net.TransportContext? context)
        {
            for (var offset = 0; offset < bytes.Length; offset += 1000)
            {
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(1000, bytes.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

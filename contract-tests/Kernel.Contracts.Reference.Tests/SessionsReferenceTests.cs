using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Kernel.Contracts.Reference.Sessions;
using Kernel.Sessions.Client;
using Xunit;

namespace Kernel.Contracts.Reference.Tests;

public sealed class SessionsReferenceTests : IAsyncLifetime
{
    private const string OtherAccessKey = "AKIAOTHEREXAMPLE0000";
    private const string OtherSecretKey = "other-secret";
    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.StartAsync(
            s => s.AddSessionsReference(o =>
            {
                o.Credentials[OtherAccessKey] = OtherSecretKey;
                o.MaxConcurrentSessions = 3;
                o.MaxMemoryMiB = 8192;
            }),
            app => app.MapSessionsReference());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private HttpClient Http(string accessKey = SessionsReferenceOptions.DemoAccessKey, string secretKey = SessionsReferenceOptions.DemoSecretKey, string? version = null) =>
        new(new BackendAiSigningHandler(new BackendAiSigningOptions
        {
            AccessKey = accessKey,
            SecretKey = secretKey,
            ApiVersion = version ?? BackendAiSignature.DefaultApiVersion,
            TimeProvider = _host.Clock,
        })
        { InnerHandler = new HttpClientHandler() });

    private KernelSessionsClient Client(string prefix = "", string accessKey = SessionsReferenceOptions.DemoAccessKey, string secretKey = SessionsReferenceOptions.DemoSecretKey) =>
        new(Http(accessKey, secretKey), new KernelSessionsClientOptions { BaseAddress = _host.Url(prefix + "/") });

    private static CreateKernelRequest Request(string token, string lang = "python:3.6", CreationConfig? config = null) =>
        new() { Lang = lang, ClientSessionToken = token, Config = config };

    [Fact]
    public async Task Create_then_info_reports_lang_age_memory_and_counts_queries()
    {
        var client = Client();
        var created = await client.CreateKernelAsync(Request("info-session", config: new CreationConfig { InstanceMemory = 2048 }));
        Assert.True(created.Created);
        Assert.Equal("info-session", created.KernelId);

        _host.Clock.Advance(TimeSpan.FromSeconds(3));
        var first = await client.GetKernelInfoAsync(created.KernelId);
        Assert.Equal("python:3.6", first.Lang);
        Assert.Equal(3000, first.Age);
        Assert.Equal(2048 * 1024, first.MemoryLimit);
        Assert.Equal(1, first.NumQueriesExecuted);
        Assert.True(first.CpuCreditUsed > 0);

        _host.Clock.Advance(TimeSpan.FromSeconds(2));
        var second = await client.GetKernelInfoAsync(created.KernelId);
        Assert.Equal(5000, second.Age);
        Assert.Equal(2, second.NumQueriesExecuted);
        Assert.True(second.CpuCreditUsed > first.CpuCreditUsed);
    }

    [Fact]
    public async Task Create_with_the_same_token_and_lang_reuses_the_session_and_ignores_config()
    {
        var client = Client();
        var first = await client.CreateKernelAsync(Request("reuse-me", config: new CreationConfig { InstanceMemory = 1024 }));
        var again = await client.CreateKernelAsync(Request("reuse-me", config: new CreationConfig { InstanceMemory = 4096 }));
        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.KernelId, again.KernelId);
        Assert.Equal(1024 * 1024, (await client.GetKernelInfoAsync(first.KernelId)).MemoryLimit);
    }

    [Fact]
    public async Task Create_with_the_same_token_and_another_lang_is_400_kernel_already_exists()
    {
        var client = Client();
        await client.CreateKernelAsync(Request("lang-clash", "python:3.6"));
        var e = await Assert.ThrowsAsync<ApiException>(() => client.CreateKernelAsync(Request("lang-clash", "r:latest")));
        Assert.Equal(400, e.StatusCode);
        Assert.Equal("https://api.backend.ai/probs/kernel-already-exists", e.Problem?.Type);
        Assert.Equal("The kernel already exists with a different runtime type (language).", e.Problem?.Title);
    }

    [Fact]
    public async Task Create_with_an_unknown_lang_is_404_image_not_found()
    {
        var e = await Assert.ThrowsAsync<ApiException>(() => Client().CreateKernelAsync(Request("cobol-session", "cobol:latest")));
        Assert.Equal(404, e.StatusCode);
        Assert.Equal("https://api.backend.ai/probs/image-not-found", e.Problem?.Type);
    }

    [Theory]
    [InlineData(16384, null, null, null)]
    [InlineData(null, 64, null, null)]
    [InlineData(null, null, 8.5, null)]
    [InlineData(null, null, null, 9)]
    public async Task Create_beyond_the_server_limits_is_406(int? memory, int? cores, double? gpus, int? cluster)
    {
        var config = new CreationConfig { InstanceMemory = memory, InstanceCores = cores, InstanceGpus = gpus, ClusterSize = cluster };
        var e = await Assert.ThrowsAsync<ApiException>(() => Client().CreateKernelAsync(Request("too-big", config: config)));
        Assert.Equal(406, e.StatusCode);
        Assert.Equal("https://api.backend.ai/probs/resource-limit-exceeded", e.Problem?.Type);
    }

    [Fact]
    public async Task Create_beyond_the_concurrency_limit_is_412_quota_exceeded_and_destroy_frees_a_slot()
    {
        var client = Client(accessKey: OtherAccessKey, secretKey: OtherSecretKey);
        for (var i = 0; i < 3; i++) await client.CreateKernelAsync(Request("quota-" + i));
        var e = await Assert.ThrowsAsync<ApiException>(() => client.CreateKernelAsync(Request("quota-3")));
        Assert.Equal(412, e.StatusCode);
        Assert.Equal("https://api.backend.ai/probs/quota-exceeded", e.Problem?.Type);

        await client.DestroyKernelAsync("quota-0");
        Assert.True((await client.CreateKernelAsync(Request("quota-3"))).Created);
    }

    [Fact]
    public async Task Restart_is_204_and_age_and_cpu_credit_keep_growing()
    {
        var client = Client();
        await client.CreateKernelAsync(Request("restart-me", config: new CreationConfig { InstanceCores = 2 }));
        _host.Clock.Advance(TimeSpan.FromSeconds(10));
        var before = await client.GetKernelInfoAsync("restart-me");
        await client.RestartKernelAsync("restart-me");
        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = await client.GetKernelInfoAsync("restart-me");
        Assert.Equal(11000, after.Age);
        Assert.True(after.CpuCreditUsed > before.CpuCreditUsed);
        Assert.True(after.NumQueriesExecuted > before.NumQueriesExecuted);
    }

    [Fact]
    public async Task Destroy_returns_stats_then_the_kernel_is_gone_and_the_token_is_free()
    {
        var client = Client();
        await client.CreateKernelAsync(Request("destroy-me"));
        _host.Clock.Advance(TimeSpan.FromSeconds(4));
        var destroyed = await client.DestroyKernelAsync("destroy-me");
        Assert.NotNull(destroyed.Stats);
        Assert.True(destroyed.Stats!.CpuUsed > 0);
        Assert.True(destroyed.Stats.MemMaxBytes > 0);

        var e = await Assert.ThrowsAsync<ApiException>(() => client.GetKernelInfoAsync("destroy-me"));
        Assert.Equal(404, e.StatusCode);
        Assert.Equal("https://api.backend.ai/probs/kernel-not-found", e.Problem?.Type);
        Assert.Equal("No such kernel.", e.Problem?.Title);
        Assert.True((await client.CreateKernelAsync(Request("destroy-me", "r:latest"))).Created);
    }

    [Fact]
    public async Task Unknown_kernel_ids_are_404_for_info_restart_and_destroy()
    {
        var client = Client();
        foreach (var call in new Func<Task>[] { () => client.GetKernelInfoAsync("nope"), () => client.RestartKernelAsync("nope"), () => client.DestroyKernelAsync("nope") })
        {
            var e = await Assert.ThrowsAsync<ApiException>(call);
            Assert.Equal(404, e.StatusCode);
            Assert.Equal("https://api.backend.ai/probs/kernel-not-found", e.Problem?.Type);
        }
    }

    [Fact]
    public async Task Tokens_are_scoped_per_access_key()
    {
        var mine = await Client().CreateKernelAsync(Request("shared-token"));
        var theirs = await Client(accessKey: OtherAccessKey, secretKey: OtherSecretKey).CreateKernelAsync(Request("shared-token", "r:latest"));
        Assert.True(mine.Created);
        Assert.True(theirs.Created);
        Assert.Equal("python:3.6", (await Client().GetKernelInfoAsync("shared-token")).Lang);
    }

    [Fact]
    public async Task Two_hundred_concurrent_creates_with_one_token_make_one_kernel()
    {
        var client = Client();
        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => client.CreateKernelAsync(Request("race-token")))));
        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.KernelId).Distinct());
    }

    [Fact]
    public async Task Prefixed_routes_are_served()
    {
#pragma warning disable CS0618 // the legacy route is deprecated, and real clients call it
        var created = await Client("/v2").CreateKernelLegacyAsync(Request("prefixed-session"));
#pragma warning restore CS0618
        Assert.True(created.Created);
        var v3 = Client("/v3");
        Assert.Equal("python:3.6", (await v3.GetKernelInfoAsync("prefixed-session")).Lang);
        await v3.RestartKernelAsync("prefixed-session");
        Assert.NotNull((await v3.DestroyKernelAsync("prefixed-session")).Stats);
        Assert.True((await Client("/v4").CreateKernelAsync(Request("prefixed-session"))).Created);
    }

    [Fact]
    public async Task Every_response_has_a_content_type_including_204()
    {
        using var http = Http();
        var responses = new List<HttpResponseMessage>
        {
            await http.PostAsync(_host.Url("/v2/kernel/create"), Json("""{"lang":"python:3.6","clientSessionToken":"ctype-session"}""")),
            await http.GetAsync(_host.Url("/v3/kernel/ctype-session")),
            await http.PatchAsync(_host.Url("/v3/kernel/ctype-session"), null),
            await http.DeleteAsync(_host.Url("/v3/kernel/ctype-session")),
            await http.GetAsync(_host.Url("/v3/kernel/ctype-session")),
            await new HttpClient().GetAsync(_host.Url("/kernel/ctype-session")),
        };
        Assert.Equal(new[] { 201, 200, 204, 200, 404, 401 }, responses.Select(r => (int)r.StatusCode));
        Assert.All(responses, r => Assert.NotNull(r.Content.Headers.ContentType));
        Assert.Equal(0, responses[2].Content.Headers.ContentLength);
    }

    [Theory]
    [InlineData("""{"lang":"python:3.6","clientSessionToken":"EXAMPLE:STRING"}""", "clientSessionToken")]
    [InlineData("""{"lang":"python:3.6","clientSessionToken":"-bad"}""", "clientSessionToken")]
    [InlineData("""{"lang":"python:3.6","clientSessionToken":"abc"}""", "clientSessionToken")]
    [InlineData("""{"lang":"python:3.6","clientSessionToken":"valid-token","resources":{}}""", "resources")]
    [InlineData("""{"lang":"python:3.6","clientSessionToken":"valid-token","config":{"mounts":["a","b","c","d","e","f"]}}""", "config.mounts")]
    [InlineData("""{"clientSessionToken":"valid-token"}""", "lang")]
    public async Task Invalid_bodies_are_400_naming_the_field(string body, string field)
    {
        using var http = Http();
        var response = await http.PostAsync(_host.Url("/kernel"), Json(body));
        var problem = await ProblemAssert.IsProblemAsync(response, 400, SessionsProblems.InvalidApiParamsType);
        ProblemAssert.NamesField(problem, field);
    }

    [Theory]
    [InlineData("{\"lang\": ")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public async Task Malformed_json_is_400_not_500(string body)
    {
        using var http = Http();
        var response = await http.PostAsync(_host.Url("/kernel/create"), Json(body));
        await ProblemAssert.IsProblemAsync(response, 400, SessionsProblems.InvalidApiParamsType);
    }

    [Fact]
    public async Task A_malformed_kernel_id_is_400_naming_kernelId()
    {
        using var http = Http();
        var response = await http.GetAsync(_host.Url("/kernel/bad%21id"));
        ProblemAssert.NamesField(await ProblemAssert.IsProblemAsync(response, 400, SessionsProblems.InvalidApiParamsType), "kernelId");
    }

    [Fact]
    public async Task A_request_without_authorization_is_401_auth_failed()
    {
        var response = await new HttpClient().PostAsync(_host.Url("/kernel"), Json("""{"lang":"python:3.6","clientSessionToken":"no-auth"}"""));
        await ProblemAssert.IsProblemAsync(response, 401, "https://api.backend.ai/probs/auth-failed");
    }

    [Fact]
    public async Task An_unknown_access_key_is_401()
    {
        using var http = Http("AKIAUNKNOWN000000000", "whatever");
        await ProblemAssert.IsProblemAsync(await http.GetAsync(_host.Url("/kernel/any")), 401, "https://api.backend.ai/probs/auth-failed");
    }

    [Fact]
    public async Task A_wrong_secret_key_is_401()
    {
        using var http = Http(SessionsReferenceOptions.DemoAccessKey, "not-the-secret");
        await ProblemAssert.IsProblemAsync(await http.GetAsync(_host.Url("/kernel/any")), 401, "https://api.backend.ai/probs/auth-failed");
    }

    [Fact]
    public async Task A_signature_for_another_path_is_401()
    {
        var response = await SendManuallySignedAsync(HttpMethod.Get, "/kernel/one", "/kernel/other", _host.Clock.GetUtcNow());
        await ProblemAssert.IsProblemAsync(response, 401, "https://api.backend.ai/probs/auth-failed");
    }

    [Theory]
    [InlineData(16)]
    [InlineData(-16)]
    public async Task A_stale_date_is_400_invalid_auth_params(int minutes)
    {
        var response = await SendManuallySignedAsync(HttpMethod.Get, "/kernel/any", "/kernel/any", _host.Clock.GetUtcNow().AddMinutes(minutes));
        await ProblemAssert.IsProblemAsync(response, 400, "https://api.backend.ai/probs/invalid-auth-params");
    }

    [Fact]
    public async Task A_date_within_the_window_is_accepted()
    {
        var response = await SendManuallySignedAsync(HttpMethod.Get, "/kernel/any", "/kernel/any", _host.Clock.GetUtcNow().AddMinutes(14));
        await ProblemAssert.IsProblemAsync(response, 404, "https://api.backend.ai/probs/kernel-not-found");
    }

    [Theory]
    [InlineData("Bearer abc")]
    [InlineData("BackendAI signMethod=HMAC-SHA1, credential=AK:SIG")]
    [InlineData("BackendAI credential=nocolon")]
    public async Task A_malformed_authorization_header_is_400_invalid_auth_params(string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _host.Url("/kernel/any"));
        request.Headers.TryAddWithoutValidation("Authorization", header);
        request.Headers.TryAddWithoutValidation("X-BackendAI-Version", BackendAiSignature.DefaultApiVersion);
        request.Headers.TryAddWithoutValidation("X-BackendAI-Date", BackendAiSignature.FormatDate(_host.Clock.GetUtcNow()));
        await ProblemAssert.IsProblemAsync(await new HttpClient().SendAsync(request), 400, "https://api.backend.ai/probs/invalid-auth-params");
    }

    [Fact]
    public async Task Missing_version_or_date_is_400_invalid_auth_params()
    {
        foreach (var drop in new[] { "X-BackendAI-Version", "X-BackendAI-Date" })
        {
            var response = await SendManuallySignedAsync(HttpMethod.Get, "/kernel/any", "/kernel/any", _host.Clock.GetUtcNow(), drop);
            await ProblemAssert.IsProblemAsync(response, 400, "https://api.backend.ai/probs/invalid-auth-params");
        }
    }

    [Fact]
    public async Task Old_api_versions_sign_the_body_and_a_tampered_body_is_401()
    {
        using var http = Http(version: "v3.20170615");
        var ok = await http.PostAsync(_host.Url("/v3/kernel/create"), Json("""{"lang":"python:3.6","clientSessionToken":"old-client"}"""));
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);

        // The body is replaced after it was signed: the signature no longer matches.
        using var tamper = new HttpClient(new BackendAiSigningHandler(new BackendAiSigningOptions { AccessKey = SessionsReferenceOptions.DemoAccessKey, SecretKey = SessionsReferenceOptions.DemoSecretKey, ApiVersion = "v3.20170615", TimeProvider = _host.Clock })
        {
            InnerHandler = new BodySwapHandler("""{"lang":"r:latest","clientSessionToken":"old-client2"}""") { InnerHandler = new HttpClientHandler() },
        });
        var response = await tamper.PostAsync(_host.Url("/v3/kernel/create"), Json("""{"lang":"python:3.6","clientSessionToken":"old-client2"}"""));
        await ProblemAssert.IsProblemAsync(response, 401, "https://api.backend.ai/probs/auth-failed");
    }

    private async Task<HttpResponseMessage> SendManuallySignedAsync(HttpMethod method, string signedPath, string sentPath, DateTimeOffset date, string? dropHeader = null)
    {
        var host = _host.BaseAddress.Authority;
        var dateText = BackendAiSignature.FormatDate(date);
        var parts = new BackendAiRequestParts
        {
            Method = method.Method,
            PathAndQuery = signedPath,
            Date = dateText,
            Host = host,
            ContentType = "application/json",
            ApiVersion = BackendAiSignature.DefaultApiVersion,
        };
        var signature = BackendAiSignature.ComputeSignature(SessionsReferenceOptions.DemoSecretKey, parts);
        using var request = new HttpRequestMessage(method, _host.Url(sentPath)) { Content = new ByteArrayContent([]) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("Authorization", BackendAiSignature.FormatAuthorization(SessionsReferenceOptions.DemoAccessKey, signature));
        if (dropHeader != "X-BackendAI-Version") request.Headers.TryAddWithoutValidation("X-BackendAI-Version", BackendAiSignature.DefaultApiVersion);
        if (dropHeader != "X-BackendAI-Date") request.Headers.TryAddWithoutValidation("X-BackendAI-Date", dateText);
        return await new HttpClient().SendAsync(request);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>Replaces the body after it was signed.</summary>
    private sealed class BodySwapHandler(string body) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            request.Content = Json(body);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Contracts.Clients.Tests.Server;
using Kernel.Contracts.Clients.Tests.Spec;
using Xunit;
using P = Kernel.Platform.Client;
using S = Kernel.Sessions.Client;

namespace Kernel.Contracts.Clients.Tests;

/// <summary>The Platform API key handler and the Backend.AI signing handler, checked on the server side.</summary>
[Collection(ServerCollection.Name)]
public sealed class AuthHandlerTests(ContractServer server)
{
    private const string KernelInfoJson = "{\"lang\":\"python:3.6\",\"age\":1,\"memoryLimit\":1,\"numQueriesExecuted\":1,\"cpuCreditUsed\":1}";

    [Fact]
    public async Task ApiKeyHandler_sends_the_raw_key_as_Authorization_replacing_any_other()
    {
        var c = server.NewCase().Json(200, "{\"datasets\":[]}");
        var http = server.Client(c, new P.ApiKeyHandler("sk_live_0123456789abcdef"));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "something-else");
        await new P.KernelPlatformClient(http, new P.KernelPlatformClientOptions { BaseAddress = server.PlatformBase }).ListDatasetsAsync("s1");

        Assert.Equal("sk_live_0123456789abcdef", c.Single().Header("Authorization"));
    }

    [Fact]
    public async Task ApiKeyHandler_asks_its_provider_before_each_request()
    {
        var c = server.NewCase().Json(200, "{\"datasets\":[]}");
        var calls = 0;
        var handler = new P.ApiKeyHandler(_ => new ValueTask<string>("key-" + Interlocked.Increment(ref calls)));
        var client = new P.KernelPlatformClient(server.Client(c, handler), new P.KernelPlatformClientOptions { BaseAddress = server.PlatformBase });

        await client.ListDatasetsAsync("s1");
        await client.ListDatasetsAsync("s1");

        Assert.Equal(new[] { "key-1", "key-2" }, c.Requests.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task Every_Sessions_operation_is_signed_so_that_an_independent_server_check_accepts_it()
    {
        var now = new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        foreach (var operation in ClientOperations.All.Where(o => o.Api == SpecDocuments.Sessions))
        {
            var c = server.NewCase();
            c.EnforceSignature = true;
            (c.Status, c.Body) = operation.OperationId switch
            {
                "createKernel" or "createKernelLegacy" => (201, "{\"kernelId\":\"k1\",\"created\":true}"),
                "getKernelInfo" => (200, KernelInfoJson),
                "destroyKernel" => (200, "{\"stats\":null}"),
                _ => (204, null),
            };
            c.ContentType = "application/json";
            var handler = new S.BackendAiSigningHandler(new S.BackendAiSigningOptions { AccessKey = ContractServer.AccessKey, SecretKey = ContractServer.SecretKey, TimeProvider = new FixedTime(now) });
            var client = new S.KernelSessionsClient(server.Client(c, handler), new S.KernelSessionsClientOptions { BaseAddress = server.Root });

            await operation.Invoke(new ClientPair(null!, client), default);

            var request = c.Single();
            Assert.True(request.Signature!.IsValid, operation.OperationId + ": " + request.Signature.Reason);
            Assert.Equal("v4.20181215", request.Header("X-BackendAI-Version"));
            Assert.Equal(now.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+00:00", request.Header("X-BackendAI-Date"));
            Assert.Null(request.Header("Date"));
            Assert.Equal(server.Root.Authority, request.Header("Host"));
            // Also the requests without a body: the content type is a signed line, and the document asks for application/json everywhere.
            Assert.Equal("application/json", request.Header("Content-Type"));
            var authorization = Regex.Match(request.Header("Authorization")!, "^BackendAI signMethod=HMAC-SHA256, credential=([^:]+):([0-9a-f]{64})$");
            Assert.True(authorization.Success, request.Header("Authorization"));
            Assert.Equal(ContractServer.AccessKey, authorization.Groups[1].Value);
            // From v4.20181215 on, the body is not signed: the last line is the hash of an empty body.
            Assert.EndsWith("\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", request.Signature.StringToSign, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Versions_before_v4_20181215_sign_the_body_and_the_prefixed_path()
    {
        var c = server.NewCase().Json(201, "{\"kernelId\":\"k1\",\"created\":true}");
        c.EnforceSignature = true;
        var handler = new S.BackendAiSigningHandler(new S.BackendAiSigningOptions { AccessKey = ContractServer.AccessKey, SecretKey = ContractServer.SecretKey, ApiVersion = "v3.20170615" });
        var client = new S.KernelSessionsClient(server.Client(c, handler), new S.KernelSessionsClientOptions { BaseAddress = new Uri(server.Root, "v3/") });

#pragma warning disable CS0618 // the legacy route, as the clients of the v3 era called it
        await client.CreateKernelLegacyAsync(new S.CreateKernelRequest { Lang = "python:3.6", ClientSessionToken = "backend-ai-SDK-js-x7Kq2mZp" });
#pragma warning restore CS0618

        var request = c.Single();
        Assert.True(request.Signature!.IsValid, request.Signature.Reason);
        Assert.Equal("/v3/kernel/create", request.RawTarget);
        Assert.Equal("v3.20170615", request.Header("X-BackendAI-Version"));
        var lines = request.Signature.StringToSign!.Split('\n');
        Assert.Equal("/v3/kernel/create", lines[1]);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(request.Body)).ToLowerInvariant(), lines[6]);
    }

    [Theory]
    [InlineData("v3.20170615", 401)]
    [InlineData("v4.20181215", 201)]
    public async Task A_body_changed_after_signing_is_detected_only_when_the_version_signs_the_body(string version, int expected)
    {
        var c = server.NewCase().Json(201, "{\"kernelId\":\"k1\",\"created\":true}");
        c.EnforceSignature = true;
        var signing = new S.BackendAiSigningHandler(new S.BackendAiSigningOptions { AccessKey = ContractServer.AccessKey, SecretKey = ContractServer.SecretKey, ApiVersion = version });
        var client = new S.KernelSessionsClient(server.Client(c, signing, new TamperingHandler()), new S.KernelSessionsClientOptions { BaseAddress = server.Root });
        var body = new S.CreateKernelRequest { Lang = "python:3.6", ClientSessionToken = "token-1" };

        if (expected == 201)
        {
            Assert.True((await client.CreateKernelAsync(body)).Created);
        }
        else
        {
            var error = await ApiError.Catch(() => client.CreateKernelAsync(body));
            Assert.Equal(401, error.StatusCode);
            Assert.Equal("https://api.backend.ai/probs/auth-failed", error.ProblemType);
        }

        Assert.Contains("cobol", c.Single().BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_secret_or_an_unknown_access_key_is_401_auth_failed()
    {
        foreach (var (accessKey, secretKey) in new[] { (ContractServer.AccessKey, "not-the-secret"), ("AKIAUNKNOWN", ContractServer.SecretKey) })
        {
            var c = server.NewCase().Json(200, KernelInfoJson);
            c.EnforceSignature = true;
            var client = new S.KernelSessionsClient(server.Client(c, new S.BackendAiSigningHandler(accessKey, secretKey)), new S.KernelSessionsClientOptions { BaseAddress = server.Root });

            var error = await ApiError.Catch(() => client.GetKernelInfoAsync("k1"));

            Assert.Equal(401, error.StatusCode);
            Assert.Equal("https://api.backend.ai/probs/auth-failed", error.ProblemType);
            Assert.Equal("Credential/signature mismatch.", error.ProblemTitle);
        }
    }

    [Fact]
    public async Task A_client_clock_20_minutes_off_is_400_invalid_auth_params()
    {
        var c = server.NewCase().Json(200, KernelInfoJson);
        c.EnforceSignature = true;
        var handler = new S.BackendAiSigningHandler(new S.BackendAiSigningOptions { AccessKey = ContractServer.AccessKey, SecretKey = ContractServer.SecretKey, TimeProvider = new FixedTime(DateTimeOffset.UtcNow.AddMinutes(-20)) });
        var client = new S.KernelSessionsClient(server.Client(c, handler), new S.KernelSessionsClientOptions { BaseAddress = server.Root });

        var error = await ApiError.Catch(() => client.GetKernelInfoAsync("k1"));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("https://api.backend.ai/probs/invalid-auth-params", error.ProblemType);
        Assert.Contains("stale", error.ProblemDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Headers_set_by_the_caller_do_not_break_the_signature()
    {
        // A server prefers Date over X-BackendAI-Date, so a Date header left on the request would be checked instead of the signed one.
        var c = server.NewCase().Json(200, KernelInfoJson);
        c.EnforceSignature = true;
        var http = server.Client(c, new S.BackendAiSigningHandler(ContractServer.AccessKey, ContractServer.SecretKey));
        http.DefaultRequestHeaders.Date = DateTimeOffset.UtcNow.AddDays(-1);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "stale");
        http.DefaultRequestHeaders.TryAddWithoutValidation("X-BackendAI-Version", "v1.20160915");
        var client = new S.KernelSessionsClient(http, new S.KernelSessionsClientOptions { BaseAddress = server.Root });

        await client.GetKernelInfoAsync("k1");

        var request = c.Single();
        Assert.True(request.Signature!.IsValid, request.Signature.Reason);
        Assert.Null(request.Header("Date"));
        Assert.Equal("v4.20181215", request.Header("X-BackendAI-Version"));
        Assert.StartsWith("BackendAI ", request.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_content_type_with_parameters_is_kept_and_signed_without_them()
    {
        var c = server.NewCase().Json(201, "{\"kernelId\":\"k1\",\"created\":true}");
        c.EnforceSignature = true;
        var http = server.Client(c, new S.BackendAiSigningHandler(ContractServer.AccessKey, ContractServer.SecretKey));

        using var response = await http.PostAsync(new Uri(server.Root, "v4/kernel"), new StringContent("{\"lang\":\"python:3.6\",\"clientSessionToken\":\"token-1\"}", Encoding.UTF8, "application/json"));
        using var bare = await http.PostAsync(new Uri(server.Root, "v4/kernel"), new ByteArrayContent(Encoding.UTF8.GetBytes("{}")));

        Assert.Equal(201, (int)response.StatusCode);
        Assert.Equal(201, (int)bare.StatusCode);
        var requests = c.Requests.ToArray();
        Assert.Equal("application/json; charset=utf-8", requests[0].Header("Content-Type"));
        Assert.Equal("application/json", requests[1].Header("Content-Type")); // a body without a content type gets application/json
        Assert.All(requests, r => Assert.Contains("\ncontent-type:application/json\n", r.Signature!.StringToSign, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_query_string_is_part_of_the_signed_path()
    {
        var c = server.NewCase().Json(200, KernelInfoJson);
        c.EnforceSignature = true;
        var http = server.Client(c, new S.BackendAiSigningHandler(ContractServer.AccessKey, ContractServer.SecretKey));

        using var response = await http.GetAsync(new Uri(server.Root, "v4/kernel/k1?fields=lang&x=a%20b"));

        Assert.Equal(200, (int)response.StatusCode);
        var request = c.Single();
        Assert.True(request.Signature!.IsValid, request.Signature.Reason);
        Assert.Equal("/v4/kernel/k1?fields=lang&x=a%20b", request.Signature.StringToSign!.Split('\n')[1]);
    }

    [Fact]
    public async Task One_handler_signs_concurrent_requests()
    {
        var c = server.NewCase().Json(200, KernelInfoJson);
        c.EnforceSignature = true;
        var client = new S.KernelSessionsClient(server.Client(c, new S.BackendAiSigningHandler(ContractServer.AccessKey, ContractServer.SecretKey)), new S.KernelSessionsClientOptions { BaseAddress = new Uri(server.Root, "v4/") });

        await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() => client.GetKernelInfoAsync("kernel-" + i))));

        Assert.Equal(32, c.Requests.Count);
        Assert.All(c.Requests, r => Assert.True(r.Signature!.IsValid, r.Signature.Reason));
        Assert.Equal(32, c.Requests.Select(r => r.RawTarget).Distinct().Count());
    }

    [Fact]
    public void The_handler_rejects_incomplete_options()
    {
        Assert.Throws<ArgumentException>(() => new S.BackendAiSigningHandler(string.Empty, "secret"));
        Assert.Throws<ArgumentException>(() => new S.BackendAiSigningHandler("access", string.Empty));
        Assert.Throws<ArgumentException>(() => new S.BackendAiSigningHandler("acc:ess", "secret"));
        Assert.Throws<ArgumentException>(() => new S.BackendAiSigningHandler(new S.BackendAiSigningOptions { AccessKey = "a", SecretKey = "s", ApiVersion = " " }));
        Assert.Throws<ArgumentNullException>(() => new S.BackendAiSigningHandler(null!));
    }

    [Fact]
    public void The_handler_copies_its_options()
    {
        var options = new S.BackendAiSigningOptions { AccessKey = "a", SecretKey = "s", ApiVersion = "v3.20170615" };
        var handler = new S.BackendAiSigningHandler(options);
        options.AccessKey = "changed";
        options.ApiVersion = "v4.20181215";
        Assert.Equal("a", handler.AccessKey);
        Assert.Equal("v3.20170615", handler.ApiVersion);
    }

    /// <summary>Replaces the body after it was signed.</summary>
    private sealed class TamperingHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var contentType = request.Content!.Headers.ContentType;
            request.Content = new StringContent("{\"lang\":\"cobol:latest\",\"clientSessionToken\":\"token-1\"}");
            request.Content.Headers.ContentType = contentType;
            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>A clock that always says the same time.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Known answers and edge cases of <see cref="S.BackendAiSignature"/>, computed independently here.</summary>
public sealed class BackendAiSignatureTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static readonly S.BackendAiRequestParts V4 = new()
    {
        Method = "POST",
        PathAndQuery = "/v2/kernel/create",
        Date = "2018-12-15T09:30:00+00:00",
        Host = "api.backend.ai",
        ContentType = "application/json",
        ApiVersion = "v4.20181215",
        Body = Encoding.UTF8.GetBytes("{\"x\":1}"),
    };

    private static readonly S.BackendAiRequestParts V3 = new()
    {
        Method = "POST",
        PathAndQuery = "/v3/kernel/create?x=1",
        Date = "2018-12-15T23:59:59+00:00",
        Host = "127.0.0.1:8081",
        ContentType = "application/json",
        ApiVersion = "v3.20170615",
        Body = Encoding.UTF8.GetBytes("{\"lang\":\"python:3.6\",\"clientSessionToken\":\"EXAMPLE-STRING\"}"),
    };

    [Fact]
    public void The_string_to_sign_has_the_seven_lines_of_the_reference()
    {
        Assert.Equal(
            "POST\n/v2/kernel/create\n2018-12-15T09:30:00+00:00\nhost:api.backend.ai\ncontent-type:application/json\nx-backendai-version:v4.20181215\n"
            + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            S.BackendAiSignature.BuildStringToSign(V4));
        Assert.Equal(
            "POST\n/v3/kernel/create?x=1\n2018-12-15T23:59:59+00:00\nhost:127.0.0.1:8081\ncontent-type:application/json\nx-backendai-version:v3.20170615\n"
            + Hex(SHA256.HashData(V3.Body.Span)),
            S.BackendAiSignature.BuildStringToSign(V3));
    }

    [Fact]
    public void Known_answer_v4_body_not_signed()
    {
        // Computed with Python's hmac/hashlib from the reference notes.
        const string python = "25d5fab3cd7203e723ee5d5efa6a5015ad2a0b921736287fe80ca2eb04e60244";
        var independent = Expected(Secret, "20181215", "api.backend.ai",
            "POST\n/v2/kernel/create\n2018-12-15T09:30:00+00:00\nhost:api.backend.ai\ncontent-type:application/json\nx-backendai-version:v4.20181215\n" + Hex(SHA256.HashData(Array.Empty<byte>())));
        Assert.Equal(python, independent);
        Assert.Equal(python, S.BackendAiSignature.ComputeSignature(Secret, V4));
        Assert.Equal(python, S.BackendAiSignature.ComputeSignature(Secret, V4 with { Body = Encoding.UTF8.GetBytes("anything else") }));
    }

    [Fact]
    public void Known_answer_v3_body_signed()
    {
        const string python = "823638ec644fd312cf74d8ea6410f48f59529c323129c237ca22297c9cf85ae3";
        var independent = Expected(Secret, "20181215", "127.0.0.1:8081",
            "POST\n/v3/kernel/create?x=1\n2018-12-15T23:59:59+00:00\nhost:127.0.0.1:8081\ncontent-type:application/json\nx-backendai-version:v3.20170615\n" + Hex(SHA256.HashData(V3.Body.Span)));
        Assert.Equal(python, independent);
        Assert.Equal(python, S.BackendAiSignature.ComputeSignature(Secret, V3));
        Assert.NotEqual(python, S.BackendAiSignature.ComputeSignature(Secret, V3 with { Body = Encoding.UTF8.GetBytes("{}") }));
    }

    [Fact]
    public void The_signing_key_is_keyed_by_the_UTC_date_then_the_host()
    {
        using var first = new HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        using var second = new HMACSHA256(first.ComputeHash(Encoding.UTF8.GetBytes("20181215")));
        var expected = second.ComputeHash(Encoding.UTF8.GetBytes("api.backend.ai:8080"));

        // 01:00 at +09:00 on the 16th is still the 15th in UTC.
        Assert.Equal(expected, S.BackendAiSignature.DeriveSigningKey(Secret, DateTimeOffset.Parse("2018-12-16T01:00:00+09:00", CultureInfo.InvariantCulture), "api.backend.ai:8080"));
        Assert.Equal(expected, S.BackendAiSignature.DeriveSigningKey(Secret, new DateTimeOffset(2018, 12, 15, 23, 59, 59, TimeSpan.Zero), "api.backend.ai:8080"));
        Assert.NotEqual(expected, S.BackendAiSignature.DeriveSigningKey(Secret, new DateTimeOffset(2018, 12, 16, 0, 0, 0, TimeSpan.Zero), "api.backend.ai:8080"));
        Assert.NotEqual(expected, S.BackendAiSignature.DeriveSigningKey(Secret, new DateTimeOffset(2018, 12, 15, 0, 0, 0, TimeSpan.Zero), "api.backend.ai"));
    }

    [Theory]
    [InlineData("application/json", "application/json")]
    [InlineData("Application/JSON; charset=UTF-8", "application/json")]
    [InlineData(" text/plain ;q=1", "text/plain")]
    [InlineData(null, "application/octet-stream")]
    [InlineData("", "application/octet-stream")]
    public void The_content_type_is_signed_without_parameters(string? header, string signed)
    {
        Assert.Equal(signed, S.BackendAiSignature.MediaType(header));
        Assert.Contains("\ncontent-type:" + signed + "\n", S.BackendAiSignature.BuildStringToSign(V4 with { ContentType = header }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1.20160915", true)]
    [InlineData("v2.20170315", true)]
    [InlineData("v3.20170615", true)]
    [InlineData("v4.20181214", true)]
    [InlineData("v4.20181215", false)]
    [InlineData("v4.20190315", false)]
    public void Only_versions_before_v4_20181215_sign_the_body(string version, bool signsBody)
    {
        Assert.Equal(signsBody, S.BackendAiSignature.SignsBody(version));
    }

    [Fact]
    public void Hashes_and_dates_are_formatted_as_the_reference_says()
    {
        Assert.Equal(S.BackendAiSignature.EmptyBodySha256, Hex(SHA256.HashData(Array.Empty<byte>())));
        Assert.Equal(S.BackendAiSignature.EmptyBodySha256, S.BackendAiSignature.HashBody(ReadOnlySpan<byte>.Empty));
        Assert.Equal("2018-12-15T09:30:00+00:00", S.BackendAiSignature.FormatDate(DateTimeOffset.Parse("2018-12-15T18:30:00.999+09:00", CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2018-12-15T09:30:00+00:00", "2018-12-15T09:30:00Z")]
    [InlineData("2018-12-15T09:30:00Z", "2018-12-15T09:30:00Z")]
    [InlineData("2018-12-15T09:30:00.123Z", "2018-12-15T09:30:00.123Z")]
    [InlineData("2018-12-15T18:30:00+09:00", "2018-12-15T09:30:00Z")]
    [InlineData("2018-12-15T09:30:00", "2018-12-15T09:30:00Z")]
    [InlineData("Sat, 15 Dec 2018 09:30:00 GMT", "2018-12-15T09:30:00Z")]
    public void Dates_parse_as_ISO_8601_or_HTTP_dates_and_default_to_UTC(string header, string utc)
    {
        Assert.True(S.BackendAiSignature.TryParseDate(header, out var date));
        Assert.Equal(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture), date);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    public void Unparsable_dates_are_rejected(string? header)
    {
        Assert.False(S.BackendAiSignature.TryParseDate(header, out _));
        Assert.Throws<FormatException>(() => S.BackendAiSignature.ComputeSignature(Secret, V4 with { Date = header ?? string.Empty }));
    }

    [Fact]
    public void The_Authorization_header_is_formatted_and_parsed()
    {
        var header = S.BackendAiSignature.FormatAuthorization("AKIAIOSFODNN7EXAMPLE", "00ff");
        Assert.Equal("BackendAI signMethod=HMAC-SHA256, credential=AKIAIOSFODNN7EXAMPLE:00ff", header);
        Assert.True(S.BackendAiSignature.TryParseAuthorization(header, out var accessKey, out var signature));
        Assert.Equal(("AKIAIOSFODNN7EXAMPLE", "00ff"), (accessKey, signature));

        Assert.True(S.BackendAiSignature.TryParseAuthorization("BackendAI credential=AK:ab12 ,  signMethod=hmac-sha256", out accessKey, out signature));
        Assert.Equal(("AK", "ab12"), (accessKey, signature));

        Assert.Throws<ArgumentException>(() => S.BackendAiSignature.FormatAuthorization("AK:1", "00"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("BackendAI")]
    [InlineData("Sorna signMethod=HMAC-SHA256, credential=AK:ab")]
    [InlineData("BackendAI signMethod=HMAC-SHA1, credential=AK:ab")]
    [InlineData("BackendAI signMethod=HMAC-SHA256")]
    [InlineData("BackendAI credential=AK:ab")]
    [InlineData("BackendAI signMethod=HMAC-SHA256, credential=AKab")]
    [InlineData("BackendAI signMethod=HMAC-SHA256, credential=:ab")]
    [InlineData("BackendAI signMethod=HMAC-SHA256, credential=AK:")]
    [InlineData("BackendAI signMethod=HMAC-SHA256, credential")]
    public void Malformed_Authorization_headers_are_rejected(string? header)
    {
        Assert.False(S.BackendAiSignature.TryParseAuthorization(header, out _, out _));
    }

    [Fact]
    public void Verify_accepts_a_fresh_correct_signature()
    {
        var signature = S.BackendAiSignature.ComputeSignature(Secret, V4);
        var date = DateTimeOffset.Parse(V4.Date, CultureInfo.InvariantCulture);
        Assert.Equal(S.BackendAiVerificationResult.Valid, S.BackendAiSignature.Verify(Secret, V4, signature, date));
        Assert.Equal(S.BackendAiVerificationResult.Valid, S.BackendAiSignature.Verify(Secret, V4, signature, date.AddMinutes(14)));
        Assert.Equal(S.BackendAiVerificationResult.Valid, S.BackendAiSignature.Verify(Secret, V4, signature, date.AddMinutes(-14)));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(-16)]
    [InlineData(60 * 24)]
    public void Verify_detects_a_stale_date(int minutes)
    {
        var signature = S.BackendAiSignature.ComputeSignature(Secret, V4);
        var now = DateTimeOffset.Parse(V4.Date, CultureInfo.InvariantCulture).AddMinutes(minutes);
        Assert.Equal(S.BackendAiVerificationResult.StaleDate, S.BackendAiSignature.Verify(Secret, V4, signature, now));
        Assert.Equal(S.BackendAiVerificationResult.Valid, S.BackendAiSignature.Verify(Secret, V4, signature, now, TimeSpan.FromDays(2)));
    }

    [Fact]
    public void Verify_detects_a_wrong_secret_and_every_tampered_part()
    {
        var now = DateTimeOffset.Parse(V3.Date, CultureInfo.InvariantCulture);
        var signature = S.BackendAiSignature.ComputeSignature(Secret, V3);
        Assert.Equal(S.BackendAiVerificationResult.Valid, S.BackendAiSignature.Verify(Secret, V3, signature, now));

        Assert.Equal(S.BackendAiVerificationResult.SignatureMismatch, S.BackendAiSignature.Verify(Secret + "x", V3, signature, now));
        var tampered = new[]
        {
            V3 with { Method = "PUT" },
            V3 with { PathAndQuery = "/v3/kernel/create?x=2" },
            V3 with { Date = "2018-12-15T23:59:58+00:00" },
            V3 with { Host = "127.0.0.1:8082" },
            V3 with { ContentType = "text/plain" },
            V3 with { ApiVersion = "v3.20170616" },
            V3 with { Body = Encoding.UTF8.GetBytes("{}") },
        };
        foreach (var request in tampered)
        {
            Assert.Equal(S.BackendAiVerificationResult.SignatureMismatch, S.BackendAiSignature.Verify(Secret, request, signature, now));
        }

        Assert.Equal(S.BackendAiVerificationResult.SignatureMismatch, S.BackendAiSignature.Verify(Secret, V3, signature.ToUpperInvariant(), now));
        Assert.Equal(S.BackendAiVerificationResult.SignatureMismatch, S.BackendAiSignature.Verify(Secret, V3, signature.Substring(0, 63), now));
        Assert.Equal(S.BackendAiVerificationResult.SignatureMismatch, S.BackendAiSignature.Verify(Secret, V3, string.Empty, now));
        Assert.Equal(S.BackendAiVerificationResult.InvalidDate, S.BackendAiSignature.Verify(Secret, V3 with { Date = "soon" }, signature, now));
    }

    [Fact]
    public void Verify_compares_signatures_in_constant_time()
    {
        // A timing measurement would be flaky; instead, check that Verify's body compares with FixedTimeEquals and nothing else.
        var source = File.ReadAllText(Path.Combine(SpecDocuments.RepositoryRoot, "generated", "Kernel.Sessions.Client", "Auth", "BackendAiSignature.cs"));
        var start = source.IndexOf("public static BackendAiVerificationResult Verify(", StringComparison.Ordinal);
        Assert.True(start >= 0, "Verify not found");
        var end = source.IndexOf("\n    }\n", start, StringComparison.Ordinal);
        var body = source.Substring(start, end - start);
        Assert.Contains("CryptographicOperations.FixedTimeEquals(", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SequenceEqual", body, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"signature\s*[!=]=|[!=]=\s*signature|\.Equals\(|string\.Compare", body);
    }

    private static string Expected(string secret, string day, string host, string stringToSign)
    {
        using var k1 = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        using var k2 = new HMACSHA256(k1.ComputeHash(Encoding.UTF8.GetBytes(day)));
        using var mac = new HMACSHA256(k2.ComputeHash(Encoding.UTF8.GetBytes(host)));
        return Hex(mac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
    }

    private static string Hex(byte[] bytes) => string.Concat(bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
}

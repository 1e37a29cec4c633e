using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Contracts.Reference.Platform;
using Kernel.Contracts.Reference.Sessions;
using Kernel.Sessions.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Kernel.Contracts.Reference.Tests;

/// <summary>
/// A few thousand hostile requests, made deterministically from a seed by mutating the documented requests (methods,
/// paths, percent-encodings, headers, bodies), sent as raw bytes over loopback so nothing normalises them on the way.
/// Every response the application writes must carry a Content-Type the 2018 JavaScript client can read, and none may be
/// a 5xx; a response without a Content-Type must be one Kestrel wrote before the application saw the request.
/// </summary>
public sealed class HostileRequestTests
{
    private const int RequestsPerApi = 1500;

    /// <summary>What Kestrel answers by itself, before the application runs (spec/DECISIONS.md lists them).</summary>
    private static readonly int[] KestrelStatuses = [400, 405, 414, 431];

    [Theory]
    [InlineData("GET /kernel/../../etc/passwd", "", 404, true)] // Kestrel normalises it to /etc/passwd
    [InlineData("GET /v3/kernel/%2e%2e/%2e%2e/etc/passwd", "", 404, true)]
    [InlineData("GET /v3/kernel/a%00b", "", 400, false)] // Kestrel refuses an encoded NUL
    [InlineData("GET /v3/kernel/%zz", "", 401, true)] // broken encodings reach the routes (and their security hook) as they are
    [InlineData("GET /v3/kernel/%ff%fe", "", 401, true)]
    [InlineData("GET /v3/kernel/%", "", 401, true)]
    [InlineData("GET /v3/kernel/a\u0001b", "", 401, true)]
    [InlineData("GET /nope%zz%", "", 404, true)]
    [InlineData("FOO /v3/kernel/tok-1", "", 405, true)]
    [InlineData("PROPFIND /kernel", "", 405, true)]
    [InlineData("GET /long", "", 414, false)]
    [InlineData("GET /v3/kernel/tok-1", "X-Big", 431, false)]
    [InlineData("POST * ", "", 405, false)]
    [InlineData("GET /v3/kernel/tok-1", "X-Control: a\u0001b", 401, true)] // Kestrel lets a control character in a header value through
    [InlineData("GET /v3/kernel/tok-1", "no colon here", 400, false)]
    [InlineData("POST /kernel", "Content-Length: abc", 400, false)]
    public async Task Each_kind_of_hostile_request_gets_its_answer(string requestLine, string header, int status, bool typed)
    {
        await using var host = await TestHost.StartAsync(s => s.AddSessionsReference(), app => app.MapSessionsReference());
        var line = requestLine.Replace("/long", "/" + new string('a', 9000), StringComparison.Ordinal);
        var headers = "Host: " + host.BaseAddress.Authority + "\r\nConnection: close\r\n" + (header == "X-Big" ? "X-Big: " + new string('b', 40 * 1024) : header) + (header.Length > 0 ? "\r\n" : string.Empty);

        var response = await RawHttp.SendAsync(host.BaseAddress.Port, Encoding.UTF8.GetBytes(line.TrimEnd() + " HTTP/1.1\r\n" + headers + "\r\n"), CancellationToken.None);

        Assert.NotNull(response);
        Assert.Equal(status, response.Status);
        if (typed)
        {
            Assert.Equal("application/problem+json", response.ContentType);
            Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(response.Body).RootElement.GetProperty("title").GetString()));
        }
        else
        {
            Assert.Null(response.ContentType); // written by Kestrel before the application ran
        }
    }

    [Theory]
    [InlineData("platform", 1)]
    [InlineData("sessions", 2)]
    public async Task No_hostile_request_gets_a_5xx_or_an_untyped_answer_from_the_application(string api, int seed)
    {
        var reached = new ConcurrentDictionary<string, byte>();
        await using var host = await TestHost.StartAsync(
            s =>
            {
                if (api == "platform") s.AddPlatformReference();
                else s.AddSessionsReference();
            },
            app =>
            {
                // Marks each request the application saw (Kestrel's own rejections never get here).
                app.Use(async (HttpContext context, RequestDelegate next) =>
                {
                    reached.TryAdd(context.Request.Headers[HostileRequest.IdHeader].ToString(), 0);
                    await next(context);
                });
                if (api == "platform") app.MapPlatformReference();
                else app.MapSessionsReference();
                app.MapReferenceProviderStates();
            });

        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(4)); // a hang bound, not a timing assertion
        var random = new Random(seed);
        var failures = new List<string>();
        var kestrelOnly = new SortedDictionary<int, int>();
        var statuses = new SortedDictionary<int, int>();
        for (var i = 0; i < RequestsPerApi; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            var request = HostileRequest.Make(api, random, id, host);
            var response = await RawHttp.SendAsync(host.BaseAddress.Port, request.Bytes, bound.Token);
            var line = request.Summary + " -> ";
            if (response is null)
            {
                failures.Add(line + "no response");
                continue;
            }

            statuses[response.Status] = statuses.GetValueOrDefault(response.Status) + 1;
            line += response.Status + " " + (response.ContentType ?? "(no Content-Type)");
            if (response.Status >= 500)
            {
                failures.Add(line + ": a 5xx");
            }

            if (!reached.ContainsKey(id))
            {
                if (response.ContentType is null && !KestrelStatuses.Contains(response.Status)) failures.Add(line + ": Kestrel answered with an unexpected status");
                if (response.ContentType is null) kestrelOnly[response.Status] = kestrelOnly.GetValueOrDefault(response.Status) + 1;
                else if (request.Method != "HEAD" && Js2018Client.Unreadable(response.ContentType, response.Body) is { } unreadableEarly) failures.Add(line + ": " + unreadableEarly);
                continue;
            }

            if (request.Method != "HEAD" && Js2018Client.Unreadable(response.ContentType, response.Body) is { } why) failures.Add(line + ": " + why);
            else if (request.Method == "HEAD" && response.ContentType is null) failures.Add(line + ": no Content-Type");
        }

        var summary = "statuses " + string.Join(", ", statuses.Select(s => s.Key + "×" + s.Value)) + "; Kestrel alone: " + string.Join(", ", kestrelOnly.Select(s => s.Key + "×" + s.Value));
        Assert.True(failures.Count == 0, failures.Count + " of " + RequestsPerApi + " hostile requests failed (" + summary + "):\n" + string.Join("\n", failures.Take(30)));

        // The mutations must reach the application's every layer, not only Kestrel's parser: routing, security, validation, handlers.
        Assert.True(reached.Count > RequestsPerApi / 2, "only " + reached.Count + " requests reached the application (" + summary + ")");
        Assert.All(new[] { 200, 400, 401, 404, 405 }, s => Assert.True(statuses.ContainsKey(s), "no " + s + " among " + summary));
        Assert.All(KestrelStatuses, s => Assert.True(kestrelOnly.ContainsKey(s), "no Kestrel " + s + " among " + summary));
    }
}

/// <summary>One hostile request: its bytes and a readable one-line summary.</summary>
internal sealed record HostileRequest(string Method, string Summary, byte[] Bytes)
{
    /// <summary>Numbers each request, so the test knows which ones reached the application.</summary>
    public const string IdHeader = "X-Hostile-Id";

    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "CONNECT", "FOO", "get", "M-SEARCH", "PROPFIND", new string('X', 300)];

    private static readonly string[] PathBreaks =
    [
        "/../../etc/passwd", "/..", "/./", "%00", "/%00/", "%zz", "%", "%g1", "%c0%ae%c0%ae/", "%ff%fe", "//", "/%2e%2e/%2e%2e/", "\\..\\..\\",
        ";jsessionid=1", "%252e%252e", "/%2F", "%u002e", "\u00e9", "\u4e2d", "%e2%80%ae",
    ];

    private static readonly string[] Queries =
    [
        "", "?", "?%zz=1", "?a=%00", "?expires=1&expires=2", "?signature=" + new string('a', 3000), "?x=%ff%fe", "?&&&=&", "?a[]=1&a[]=2", "?expires=-1&signature=00",
    ];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json", "application/json; charset=utf-8", "text/plain", "application/xml", "application/json; charset=latin1", ";;;",
        "multipart/form-data; boundary=x", "application/problem+json", "application/x-www-form-urlencoded",
    ];

    private static readonly string[] Accepts = ["*/*", "text/html", "application/xml", "application/problem+json", "application/json;q=0", "text/plain"];

    public static HostileRequest Make(string api, Random random, string id, TestHost host)
    {
        var (method, path, body) = Documented(api, random);
        if (random.Next(4) == 0) method = Methods[random.Next(Methods.Length)];
        path = MutatePath(path, random);
        var target = path + Queries[random.Next(Queries.Length)] + (random.Next(20) == 0 ? "#frag" : string.Empty);
        if (random.Next(200) == 0) target = "*";
        if (random.Next(100) == 0) target = "http://127.0.0.1" + target;
        body = MutateBody(body, random);

        var headers = new List<(string Name, string Value)> { ("Host", host.BaseAddress.Authority), ("Connection", "close"), (IdHeader, id) };
        string? contentType = random.Next(6) == 0 ? null : ContentTypes[random.Next(ContentTypes.Length)];
        if (contentType is not null) headers.Add(("Content-Type", contentType));
        if (random.Next(3) == 0) headers.Add(("Accept", Accepts[random.Next(Accepts.Length)]));
        if (api == "platform") AddPlatformAuth(headers, random);

        switch (random.Next(40))
        {
            case 0: headers.Add(("X-Big", new string('b', 40 * 1024))); break; // 431
            case 1: headers.Add(("X-Control", "a\u0001b")); break;
            case 2: headers.Add(("Content-Length", "abc")); break;
            case 3: headers.Add(("Content-Length", "-1")); break;
            case 4: target = "/" + new string('a', 9000); break; // 414
            case 5: headers.Add(("Transfer-Encoding", "chunked")); break;
        }

        var chunked = headers.Any(h => h.Name == "Transfer-Encoding");
        if (!chunked && !headers.Any(h => h.Name == "Content-Length") && body.Length > 0) headers.Add(("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture)));
        if (api == "sessions") AddSessionsAuth(headers, random, method, target, contentType, body, host);

        using var bytes = new MemoryStream();
        Write(bytes, method + " " + target + " HTTP/1.1\r\n");
        foreach (var (name, value) in headers) Write(bytes, name + ": " + value + "\r\n");
        Write(bytes, "\r\n");
        if (chunked)
        {
            if (body.Length > 0) Write(bytes, body.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n");
            if (body.Length > 0) bytes.Write(body);
            Write(bytes, (body.Length > 0 ? "\r\n" : string.Empty) + "0\r\n\r\n");
        }
        else if (!headers.Any(h => h.Name == "Content-Length" && h.Value is "abc" or "-1"))
        {
            bytes.Write(body);
        }

        var shown = target.Length > 80 ? target[..80] + "…(" + target.Length + ")" : target;
        return new HostileRequest(method, "#" + id + " " + (method.Length > 12 ? method[..12] + "…" : method) + " " + shown + " [" + (contentType ?? "no type") + ", " + body.Length + " B]", bytes.ToArray());
    }

    private static (string Method, string Path, byte[] Body) Documented(string api, Random random)
    {
        const string Study = PlatformReferenceOptions.DemoStudyId;
        const string Dataset = PlatformReferenceOptions.DemoDatasetId;
        const string Create = "{\"lang\":\"python:3.6\",\"clientSessionToken\":\"hostile-1\"}";
        (string, string, string)[] documented = api == "platform"
            ?
            [
                ("GET", "/api/v1/study/" + Study + "/datasets", ""),
                ("GET", "/api/v1/study/000000000000000/datasets", ""),
                ("POST", "/api/v1/study/" + Study + "/dataset/" + Dataset + "/pipeline/qc_nirs", ""),
                ("POST", "/api/v1/study/" + Study + "/dataset/" + Dataset + "/pipeline/qc_nirs", "{\"x\":1}"),
                ("GET", "/api/v1/study/" + Study + "/dataset/" + Dataset + "/pipeline/qc_nirs/status", ""),
                ("GET", "/files/job-1/qc_nirs_report.html?expires=99999999999&signature=00", ""),
                ("POST", "/_pact/provider-states", "{\"state\":\"a study without datasets exists\",\"params\":{\"studyId\":\"e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0\"}}"),
            ]
            :
            [
                ("POST", "/kernel", Create),
                ("POST", "/v2/kernel/create", Create),
                ("POST", "/v3/kernel", "{\"lang\":\"python:3.6\",\"clientSessionToken\":\"hostile-2\",\"config\":{\"clusterSize\":1,\"mounts\":[\"a\"],\"environ\":{\"A\":\"1\"}}}"),
                ("GET", "/v3/kernel/hostile-1", ""),
                ("PATCH", "/v3/kernel/hostile-1", ""),
                ("DELETE", "/kernel/hostile-2", ""),
                ("GET", "/v4/kernel/TSSJT2Z4SnmQhxjWMnJljg", ""),
                ("POST", "/_pact/provider-states", "{\"state\":\"a session exists\",\"params\":{\"token\":\"hostile-1\",\"lang\":\"python:3.6\"}}"),
            ];
        var (method, path, body) = documented[random.Next(documented.Length)];
        return (method, path, Encoding.UTF8.GetBytes(body));
    }

    private static string MutatePath(string path, Random random)
    {
        if (random.Next(3) == 0) return path;
        var mutations = 1 + random.Next(2);
        for (var i = 0; i < mutations; i++)
        {
            var at = random.Next(1, path.Length + 1);
            path = random.Next(8) switch
            {
                0 => path.ToUpperInvariant(),
                1 => path + "/" + new string('s', random.Next(1, 5000)),
                2 => path[..at] + "/extra",
                _ => path[..at] + PathBreaks[random.Next(PathBreaks.Length)] + path[at..],
            };
        }

        return path;
    }

    private static byte[] MutateBody(byte[] body, Random random)
    {
        var text = Encoding.UTF8.GetString(body);
        return random.Next(15) switch
        {
            0 => [],
            1 => Encoding.UTF8.GetBytes(text.Length > 2 ? text[..(text.Length / 2)] : "{"),
            2 => "null"u8.ToArray(),
            3 => "[]"u8.ToArray(),
            4 => Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)),
            5 => RandomBytes(random, 200),
            6 => Encoding.UTF8.GetBytes(text.Replace("python:3.6", "\u0000\u001b", StringComparison.Ordinal)),
            7 => IntoFirstString(body, [0xff, 0xfe]), // invalid UTF-8
            8 => Encoding.UTF8.GetBytes("{\"lang\":1,\"clientSessionToken\":[],\"config\":\"x\"}"),
            9 => Encoding.UTF8.GetBytes("{\"lang\":\"" + new string('p', 100_000) + "\",\"clientSessionToken\":\"t\"}"),
            10 => Encoding.UTF8.GetBytes("{\"lang\":\"python:3.6\",\"clientSessionToken\":\"t\",\"lang\":\"r\"}"),
            11 => IntoFirstString(body, "\\ud800"u8.ToArray()), // an escaped lone surrogate
            _ => body,
        };
    }

    /// <summary>The body with <paramref name="insert"/> at the start of its first string value (or at its end when it has none).</summary>
    private static byte[] IntoFirstString(byte[] body, byte[] insert)
    {
        var at = body.AsSpan().IndexOf(":\""u8);
        at = at < 0 ? body.Length : at + 2;
        return [.. body.AsSpan(0, at), .. insert, .. body.AsSpan(at)];
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static void AddPlatformAuth(List<(string, string)> headers, Random random)
    {
        switch (random.Next(6))
        {
            case 0: break;
            case 1: headers.Add(("Authorization", "wrong-key")); break;
            case 2: headers.Add(("Authorization", "Bearer " + PlatformReferenceOptions.DemoApiKey)); break;
            case 3: headers.Add(("Authorization", new string('k', 5000))); break;
            default: headers.Add(("Authorization", PlatformReferenceOptions.DemoApiKey)); break;
        }
    }

    /// <summary>Half the Sessions requests are signed correctly over exactly the bytes sent, so they get past the signature check.</summary>
    private static void AddSessionsAuth(List<(string, string)> headers, Random random, string method, string target, string? contentType, byte[] body, TestHost host)
    {
        var signing = random.Next(6);
        var version = random.Next(8) switch { 0 => "v1.20160915", 1 => "bogus", 2 => "v3.20170615", _ => BackendAiSignature.DefaultApiVersion };
        var date = random.Next(10) switch { 0 => "yesterday", 1 => BackendAiSignature.FormatDate(host.Clock.GetUtcNow().AddDays(-2)), _ => BackendAiSignature.FormatDate(host.Clock.GetUtcNow()) };
        headers.Add((BackendAiSignature.VersionHeader, version));
        headers.Add((BackendAiSignature.DateHeader, date));
        switch (signing)
        {
            case 0: break;
            case 1: headers.Add(("Authorization", "BackendAI signMethod=HMAC-SHA256, credential=" + SessionsReferenceOptions.DemoAccessKey + ":" + new string('0', 64))); break;
            case 2: headers.Add(("Authorization", "BackendAI signMethod=MD5, credential=x")); break;
            case >= 3 when !BackendAiSignature.TryParseDate(date, out _):
                headers.Add(("Authorization", "BackendAI signMethod=HMAC-SHA256, credential=" + SessionsReferenceOptions.DemoAccessKey + ":" + date));
                break;
            default:
                var parts = new BackendAiRequestParts
                {
                    Method = method,
                    PathAndQuery = target,
                    Date = date,
                    Host = host.BaseAddress.Authority,
                    ContentType = contentType,
                    ApiVersion = version,
                    Body = body,
                };
                headers.Add(("Authorization", BackendAiSignature.FormatAuthorization(SessionsReferenceOptions.DemoAccessKey, BackendAiSignature.ComputeSignature(SessionsReferenceOptions.DemoSecretKey, parts))));
                break;
        }
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));
}

/// <summary>An HTTP/1.1 exchange over a raw socket: the request bytes as given, the response read to the end.</summary>
internal static class RawHttp
{
    public sealed record Response(int Status, string? ContentType, byte[] Body);

    public static async Task<Response?> SendAsync(int port, byte[] request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), timeout.Token);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var received = new MemoryStream();
        var reading = stream.CopyToAsync(received, timeout.Token);
        try
        {
            await stream.WriteAsync(request, timeout.Token);
        }
        catch (IOException)
        {
            // The server answered and closed before taking the whole request; its answer is still there to read.
        }
        catch (SocketException)
        {
        }

        try
        {
            await reading;
        }
        catch (IOException)
        {
        }

        return Parse(received.ToArray());
    }

    private static Response? Parse(byte[] bytes)
    {
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0) return null;
        var head = Encoding.ASCII.GetString(bytes, 0, end).Split("\r\n");
        var status = int.Parse(head[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = head.Skip(1).Select(h => h.Split(':', 2)).ToLookup(h => h[0].Trim(), h => h[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = bytes.AsSpan(end + 4).ToArray();
        if (headers["Transfer-Encoding"].Any(v => v.Contains("chunked", StringComparison.OrdinalIgnoreCase))) body = Dechunk(body);
        return new Response(status, headers["Content-Type"].FirstOrDefault(), body);
    }

    private static byte[] Dechunk(byte[] body)
    {
        var output = new MemoryStream();
        var at = 0;
        while (at < body.Length)
        {
            var lineEnd = body.AsSpan(at).IndexOf("\r\n"u8);
            if (lineEnd < 0) break;
            var size = int.Parse(Encoding.ASCII.GetString(body, at, lineEnd).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            at += lineEnd + 2;
            if (size == 0) break;
            output.Write(body, at, Math.Min(size, body.Length - at));
            at += size + 2;
        }

        return output.ToArray();
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Kernel.Contracts.Pact;
using Kernel.Contracts.Pact.Matchers;
using Kernel.Contracts.Reference.Sessions;
using Kernel.Sessions.Client;
using Xunit;
using static Kernel.Contracts.Contracts.Tests.PactBodies;

#pragma warning disable CS0618 // createKernelLegacy is deprecated, and still part of the contract

namespace Kernel.Contracts.Contracts.Tests;

/// <summary>
/// The Sessions client's contract with the Sessions API: every operation, every documented status. The requests carry
/// no <c>Authorization</c> or date header (the client's signing handler adds them, and they change with every request);
/// the provider side signs the replayed requests (see <see cref="SessionsProvider"/>).
/// </summary>
public static class SessionsPact
{
    /// <summary>The session quota the consumer expects in the quota interaction (the description's example says 5).</summary>
    private const int SessionQuota = 5;

    public const string Consumer = "kernel-sessions-client";
    public const string Provider = SessionsProvider.Name;

    public const string Token = "TSSJT2Z4SnmQhxjWMnJljg";
    public const string Lang = "python:3.6";
    public const string OtherLang = "r:latest";
    public const string UnknownLang = "cobol:latest";
    public const int TooMuchMemory = 1048576;

    private const string KernelIdPattern = "^[A-Za-z0-9_.-]{1,64}$";
    private const string ProblemPrefix = "https://api.backend.ai/probs/";
    private const string Version = BackendAiSignature.DefaultApiVersion;

    public static PactBuilder Create(string pactDir) => Pact.Pact.V4(Consumer, Provider, new PactConfig { PactDir = pactDir });

    public static IReadOnlyList<PactCase> Cases { get; } = [.. CreateCases("createKernel", "/kernel", false), .. CreateCases("createKernelLegacy", "/kernel/create", true), .. KernelCases()];

    private static IEnumerable<PactCase> CreateCases(string operation, string path, bool legacy)
    {
        var route = legacy ? " on the legacy route" : string.Empty;
        Func<KernelSessionsClient, CreateKernelRequest, Task<CreateKernelResponse>> create = legacy
            ? (c, b) => c.CreateKernelLegacyAsync(b)
            : (c, b) => c.CreateKernelAsync(b);

        yield return new(operation + " 201 a new session", pact => CreateRequest(pact, "a request to create a python:3.6 session" + route, path, Lang)
                .Given(SessionsProviderStates.NoSession, Params(("kernelId", Token)))
                .WillRespond().WithStatus(201).WithHeader("Content-Type", JsonContentType)
                .WithJsonBody(new { kernelId = Match.Regex(Token, KernelIdPattern), created = true }),
            async uri =>
            {
                var result = await create(Client(uri), Body(Lang));
                Assert.Equal(Token, result.KernelId);
                Assert.True(result.Created);
            });
        yield return new(operation + " 201 a running session is reused", pact => CreateRequest(pact, "a request to create a session whose token names a running python:3.6 session" + route, path, Lang)
                .Given(SessionsProviderStates.SessionExists, Params(("token", Token), ("lang", Lang)))
                .WillRespond().WithStatus(201).WithHeader("Content-Type", JsonContentType)
                .WithJsonBody(new { kernelId = Match.Regex(Token, KernelIdPattern), created = false }),
            async uri => Assert.False((await create(Client(uri), Body(Lang))).Created));

        // The description lets servers answer a reuse with 200 (since 2019) or 201 (the seed's era); the client takes both.
        yield return new(operation + " 200 a running session is reused by a server since 2019", pact => CreateRequest(pact, "a request to create a session whose token names a running python:3.6 session, on a server that answers a reuse with 200" + route, path, Lang)
                .Given(SessionsProviderStates.SessionExistsReuseOk, Params(("token", Token), ("lang", Lang)))
                .WillRespond().WithStatus(200).WithHeader("Content-Type", JsonContentType)
                .WithJsonBody(new { kernelId = Match.Regex(Token, KernelIdPattern), created = false }),
            async uri =>
            {
                var result = await create(Client(uri), Body(Lang));
                Assert.Equal(Token, result.KernelId);
                Assert.False(result.Created);
            });
        yield return new(operation + " 400 the token names a session of another lang", pact => CreateRequest(pact, "a request to create an r session whose token names a running python:3.6 session" + route, path, OtherLang)
                .Given(SessionsProviderStates.SessionExists, Params(("token", Token), ("lang", Lang)))
                .WillRespond().WithProblem(400, new
                {
                    type = ProblemPrefix + "kernel-already-exists",
                    title = "The kernel already exists with a different runtime type (language).",
                }),
            uri => Problem(() => create(Client(uri), Body(OtherLang)), 400, "kernel-already-exists", "The kernel already exists with a different runtime type (language)."));
        yield return new(operation + " 401 an unknown access key", pact => CreateRequest(pact, "a request to create a session signed with an unknown access key" + route, path, Lang)
                .Given(SessionsProviderStates.UnknownAccessKey)
                .WillRespond().WithProblem(401, AuthFailed()),
            uri => Problem(() => create(Client(uri), Body(Lang)), 401, "auth-failed", "Credential/signature mismatch.", "Access key not found"));
        yield return new(operation + " 404 no image for the lang", pact => CreateRequest(pact, "a request to create a cobol session" + route, path, UnknownLang)
                .Given(SessionsProviderStates.NoImage, Params(("lang", UnknownLang)))
                .WillRespond().WithProblem(404, new
                {
                    type = ProblemPrefix + "image-not-found",
                    title = "No such environment image.",
                    detail = "Unknown image: " + UnknownLang,
                }),
            uri => Problem(() => create(Client(uri), Body(UnknownLang)), 404, "image-not-found", "No such environment image.", "Unknown image: " + UnknownLang));
        yield return new(operation + " 406 more memory than the server has", pact => pact
                .UponReceiving("a request to create a session with 1 TiB of memory" + route)
                .Given(SessionsProviderStates.MemoryLimit, Params(("maxMemoryMiB", 65536)))
                .WithRequest(HttpMethod.Post, path)
                .WithHeader(BackendAiSignature.VersionHeader, Version)
                .WithJsonBody(new { lang = Lang, clientSessionToken = Token, config = new { instanceMemory = TooMuchMemory } })
                .WillRespond().WithProblem(406, new
                {
                    type = ProblemPrefix + "resource-limit-exceeded",
                    title = "The requested resource limits exceed the server's own limits.",
                    status = 406,
                    detail = "instanceMemory " + TooMuchMemory + " MiB exceeds the limit of 65536 MiB.",
                }),
            uri => Problem(
                () => create(Client(uri), new CreateKernelRequest { Lang = Lang, ClientSessionToken = Token, Config = new CreationConfig { InstanceMemory = TooMuchMemory } }),
                406,
                "resource-limit-exceeded",
                "The requested resource limits exceed the server's own limits.",
                "instanceMemory 1048576 MiB exceeds the limit of 65536 MiB."));
        yield return new(operation + " 412 the session quota is reached", pact => CreateRequest(pact, "a request to create a session when the access key has reached its quota" + route, path, Lang)
                .Given(SessionsProviderStates.QuotaReached, Params(("limit", SessionQuota)))
                .WillRespond().WithProblem(412, new
                {
                    type = ProblemPrefix + "quota-exceeded",
                    title = "You have reached your resource limit.",
                    detail = "You cannot run more than " + SessionQuota + " concurrent sessions.",
                }),
            uri => Problem(() => create(Client(uri), Body(Lang)), 412, "quota-exceeded", "You have reached your resource limit.", "You cannot run more than 5 concurrent sessions."));
        yield return new(operation + " default the backend fails", pact => CreateRequest(pact, "a request to create a session when the backend fails" + route, path, Lang)
                .Given(SessionsProviderStates.BackendFails)
                .WillRespond().WithProblem(500, new { type = ProblemPrefix + "kernel-creation-failed", title = "Kernel creation has failed.", status = 500 }),
            uri => Problem(() => create(Client(uri), Body(Lang)), 500, "kernel-creation-failed", "Kernel creation has failed."));
    }

    private static IEnumerable<PactCase> KernelCases()
    {
        const string path = "/kernel/" + Token;
        var operations = new (string Name, HttpMethod Method, string Verb, Func<KernelSessionsClient, Task> Call, string Failure, string FailureTitle)[]
        {
            ("getKernelInfo", HttpMethod.Get, "a request for the information of", c => c.GetKernelInfoAsync(Token), "internal-server-error", "Internal server error."),
            ("restartKernel", HttpMethod.Patch, "a request to restart", c => c.RestartKernelAsync(Token), "kernel-restart-failed", "Kernel restart has failed."),
            ("destroyKernel", HttpMethod.Delete, "a request to destroy", c => c.DestroyKernelAsync(Token), "kernel-destruction-failed", "Kernel destruction has failed."),
        };

        yield return new("getKernelInfo 200 a running session", pact => KernelRequest(pact, "a request for the information of a running python:3.6 session", HttpMethod.Get, path)
                .Given(SessionsProviderStates.SessionExists, Params(("token", Token), ("lang", Lang)))
                .WillRespond().WithStatus(200).WithHeader("Content-Type", JsonContentType)
                .WithJsonBody(new
                {
                    lang = Lang,
                    age = Match.Type(3012345.678),
                    memoryLimit = Match.Integer(131072),
                    numQueriesExecuted = Match.Integer(12),
                    cpuCreditUsed = Match.Integer(4210),
                }),
            async uri =>
            {
                var info = await Client(uri).GetKernelInfoAsync(Token);
                Assert.Equal(Lang, info.Lang);
                Assert.Equal(3012345.678, info.Age);
                Assert.Equal(131072, info.MemoryLimit);
                Assert.Equal(12, info.NumQueriesExecuted);
                Assert.Equal(4210, info.CpuCreditUsed);
            });
        yield return new("restartKernel 204 a running session", pact => KernelRequest(pact, "a request to restart a running python:3.6 session", HttpMethod.Patch, path)
                .Given(SessionsProviderStates.SessionExists, Params(("token", Token), ("lang", Lang)))
                .WillRespond().WithStatus(204),
            uri => Client(uri).RestartKernelAsync(Token));
        yield return new("destroyKernel 200 a running session", pact => KernelRequest(pact, "a request to destroy a running python:3.6 session", HttpMethod.Delete, path)
                .Given(SessionsProviderStates.SessionExists, Params(("token", Token), ("lang", Lang)))
                .WillRespond().WithStatus(200).WithHeader("Content-Type", JsonContentType)
                .WithJsonBody(new
                {
                    stats = new
                    {
                        cpu_used = Match.Integer(4210),
                        mem_max_bytes = Match.Integer(134217728),
                        mem_cur_bytes = Match.Integer(98566144),
                        net_rx_bytes = Match.Integer(20480),
                        net_tx_bytes = Match.Integer(10240),
                        io_read_bytes = Match.Integer(4096000),
                        io_write_bytes = Match.Integer(1024000),
                        io_max_scratch_size = Match.Integer(52428800),
                        io_cur_scratch_size = Match.Integer(0),
                    },
                }),
            async uri =>
            {
                var result = await Client(uri).DestroyKernelAsync(Token);
                Assert.NotNull(result.Stats);
                Assert.Equal(4210, result.Stats!.CpuUsed);
                Assert.Equal(134217728, result.Stats.MemMaxBytes);
            });

        foreach (var op in operations)
        {
            yield return new(op.Name + " 400 a stale request date", pact => KernelRequest(pact, op.Verb + " a session with a request date out of sync", op.Method, path)
                    .Given(SessionsProviderStates.StaleDate)
                    .WillRespond().WithProblem(400, new
                    {
                        type = ProblemPrefix + "invalid-auth-params",
                        title = "Missing or invalid authorization parameters.",
                        detail = "Date/time sync error",
                    }),
                uri => Problem(() => op.Call(Client(uri)), 400, "invalid-auth-params", "Missing or invalid authorization parameters.", "Date/time sync error"));
            yield return new(op.Name + " 401 an unknown access key", pact => KernelRequest(pact, op.Verb + " a session signed with an unknown access key", op.Method, path)
                    .Given(SessionsProviderStates.UnknownAccessKey)
                    .WillRespond().WithProblem(401, AuthFailed()),
                uri => Problem(() => op.Call(Client(uri)), 401, "auth-failed", "Credential/signature mismatch.", "Access key not found"));
            yield return new(op.Name + " 404 no such session", pact => KernelRequest(pact, op.Verb + " a session that does not exist", op.Method, path)
                    .Given(SessionsProviderStates.NoSession, Params(("kernelId", Token)))
                    .WillRespond().WithProblem(404, new { type = ProblemPrefix + "kernel-not-found", title = "No such kernel." }),
                uri => Problem(() => op.Call(Client(uri)), 404, "kernel-not-found", "No such kernel."));
            yield return new(op.Name + " default the backend fails", pact => KernelRequest(pact, op.Verb + " a session when the backend fails", op.Method, path)
                    .Given(SessionsProviderStates.BackendFails)
                    .WillRespond().WithProblem(500, new { type = ProblemPrefix + op.Failure, title = op.FailureTitle, status = 500 }),
                uri => Problem(() => op.Call(Client(uri)), 500, op.Failure, op.FailureTitle));
        }
    }

    /// <summary>The generated client with the signing handler (demo key pair), against <paramref name="root"/>.</summary>
    public static KernelSessionsClient Client(Uri root) =>
        new(
            new HttpClient(new BackendAiSigningHandler(SessionsReferenceOptions.DemoAccessKey, SessionsReferenceOptions.DemoSecretKey) { InnerHandler = new HttpClientHandler() }),
            new KernelSessionsClientOptions { BaseAddress = root });

    private static CreateKernelRequest Body(string lang) => new() { Lang = lang, ClientSessionToken = Token };

    private static RequestBuilder CreateRequest(PactBuilder pact, string description, string path, string lang) => pact
        .UponReceiving(description)
        .WithRequest(HttpMethod.Post, path)
        .WithHeader(BackendAiSignature.VersionHeader, Version)
        .WithJsonBody(new { lang, clientSessionToken = Token });

    private static RequestBuilder KernelRequest(PactBuilder pact, string description, HttpMethod method, string path) => pact
        .UponReceiving(description)
        .WithRequest(method, path)
        .WithHeader(BackendAiSignature.VersionHeader, Version)
        .WithHeader("Content-Type", "application/json");

    private static object AuthFailed() => new
    {
        type = ProblemPrefix + "auth-failed",
        title = "Credential/signature mismatch.",
        detail = "Access key not found",
    };

    private static async Task Problem(Func<Task> call, int status, string type, string title, string? detail = null)
    {
        var error = await Assert.ThrowsAsync<ApiException>(call);
        Assert.Equal(status, error.StatusCode);
        Assert.NotNull(error.Problem);
        Assert.Equal(ProblemPrefix + type, error.Problem!.Type);
        Assert.Equal(title, error.Problem.Title);
        Assert.Equal(detail, error.Problem.Detail);
    }

    internal static IEnumerable<PactCase> CommittedCases => Cases.Where(c => c.Committed);
}

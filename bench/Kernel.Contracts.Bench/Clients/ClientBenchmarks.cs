using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Kernel.Contracts.Bench.Kiota.Platform;
using Kernel.Contracts.Bench.Kiota.Sessions;
using Kernel.Platform.Client;
using SessionsApi = Kernel.Sessions.Client;

namespace Kernel.Contracts.Bench.Clients;

/// <summary>listDatasets with 1, 100 and 10,000 datasets: ours against the hand-written floor, NSwag's STJ client and Kiota's client.</summary>
[MemoryDiagnoser]
public class ListDatasetsBenchmarks
{
    private HttpClient _http = null!;
    private HandWrittenClients _hand = null!;
    private KernelPlatformClient _ours = null!;
    private KiotaPlatformClient _kiota = null!;
#if NSWAG
    private global::Kernel.Contracts.Bench.NSwag.Platform.NSwagPlatformClient _nswag = null!;
#endif

    [Params(1, 100, 10_000)]
    public int Datasets { get; set; } = 100;

    [GlobalSetup]
    public void Setup()
    {
        _http = InMemoryHandler.Client(Payloads.DatasetList(Datasets), Payloads.PlatformBase);
        _hand = new HandWrittenClients(_http);
        _ours = new KernelPlatformClient(_http);
        _kiota = new KiotaPlatformClient(KiotaAdapter.For(_http));
#if NSWAG
        _nswag = new global::Kernel.Contracts.Bench.NSwag.Platform.NSwagPlatformClient(_http);
#endif
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<int> HandWritten() => (await _hand.ListDatasetsAsync(Payloads.StudyId).ConfigureAwait(false)).Datasets.Count;

    [Benchmark]
    public async Task<int> Ours() => (await _ours.ListDatasetsAsync(Payloads.StudyId).ConfigureAwait(false)).Datasets.Count;

    [Benchmark]
    public async Task<int> Kiota() => (await _kiota.Study[Payloads.StudyId].Datasets.GetAsync().ConfigureAwait(false))!.Datasets!.Count;

#if NSWAG
    [Benchmark]
    public async Task<int> NSwag() => (await _nswag.ListDatasetsAsync(Payloads.StudyId).ConfigureAwait(false)).Datasets.Count;
#endif
}

/// <summary>getPipelineStatus of a succeeded run with three signed URLs.</summary>
[MemoryDiagnoser]
public class PipelineStatusBenchmarks
{
    private HttpClient _http = null!;
    private HandWrittenClients _hand = null!;
    private KernelPlatformClient _ours = null!;
    private KiotaPlatformClient _kiota = null!;
#if NSWAG
    private global::Kernel.Contracts.Bench.NSwag.Platform.NSwagPlatformClient _nswag = null!;
#endif

    [GlobalSetup]
    public void Setup()
    {
        _http = InMemoryHandler.Client(Payloads.PipelineStatus(), Payloads.PlatformBase);
        _hand = new HandWrittenClients(_http);
        _ours = new KernelPlatformClient(_http);
        _kiota = new KiotaPlatformClient(KiotaAdapter.For(_http));
#if NSWAG
        _nswag = new global::Kernel.Contracts.Bench.NSwag.Platform.NSwagPlatformClient(_http);
#endif
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<int> HandWritten() => (await _hand.GetPipelineStatusAsync(Payloads.StudyId, Payloads.DatasetId, "qc_nirs").ConfigureAwait(false)).SignedUrls!.Urls.Count;

    [Benchmark]
    public async Task<int> Ours() => (await _ours.GetPipelineStatusAsync(Payloads.StudyId, Payloads.DatasetId, PipelineName.QcNirs).ConfigureAwait(false)).SignedUrls!.Urls.Count;

    [Benchmark]
    public async Task<int> Kiota() => (await _kiota.Study[Payloads.StudyId].Dataset[Payloads.DatasetId].Pipeline["qc_nirs"].Status.GetAsync().ConfigureAwait(false))!.SignedUrls!.Urls!.AdditionalData.Count;

#if NSWAG
    [Benchmark]
    public async Task<int> NSwag() => (await _nswag.GetPipelineStatusAsync(Payloads.StudyId, Payloads.DatasetId, global::Kernel.Contracts.Bench.NSwag.Platform.PipelineName.Qc_nirs).ConfigureAwait(false)).Signed_urls.Urls.Count;
#endif
}

/// <summary>createKernel (a session) with a small config: a request body written and a response read.</summary>
[MemoryDiagnoser]
public class CreateSessionBenchmarks
{
    private HttpClient _http = null!;
    private HandWrittenClients _hand = null!;
    private SessionsApi.KernelSessionsClient _ours = null!;
    private KiotaSessionsClient _kiota = null!;
    private global::Kernel.Contracts.Bench.Kiota.Sessions.Models.CreateKernelRequest _kiotaRequest = null!;
    private SessionsApi.CreateKernelRequest _request = null!;
#if NSWAG
    private global::Kernel.Contracts.Bench.NSwag.Sessions.NSwagSessionsClient _nswag = null!;
    private global::Kernel.Contracts.Bench.NSwag.Sessions.CreateKernelRequest _nswagRequest = null!;
#endif

    [GlobalSetup]
    public void Setup()
    {
        _http = InMemoryHandler.Client(Payloads.KernelCreated(), Payloads.SessionsBase, System.Net.HttpStatusCode.Created);
        _hand = new HandWrittenClients(_http);
        _ours = new SessionsApi.KernelSessionsClient(_http);
        _request = Payloads.CreateRequest();
        _kiota = new KiotaSessionsClient(KiotaAdapter.For(_http));
        _kiotaRequest = new global::Kernel.Contracts.Bench.Kiota.Sessions.Models.CreateKernelRequest
        {
            Lang = _request.Lang,
            ClientSessionToken = _request.ClientSessionToken,
            Config = new global::Kernel.Contracts.Bench.Kiota.Sessions.Models.CreationConfig
            {
                Environ = new global::Kernel.Contracts.Bench.Kiota.Sessions.Models.CreationConfig_environ { AdditionalData = _request.Config!.Environ!.ToDictionary(p => p.Key, p => (object)p.Value) },
                ClusterSize = _request.Config.ClusterSize,
                InstanceMemory = _request.Config.InstanceMemory,
                InstanceCores = _request.Config.InstanceCores,
            },
        };
#if NSWAG
        _nswag = new global::Kernel.Contracts.Bench.NSwag.Sessions.NSwagSessionsClient(_http);
        _nswagRequest = new global::Kernel.Contracts.Bench.NSwag.Sessions.CreateKernelRequest
        {
            Lang = _request.Lang,
            ClientSessionToken = _request.ClientSessionToken,
            Config = new global::Kernel.Contracts.Bench.NSwag.Sessions.CreationConfig
            {
                Environ = _request.Config!.Environ!.ToDictionary(p => p.Key, p => p.Value),
                ClusterSize = _request.Config.ClusterSize,
                InstanceMemory = _request.Config.InstanceMemory,
                InstanceCores = _request.Config.InstanceCores,
            },
        };
#endif
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<string> HandWritten() => (await _hand.CreateKernelAsync(_request).ConfigureAwait(false)).KernelId;

    [Benchmark]
    public async Task<string> Ours() => (await _ours.CreateKernelAsync(_request).ConfigureAwait(false)).KernelId;

    [Benchmark]
    public async Task<string> Kiota() => (await _kiota.Kernel.PostAsync(_kiotaRequest).ConfigureAwait(false))!.KernelId!;

#if NSWAG
    [Benchmark]
    public async Task<string> NSwag() => (await _nswag.CreateKernelAsync(_nswagRequest).ConfigureAwait(false)).KernelId;
#endif
}

/// <summary>Kiota's request adapter over the same in-memory <see cref="HttpClient"/>, with no authentication (the other clients send none).</summary>
internal static class KiotaAdapter
{
    public static Microsoft.Kiota.Http.HttpClientLibrary.HttpClientRequestAdapter For(HttpClient http) =>
        new(new Microsoft.Kiota.Abstractions.Authentication.AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = http.BaseAddress!.ToString().TrimEnd('/'),
        };
}

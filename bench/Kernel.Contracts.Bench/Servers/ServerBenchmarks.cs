using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Kernel.Contracts.Bench.Clients;

namespace Kernel.Contracts.Bench.Servers;

/// <summary>
/// One request through each server, in process (routing, key check, validation on, handler, JSON body): the generated
/// stubs against the hand-written minimal API. Requests per second on one core is 1 / the mean.
/// </summary>
[MemoryDiagnoser]
public class ServerBenchmarks
{
    public const string ListPath = "/api/v1/study/" + Payloads.StudyId + "/datasets";
    public const string StatusPath = "/api/v1/study/" + Payloads.StudyId + "/dataset/" + Payloads.DatasetId + "/pipeline/qc_nirs/status";

    private InProcessServer _stubs = null!;
    private InProcessServer _hand = null!;

    /// <summary>Which operation: listDatasets of 100 datasets, or getPipelineStatus with signed URLs.</summary>
    [Params("listDatasets", "getPipelineStatus")]
    public string Operation { get; set; } = "listDatasets";

    private string Path => Operation == "listDatasets" ? ListPath : StatusPath;

    [GlobalSetup]
    public void Setup()
    {
        var data = new PlatformData(100);
        _stubs = InProcessServer.Stubs(data);
        _hand = InProcessServer.HandWritten(data);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _stubs.DisposeAsync().ConfigureAwait(false);
        await _hand.DisposeAsync().ConfigureAwait(false);
    }

    [Benchmark(Baseline = true)]
    public async Task<long> HandWrittenMinimalApi() => (await _hand.SendAsync("GET", Path).ConfigureAwait(false)).Length;

    [Benchmark]
    public async Task<long> GeneratedStubs() => (await _stubs.SendAsync("GET", Path).ConfigureAwait(false)).Length;

    /// <summary>For the smoke test: both servers, their status and body.</summary>
    public InProcessServer StubServer => _stubs;

    public InProcessServer HandWrittenServer => _hand;
}

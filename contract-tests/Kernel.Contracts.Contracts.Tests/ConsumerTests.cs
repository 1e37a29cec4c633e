using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Kernel.Contracts.Contracts.Tests;

/// <summary>
/// Each interaction on its own: the generated client against the Pact mock server, in a pact folder of its own. The
/// same cases, run in order into one folder, make the committed pacts (<see cref="PactFiles"/>).
/// </summary>
public sealed class ConsumerTests
{
    public static IEnumerable<object[]> PlatformCases() => PlatformPact.Cases.Select(c => new object[] { c.Name });

    public static IEnumerable<object[]> SessionsCases() => SessionsPact.Cases.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(PlatformCases))]
    public Task Platform_client_handles(string name) =>
        RunAsync(PlatformPact.Cases.Single(c => c.Name == name), PlatformPact.Create);

    [Theory]
    [MemberData(nameof(SessionsCases))]
    public Task Sessions_client_handles(string name) =>
        RunAsync(SessionsPact.Cases.Single(c => c.Name == name), SessionsPact.Create);

    [Fact]
    public void Every_operation_and_documented_status_has_a_case()
    {
        var platform = PlatformPact.Cases.Select(c => string.Join(' ', c.Name.Split(' ').Take(2))).ToHashSet();
        foreach (var op in new[] { "listDatasets", "runPipeline", "getPipelineStatus" })
        {
            foreach (var status in new[] { "200", "400", "401", "404", "default" }) Assert.Contains(op + " " + status, platform);
        }

        var sessions = SessionsPact.Cases.Select(c => string.Join(' ', c.Name.Split(' ').Take(2))).ToHashSet();
        foreach (var op in new[] { "createKernel", "createKernelLegacy" })
        {
            foreach (var status in new[] { "200", "201", "400", "401", "404", "406", "412", "default" }) Assert.Contains(op + " " + status, sessions);
        }

        foreach (var (op, success) in new[] { ("getKernelInfo", "200"), ("restartKernel", "204"), ("destroyKernel", "200") })
        {
            foreach (var status in new[] { success, "400", "401", "404", "default" }) Assert.Contains(op + " " + status, sessions);
        }
    }

    private static async Task RunAsync(PactCase pactCase, System.Func<string, Kernel.Contracts.Pact.PactBuilder> create)
    {
        using var pact = create(RepoPaths.NewScratchDir("consumer"));
        pactCase.Define(pact);
        await pact.VerifyAsync(ctx => pactCase.Exercise(ctx.MockServerUri));
    }
}

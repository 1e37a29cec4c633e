using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Kernel.Contracts.Contracts.Tests;

/// <summary>
/// Writes the committed pacts from the consumer cases, once per test run: the fresh pacts go to a scratch folder that
/// is cleared first (pact files merge on write), one case after the other in their fixed order, so the files come out
/// the same every run. <see cref="EnsureCommittedAsync"/> writes a missing committed pact (the first run) and otherwise
/// leaves the committed one alone; <see cref="Normalize"/> gives what must be equal between the two.
/// </summary>
public static class PactFiles
{
    /// <summary>Set to <c>true</c> to overwrite stale committed pacts with the fresh ones.</summary>
    public const string UpdateVariable = "KERNEL_CONTRACTS_UPDATE_PACTS";

    private static readonly Lazy<Task<Fresh>> FreshPacts = new(WriteFreshAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public sealed record Fresh(string Platform, string Sessions);

    public static string CommittedPlatform => Path.Combine(RepoPaths.CommittedPacts, PlatformPact.Consumer + "-" + PlatformPact.Provider + ".json");

    public static string CommittedSessions => Path.Combine(RepoPaths.CommittedPacts, SessionsPact.Consumer + "-" + SessionsPact.Provider + ".json");

    /// <summary>The pacts written by this run.</summary>
    public static Task<Fresh> FreshAsync() => FreshPacts.Value;

    /// <summary>Writes the committed pacts that do not exist yet (or all of them when <see cref="UpdateVariable"/> is set).</summary>
    public static async Task EnsureCommittedAsync()
    {
        var fresh = await FreshAsync();
        var update = string.Equals(Environment.GetEnvironmentVariable(UpdateVariable), "true", StringComparison.OrdinalIgnoreCase);
        Directory.CreateDirectory(RepoPaths.CommittedPacts);
        foreach (var (source, target) in new[] { (fresh.Platform, CommittedPlatform), (fresh.Sessions, CommittedSessions) })
        {
            if (update || !File.Exists(target))
            {
                File.Copy(source, target, overwrite: true);
            }
        }
    }

    /// <summary>The pact without what changes between core versions (<c>metadata.pactRust</c>).</summary>
    public static JsonNode Normalize(string path)
    {
        var pact = JsonNode.Parse(File.ReadAllText(path))!;
        pact["metadata"]?.AsObject().Remove("pactRust");
        return pact;
    }

    private static async Task<Fresh> WriteFreshAsync()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "pacts-fresh");
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);

        string platform = string.Empty, sessions = string.Empty;
        foreach (var (cases, create, set) in new (IEnumerable<PactCase>, Func<string, Kernel.Contracts.Pact.PactBuilder>, Action<string>)[]
                 {
                     (PlatformPact.Cases, PlatformPact.Create, p => platform = p),
                     (SessionsPact.Cases, SessionsPact.Create, p => sessions = p),
                 })
        {
            foreach (var pactCase in cases.Where(c => c.Committed))
            {
                using var pact = create(directory);
                pactCase.Define(pact);
                await pact.VerifyAsync(ctx => pactCase.Exercise(ctx.MockServerUri));
                set(pact.PactFilePath);
            }
        }

        return new Fresh(platform, sessions);
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Kernel.Contracts.Bench;

/// <summary>Where the repository, its documents and the public corpus are.</summary>
public static class BenchPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kernel.Contracts.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Kernel.Contracts.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The large public documents timed against NSwag (read in place from ../shared/openapi-corpus).</summary>
    public static readonly string[] LargeCorpusDocuments =
    [
        "adyen.com-management_3.json",
        "discord.com_10.json",
        "ingrammicro.com-reseller_6.0.json",
        "mistral.ai_1.0.0.yaml",
        "pagerduty.com-rest_2.0.0.json",
        "plaid.com_2020-09-14.yml",
    ];

    /// <summary>
    /// The consumer-build table's corpus documents: the largest ones whose NSwag client (System.Text.Json) compiles — the
    /// corpus table shows which do; NSwag's clients of Discord, Ingram Micro and Plaid do not, and it cannot read Mistral or PagerDuty REST.
    /// </summary>
    public static readonly string[] ConsumerBuildCorpusDocuments =
    [
        "adyen.com-management_3.json",
        "twilio.com-conversations-v1_1.0.0.yaml",
        "twilio.com-flex-v1_1.0.0.yaml",
        "xero.com-payroll-nz_16.1.0.yaml",
    ];

    public static string Root => RootPath.Value;

    public static string Spec(string name) => Path.Combine(Root, "spec", name);

    public static string Corpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "openapi-corpus"));

    public static string Pacts => Path.Combine(Root, "contract-tests", "pacts");

    public static string PactCli => Path.Combine(Root, "node_modules", "@pact-foundation", "pact-cli-linux-x64", "standalone", "pact");

    public static string Results => Path.Combine(Root, "artifacts", "bench");

    public static string NSwagDll => Path.Combine(Root, "node_modules", "nswag", "bin", "binaries", "Net100", "dotnet-nswag.dll");

    /// <summary>
    /// kiota.dll of the version the tool manifest pins (.config/dotnet-tools.json), where <c>dotnet tool restore</c> put it:
    /// the bench runs it as <c>dotnet kiota.dll</c>, like NSwag, so no wrapper is timed.
    /// </summary>
    public static string KiotaDll
    {
        get
        {
            using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, ".config", "dotnet-tools.json")));
            var version = manifest.RootElement.GetProperty("tools").GetProperty("microsoft.openapi.kiota").GetProperty("version").GetString()!;
            var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
                ? custom
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            return Path.Combine(packages, "microsoft.openapi.kiota", version, "tools", "net10.0", "any", "kiota.dll");
        }
    }

    /// <summary>Our two documents, then the consumer-build corpus documents that are present.</summary>
    public static IEnumerable<string> ConsumerBuildDocuments() =>
        Documents(includeCorpus: false).Concat(ConsumerBuildCorpusDocuments.Select(n => Path.Combine(Corpus, n)).Where(File.Exists));

    /// <summary>Every document of the public corpus that is present (JSON and YAML), by name.</summary>
    public static IEnumerable<string> CorpusDocuments() =>
        Directory.Exists(Corpus)
            ? Directory.GetFiles(Corpus).Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            : [];

    /// <summary>Our two documents, then every large corpus document that is present.</summary>
    public static IEnumerable<string> Documents(bool includeCorpus = true)
    {
        yield return Spec("kernel-platform.openapi.yaml");
        yield return Spec("kernel-sessions.openapi.yaml");
        if (!includeCorpus)
        {
            yield break;
        }

        foreach (var name in LargeCorpusDocuments.Where(n => File.Exists(Path.Combine(Corpus, n))))
        {
            yield return Path.Combine(Corpus, name);
        }
    }
}

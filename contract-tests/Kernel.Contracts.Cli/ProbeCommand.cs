using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Contracts.Conformance;
using Kernel.Contracts.Conformance.Probing;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Cli;

/// <summary>
/// <c>kernel-contracts probe</c>: sends valid and deliberately broken requests made from the OpenAPI document to a
/// running implementation and checks every response against the document; each failure comes with a curl line.
/// </summary>
internal static class ProbeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var api = CliOptions.Api("Which API the implementation serves: platform or sessions.");
        var baseUrl = CliOptions.BaseUrl("The implementation's root address, e.g. http://127.0.0.1:5080/ (the document's first server path is added).");
        var apiKey = CliOptions.ApiKey();
        var accessKey = CliOptions.AccessKey();
        var secretKey = CliOptions.SecretKey();
        var seed = new Option<int>("--seed") { Description = "The seed: the same seed sends the same requests.", DefaultValueFactory = _ => 1 };
        var maxRequests = new Option<int>("--max-requests") { Description = "Send at most this many requests.", DefaultValueFactory = _ => 300 };
        var timeLimit = new Option<double>("--time-limit") { Description = "Stop after this many seconds.", DefaultValueFactory = _ => 60 };
        var junit = CliOptions.Junit();
        var json = CliOptions.Json();
        var command = new Command("probe", "Probe a running implementation with valid and broken requests made from the OpenAPI document.")
        {
            api, baseUrl, apiKey, accessKey, secretKey, seed, maxRequests, timeLimit, junit, json,
        };
        command.CheckCredentials(api, apiKey, accessKey, secretKey, required: true);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var profile = parse.Profile(api);
            var which = profile.Name;
            if (parse.GetValue(maxRequests) < 1 || parse.GetValue(timeLimit) <= 0)
            {
                await error.WriteLineAsync("error: --max-requests must be at least 1 and --time-limit positive.").ConfigureAwait(false);
                return 2;
            }

            if (!CliOptions.TryRootUrl(parse.GetValue(baseUrl), out var root))
            {
                await error.WriteLineAsync("error: --base-url must be an absolute http(s) URL, not '" + parse.GetValue(baseUrl) + "'.").ConfigureAwait(false);
                return 2;
            }

            if (!await Reachability.CheckAsync(root, error, cancellationToken).ConfigureAwait(false)) return 2;

            var document = profile.Document;
            var credentials = CliOptions.Credentials(parse, apiKey, accessKey, secretKey);
            var options = new ProbeOptions
            {
                BaseAddress = root,
                Seed = parse.GetValue(seed),
                MaxRequests = parse.GetValue(maxRequests),
                TimeLimit = TimeSpan.FromSeconds(parse.GetValue(timeLimit)),
                Handler = kind => Reachable(profile.Authentication(credentials, kind)),
                FakeBody = profile.FakeBody,
            };

            await output.WriteLineAsync($"Probing {root} with {document.Title} (seed {options.Seed}, at most {options.MaxRequests} requests) …").ConfigureAwait(false);
            var result = await Prober.RunAsync(document, options, record =>
            {
                if (!record.Passed)
                {
                    output.WriteLine("  FAIL  " + record.OperationId + " [" + record.Kind + "] → " + (record.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no response"));
                    foreach (var problem in record.Problems) output.WriteLine("          " + problem);
                    output.WriteLine("          " + record.Curl);
                }
            }, cancellationToken).ConfigureAwait(false);

            foreach (var operation in result.Requests.GroupBy(r => r.OperationId))
            {
                var statuses = string.Join(", ", operation.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => (g.Key?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none") + "×" + g.Count()));
                await output.WriteLineAsync($"  {operation.Key}: {operation.Count()} requests ({operation.Count(r => r.Valid)} valid, {operation.Count(r => !r.Valid)} broken on purpose), statuses {statuses}, {operation.Count(r => !r.Passed)} failed").ConfigureAwait(false);
            }

            foreach (var note in result.Notes)
            {
                await output.WriteLineAsync("note: " + note).ConfigureAwait(false);
            }

            if (result.TimedOut)
            {
                await output.WriteLineAsync("note: the time limit ended the probe after " + result.Requests.Count + " requests.").ConfigureAwait(false);
            }

            if (parse.GetValue(junit) is { } junitFile)
            {
                JUnit.Save(junitFile.FullName, [JUnit.Suite(
                    "probe " + which,
                    result.Requests.Select((r, i) => new JUnitCase(
                        $"{i + 1:0000} {r.OperationId} [{r.Kind}] → {r.Status}",
                        "probe." + which + "." + r.OperationId,
                        r.Passed ? [] : [.. r.Problems, r.Curl])).ToList())]);
            }

            if (parse.GetValue(json) is { } jsonFile)
            {
                var records = result.Requests.Select(r => new ProbeJsonRecord(r.OperationId, r.Kind, r.Method, r.Url, r.Status, r.Passed, r.Problems, r.Curl)).ToList();
                await File.WriteAllTextAsync(jsonFile.FullName, JsonSerializer.Serialize(records, CliJson.Default.ListProbeJsonRecord), cancellationToken).ConfigureAwait(false);
            }

            var failed = result.Requests.Count(r => !r.Passed);
            await output.WriteLineAsync($"probe: {result.Requests.Count} requests ({result.Requests.Count(r => r.Valid)} valid, {result.Requests.Count(r => !r.Valid)} broken on purpose), {failed} failed").ConfigureAwait(false);
            return failed == 0 ? 0 : 1;
        });

        return command;
    }

    /// <summary>An authentication handler over a fresh socket handler.</summary>
    private static HttpMessageHandler Reachable(DelegatingHandler authentication)
    {
        authentication.InnerHandler = new SocketsHttpHandler();
        return authentication;
    }
}

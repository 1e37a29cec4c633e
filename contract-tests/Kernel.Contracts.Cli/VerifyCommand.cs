using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Kernel.Contracts.Pact.Verifier;

namespace Kernel.Contracts.Cli;

/// <summary>
/// <c>kernel-contracts verify</c>: replays the committed pacts (embedded in the tool) or given ones against a
/// running implementation, one line per interaction, JUnit XML for CI, non-zero exit on any failure.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var api = CliOptions.Api("Which API the implementation serves: platform or sessions.");
        var baseUrl = CliOptions.BaseUrl("The implementation's root address, e.g. http://127.0.0.1:5080/ (the pacts' paths start with /api/v1 for Platform, /kernel for Sessions).");
        var stateUrl = new Option<string?>("--state-change-url") { Description = "The provider-state endpoint (POST {state, params, action}); `serve --provider-states` offers /_pact/provider-states." };
        var apiKey = CliOptions.ApiKey();
        var accessKey = CliOptions.AccessKey();
        var secretKey = CliOptions.SecretKey();
        var pact = new Option<FileSystemInfo?>("--pact") { Description = "A pact file or folder to verify instead of the committed pacts." };
        var junit = CliOptions.Junit();
        var json = CliOptions.Json();
        var timeout = new Option<double>("--timeout") { Description = "Seconds each request may take.", DefaultValueFactory = _ => 10 };

        var command = new Command("verify", "Verify a running implementation against the committed pacts.")
        {
            api, baseUrl, stateUrl, apiKey, accessKey, secretKey, pact, junit, json, timeout,
        };
        command.CheckCredentials(api, apiKey, accessKey, secretKey, required: false);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var profile = parse.Profile(api);
            if (!CliOptions.TryRootUrl(parse.GetValue(baseUrl), out var provider))
            {
                await error.WriteLineAsync("error: --base-url must be an absolute http(s) URL, not '" + parse.GetValue(baseUrl) + "'.").ConfigureAwait(false);
                return 2;
            }

            Uri? stateUri = null;
            if (parse.GetValue(stateUrl) is { } stateText && !TryHttpUrl(stateText, out stateUri))
            {
                await error.WriteLineAsync("error: --state-change-url must be an absolute http(s) URL, not '" + stateText + "'.").ConfigureAwait(false);
                return 2;
            }

            // The pacts' paths may be absolute (/api/v1/study/… for the Platform API): a base URL that already ends in the
            // API's base path would double it, so it is taken off.
            var basePath = profile.Document.DefaultBasePath;
            if (profile.PactPathsCarryBasePath && basePath.Length > 0 && provider.AbsolutePath.EndsWith(basePath + "/", StringComparison.Ordinal))
            {
                provider = new Uri(provider, provider.AbsolutePath[..^(basePath.Length)]);
                await output.WriteLineAsync("note: the pacts' paths start with " + basePath + "; requests go to " + provider).ConfigureAwait(false);
            }

            var files = PactSources.Resolve(profile.Name, parse.GetValue(pact), error);
            if (files.Count == 0)
            {
                return 2;
            }

            if (!await Reachability.CheckAsync(provider, error, cancellationToken).ConfigureAwait(false))
            {
                return 2;
            }

            var authentication = profile.Authentication(CliOptions.Credentials(parse, apiKey, accessKey, secretKey));
            await using var proxy = await SigningProxy.StartAsync(provider, authentication, cancellationToken).ConfigureAwait(false);

            var failed = 0;
            var passed = 0;
            var suites = new List<XElement>();
            var records = new List<VerifyRecord>();
            foreach (var file in files)
            {
                var providerName = PactSources.ProviderName(file);
                await output.WriteLineAsync("Verifying " + Path.GetFileName(file) + " (" + providerName + ") against " + provider + " …").ConfigureAwait(false);
                var verifier = new PactVerifier(providerName, new PactVerifierOptions { RequestTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)) })
                    .WithHttpEndpoint(proxy.Address)
                    .WithFileSource(file);
                if (stateUri is not null)
                {
                    verifier = verifier.WithProviderStateUrl(stateUri, teardown: true);
                }

                var result = await verifier.VerifyAsync().ConfigureAwait(false);
                foreach (var interaction in result.Interactions)
                {
                    var time = interaction.Duration is { } d ? " (" + (int)d.TotalMilliseconds + " ms)" : string.Empty;
                    await output.WriteLineAsync((interaction.Passed ? "  ok    " : "  FAIL  ") + interaction.Description + time).ConfigureAwait(false);
                    foreach (var mismatch in interaction.Mismatches)
                    {
                        await output.WriteLineAsync("          " + mismatch.Replace("\n", "\n          ", StringComparison.Ordinal)).ConfigureAwait(false);
                    }
                }

                foreach (var problem in result.Errors)
                {
                    await output.WriteLineAsync("  error: " + problem).ConfigureAwait(false);
                }

                var filePassed = result.Interactions.Count(i => i.Passed);
                var fileFailed = result.Interactions.Count - filePassed + (result.Passed || result.Interactions.Any(i => !i.Passed) ? 0 : 1);
                passed += filePassed;
                failed += fileFailed;
                suites.Add(Suite(Path.GetFileName(file), result));
                records.AddRange(result.Interactions.Select(i => new VerifyRecord(Path.GetFileName(file), i.Description, i.Passed, i.Mismatches.ToList())));
            }

            if (parse.GetValue(junit) is { } report)
            {
                JUnit.Save(report.FullName, suites);
                await output.WriteLineAsync("JUnit XML written to " + report.FullName).ConfigureAwait(false);
            }

            if (parse.GetValue(json) is { } jsonFile)
            {
                await File.WriteAllTextAsync(jsonFile.FullName, System.Text.Json.JsonSerializer.Serialize(records, CliJson.Default.ListVerifyRecord), cancellationToken).ConfigureAwait(false);
            }

            await output.WriteLineAsync($"verify: {passed} passed, {failed} failed").ConfigureAwait(false);
            return failed == 0 ? 0 : 1;
        });

        return command;
    }

    private static bool TryHttpUrl(string? text, out Uri uri) =>
        Uri.TryCreate(text, UriKind.Absolute, out uri!) && uri.Scheme is "http" or "https";

    private static XElement Suite(string name, VerificationResult result) =>
        JUnit.Suite(
            name,
            result.Interactions.Select(i => new JUnitCase(i.Description, name, i.Passed ? [] : i.Mismatches.DefaultIfEmpty("failed").ToList(), i.Duration ?? TimeSpan.Zero)).ToList(),
            result.Errors);
}

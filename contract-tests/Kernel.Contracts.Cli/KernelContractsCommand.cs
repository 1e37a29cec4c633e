using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Contracts.Reference;
using Kernel.Contracts.Reference.Platform;
using Kernel.Contracts.Reference.ProviderStates;
using Kernel.Contracts.Reference.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kernel.Contracts.Cli;

/// <summary>The <c>kernel-contracts</c> command line: <c>serve</c>, <c>verify</c> and <c>generate</c>.</summary>
public static class KernelContractsCommand
{
    /// <summary>Parses <paramref name="args"/> and runs the command; returns the exit code.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Where the listening address, credentials and request lines go.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="cancellationToken">Stops a running server (besides Ctrl+C).</param>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var root = Build(output, error);
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false };
        try
        {
            var code = await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);

            // A wrong option means the command could not run: 2, as for an unreachable provider (1 is a failed check).
            return parse.Errors.Count > 0 && code != 0 ? 2 : code;
        }
        catch (Kernel.Contracts.Pact.PactNativeLibraryNotFoundException e)
        {
            // The command cannot run at all here, like an unreachable provider or a missing pact.
            await error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return 2;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return 1;
        }
    }

    // Judged on the token text, so an unparsable value reports the parser's own error instead.
    private static void CheckNumber(System.CommandLine.Parsing.OptionResult result, string name, bool positive)
    {
        if (result.Tokens.Count == 1
            && double.TryParse(result.Tokens[0].Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && (positive ? value <= 0 : value < 0))
        {
            result.AddError(name + (positive ? " must be positive." : " must not be negative."));
        }
    }

    private static RootCommand Build(TextWriter output, TextWriter error)
    {
        var api = new Option<string>("--api") { Description = "Which API to serve: platform or sessions.", Required = true };
        api.AcceptOnlyFromAmong("platform", "sessions");
        var urls = new Option<string>("--urls") { Description = "Where to listen, e.g. http://127.0.0.1:5080 (port 0 picks a free port).", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var apiKey = new Option<string?>("--api-key") { Description = "Platform: the API key clients send in Authorization (default: the demo key)." };
        var seed = new Option<int?>("--seed") { Description = "Platform: the seed of the generated studies and datasets." };
        var stepSeconds = new Option<double?>("--job-step-seconds") { Description = "Platform: seconds a run spends in each of SUBMITTED, PENDING, RUNNABLE, STARTING." };
        var runningSeconds = new Option<double?>("--running-seconds") { Description = "Platform: seconds a run spends RUNNING before it SUCCEEDS." };
        var accessKey = new Option<string?>("--access-key") { Description = "Sessions: the access key (default: the demo key pair)." };
        var secretKey = new Option<string?>("--secret-key") { Description = "Sessions: the secret key of --access-key." };
        var images = new Option<string?>("--images") { Description = "Sessions: comma-separated runtime images (name:tag) that exist." };
        var maxMemory = new Option<int?>("--max-memory-mib") { Description = "Sessions: the largest instanceMemory (MiB)." };
        var maxCores = new Option<int?>("--max-cores") { Description = "Sessions: the largest instanceCores." };
        var maxGpus = new Option<double?>("--max-gpus") { Description = "Sessions: the largest instanceGPUs." };
        var maxCluster = new Option<int?>("--max-cluster-size") { Description = "Sessions: the largest clusterSize." };
        var maxSessions = new Option<int?>("--max-sessions") { Description = "Sessions: concurrent sessions per access key (412 beyond)." };
        var providerStates = new Option<bool>("--provider-states") { Description = "Also serve the Pact state-change endpoint POST /_pact/provider-states, for `verify --state-change-url`." };

        var serve = new Command("serve", "Run a reference server until Ctrl+C.")
        {
            api, urls, apiKey, seed, stepSeconds, runningSeconds, accessKey, secretKey, images, maxMemory, maxCores, maxGpus, maxCluster, maxSessions, providerStates,
        };
        foreach (var option in new Option[] { maxMemory, maxCores, maxCluster, maxSessions })
        {
            option.Validators.Add(result => CheckNumber(result, option.Name, positive: true));
        }

        foreach (var option in new Option[] { maxGpus, stepSeconds, runningSeconds })
        {
            option.Validators.Add(result => CheckNumber(result, option.Name, positive: false));
        }

        serve.Validators.Add(result =>
        {
            if ((result.GetValue(accessKey) is null) != (result.GetValue(secretKey) is null))
            {
                result.AddError("--access-key and --secret-key must be given together.");
            }

            if (result.GetValue(urls) is { } text && !Uri.TryCreate(text.Split(';')[0], UriKind.Absolute, out _))
            {
                result.AddError("--urls must be an absolute URL such as http://127.0.0.1:5080, not '" + text + "'.");
            }
        });

        serve.SetAction(async (parse, cancellationToken) =>
        {
            var which = parse.GetRequiredValue(api);
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls(parse.GetRequiredValue(urls));
            var credentials = new List<string>();
            if (which == "platform")
            {
                builder.Services.AddPlatformReference(o =>
                {
                    if (parse.GetValue(apiKey) is { } key)
                    {
                        o.ApiKeys.Clear();
                        o.ApiKeys.Add(key);
                    }

                    if (parse.GetValue(seed) is { } s) o.Seed = s;
                    if (parse.GetValue(stepSeconds) is { } step) o.QueueStepDuration = TimeSpan.FromSeconds(step);
                    if (parse.GetValue(runningSeconds) is { } running) o.RunningDuration = TimeSpan.FromSeconds(running);
                    credentials.Add("API key (raw Authorization header): " + string.Join(", ", o.ApiKeys));
                    credentials.Add("Demo study: " + PlatformReferenceOptions.DemoStudyId + ", dataset " + PlatformReferenceOptions.DemoDatasetId);
                });
            }
            else
            {
                builder.Services.AddSessionsReference(o =>
                {
                    if (parse.GetValue(accessKey) is { } ak && parse.GetValue(secretKey) is { } sk)
                    {
                        o.Credentials.Clear();
                        o.Credentials[ak] = sk;
                    }

                    if (parse.GetValue(images) is { } list)
                    {
                        o.Images.Clear();
                        foreach (var image in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) o.Images.Add(image);
                    }

                    if (parse.GetValue(maxMemory) is { } memory) o.MaxMemoryMiB = memory;
                    if (parse.GetValue(maxCores) is { } cores) o.MaxCores = cores;
                    if (parse.GetValue(maxGpus) is { } gpus) o.MaxGpus = gpus;
                    if (parse.GetValue(maxCluster) is { } cluster) o.MaxClusterSize = cluster;
                    if (parse.GetValue(maxSessions) is { } sessions) o.MaxConcurrentSessions = sessions;
                    foreach (var (key, secret) in o.Credentials) credentials.Add("Access key: " + key + "  secret key: " + secret);
                    credentials.Add("Images: " + string.Join(", ", o.Images));
                });
            }

            await using var app = builder.Build();
            var log = TextWriter.Synchronized(output);
            app.Use(async (context, next) =>
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    await next(context).ConfigureAwait(false);
                }
                finally
                {
                    log.WriteLine($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} {context.Response.StatusCode} {watch.Elapsed.TotalMilliseconds:0.0} ms");
                }
            });
            if (which == "platform") app.MapPlatformReference();
            else app.MapSessionsReference();
            var states = parse.GetValue(providerStates);
            if (states) app.MapReferenceProviderStates();

            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or FormatException or ArgumentException)
            {
                await error.WriteLineAsync("error: cannot listen on " + parse.GetValue(urls) + ": " + e.Message).ConfigureAwait(false);
                return 1;
            }

            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            log.WriteLine("Kernel " + (which == "platform" ? "Platform" : "Sessions") + " API reference listening on " + string.Join(", ", addresses) + (which == "platform" ? " (base path /api/v1)" : string.Empty));
            foreach (var line in credentials) log.WriteLine(line);
            if (states)
            {
                log.WriteLine("Provider states: POST " + addresses.FirstOrDefault()?.TrimEnd('/') + ProviderStateEndpoint.Path + " (the state resets on every change; not for production)");
            }

            log.WriteLine("Press Ctrl+C to stop.");

            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => stopped.TrySetResult()))
            using (app.Lifetime.ApplicationStopping.Register(() => stopped.TrySetResult()))
            {
                await stopped.Task.ConfigureAwait(false);
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            log.WriteLine("Stopped.");
            return 0;
        });

        return new RootCommand("Reference servers for the Kernel Platform and Kernel Sessions APIs, and contract verification of any implementation.")
        {
            serve,
            VerifyCommand.Create(output, error),
            CheckPactsCommand.Create(output, error),
            ProbeCommand.Create(output, error),
            ReportCommand.Create(output, error),
            GenerateCommand.Create(output, error),
            DiffCommand.Create(output, error),
        };
    }
}

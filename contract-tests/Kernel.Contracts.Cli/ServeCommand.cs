using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Contracts.Reference;
using Kernel.Contracts.Reference.ProviderStates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kernel.Contracts.Cli;

/// <summary><c>kernel-contracts serve</c>: runs the reference server of an API (its <see cref="ApiProfile"/>) until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var api = CliOptions.Api("Which API to serve: " + string.Join(" or ", ApiProfile.Names) + ".");
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
            var profile = ApiProfile.Named(parse.GetRequiredValue(api));
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls(parse.GetRequiredValue(urls));
            var credentials = new List<string>();
            var settings = new ServeSettings(
                parse.GetValue(apiKey), parse.GetValue(seed), parse.GetValue(stepSeconds), parse.GetValue(runningSeconds),
                parse.GetValue(accessKey), parse.GetValue(secretKey), parse.GetValue(images), parse.GetValue(maxMemory), parse.GetValue(maxCores),
                parse.GetValue(maxGpus), parse.GetValue(maxCluster), parse.GetValue(maxSessions));
            profile.AddReference(builder.Services, settings, credentials);

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
            profile.MapReference(app);
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
            var basePath = profile.Document.DefaultBasePath;
            log.WriteLine(profile.Title + " reference listening on " + string.Join(", ", addresses) + (profile.PactPathsCarryBasePath ? " (base path " + basePath + ")" : string.Empty));
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

        return serve;
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
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kernel.Contracts.Conformance;
using Kernel.Contracts.Conformance.Probing;
using Kernel.Contracts.OpenApi;
using Kernel.Contracts.Reference;
using Kernel.Contracts.Reference.Platform;
using Kernel.Contracts.Reference.Sessions;
using Kernel.Sessions.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Fakes = Kernel.Contracts.Reference.Fakes;

namespace Kernel.Contracts.Cli;

/// <summary>The credentials a command was given: an API key, or a key pair that signs requests.</summary>
internal sealed record GivenCredentials(string? ApiKey, string? AccessKey, string? SecretKey);

/// <summary>The values of <c>serve</c>'s per-API options (null when not given).</summary>
internal sealed record ServeSettings(
    string? ApiKey, int? Seed, double? StepSeconds, double? RunningSeconds,
    string? AccessKey, string? SecretKey, string? Images, int? MaxMemoryMiB, int? MaxCores, double? MaxGpus, int? MaxClusterSize, int? MaxSessions);

/// <summary>
/// Everything the commands know of one API: its document, its pacts, how requests carry credentials, the bodies
/// its fakers make, and its reference server. <c>serve</c>, <c>verify</c>, <c>probe</c>, <c>check-pacts</c> and
/// <c>report</c> take a profile; adding an API is adding one to <see cref="All"/>.
/// </summary>
internal abstract class ApiProfile
{
    private readonly Lazy<ApiDocument> _document;

    protected ApiProfile(string name, string title)
    {
        Name = name;
        Title = title;
        _document = new Lazy<ApiDocument>(() => EmbeddedDocuments.Load(name));
    }

    /// <summary>Every API the tool knows.</summary>
    public static IReadOnlyList<ApiProfile> All { get; } = [new PlatformProfile(), new SessionsProfile()];

    /// <summary>The names <c>--api</c> accepts.</summary>
    public static string[] Names => All.Select(p => p.Name).ToArray();

    /// <summary>The profile called <paramref name="name"/> (one of <see cref="Names"/>).</summary>
    public static ApiProfile Named(string name) => All.Single(p => p.Name == name);

    /// <summary>What <c>--api</c> takes: <c>platform</c>.</summary>
    public string Name { get; }

    /// <summary>The API's name for people: <c>Kernel Platform API</c>.</summary>
    public string Title { get; }

    /// <summary>The document, carried inside the tool.</summary>
    public ApiDocument Document => _document.Value;

    /// <summary>
    /// Whether the pacts' paths already hold the document's base path (<c>/api/v1/study/…</c>), so a base URL that
    /// ends in it must lose it.
    /// </summary>
    public abstract bool PactPathsCarryBasePath { get; }

    /// <summary>Why the credentials cannot be used (<paramref name="required"/>: valid requests need them), or null.</summary>
    public abstract string? CheckCredentials(GivenCredentials given, bool required);

    /// <summary>The handler that puts credentials on a request: the given ones, or wrong ones (<see cref="ProbeCredentials.Wrong"/>), or none.</summary>
    public abstract DelegatingHandler Authentication(GivenCredentials given, ProbeCredentials which = ProbeCredentials.Valid);

    /// <summary>A valid request body for an operation made by the generated fakers, or null for the document's examples.</summary>
    public virtual JsonNode? FakeBody(SpecOperation operation, Bogus.Faker faker) => null;

    /// <summary>Adds the reference server's services; each line of <paramref name="notes"/> is printed when it listens.</summary>
    public abstract void AddReference(IServiceCollection services, ServeSettings settings, List<string> notes);

    /// <summary>Maps the reference server's endpoints.</summary>
    public abstract void MapReference(WebApplication app);

    private sealed class PlatformProfile() : ApiProfile("platform", "Kernel Platform API")
    {
        public override bool PactPathsCarryBasePath => true;

        public override string? CheckCredentials(GivenCredentials given, bool required) =>
            given.AccessKey is not null || given.SecretKey is not null ? "--access-key/--secret-key are for --api sessions; the Platform API takes --api-key."
            : required && given.ApiKey is null ? "--api platform needs --api-key (valid requests send it)."
            : null;

        public override DelegatingHandler Authentication(GivenCredentials given, ProbeCredentials which = ProbeCredentials.Valid) => which switch
        {
            ProbeCredentials.Valid => new HeaderHandler("Authorization", given.ApiKey),
            ProbeCredentials.Wrong => new HeaderHandler("Authorization", "not-" + given.ApiKey),
            _ => new HeaderHandler("Authorization", null),
        };

        public override void AddReference(IServiceCollection services, ServeSettings settings, List<string> notes) =>
            services.AddPlatformReference(o =>
            {
                if (settings.ApiKey is { } key)
                {
                    o.ApiKeys.Clear();
                    o.ApiKeys.Add(key);
                }

                if (settings.Seed is { } s) o.Seed = s;
                if (settings.StepSeconds is { } step) o.QueueStepDuration = TimeSpan.FromSeconds(step);
                if (settings.RunningSeconds is { } running) o.RunningDuration = TimeSpan.FromSeconds(running);
                notes.Add("API key (raw Authorization header): " + string.Join(", ", o.ApiKeys));
                notes.Add("Demo study: " + PlatformReferenceOptions.DemoStudyId + ", dataset " + PlatformReferenceOptions.DemoDatasetId);
            });

        public override void MapReference(WebApplication app) => app.MapPlatformReference();
    }

    private sealed class SessionsProfile() : ApiProfile("sessions", "Kernel Sessions API")
    {
        public override bool PactPathsCarryBasePath => false;

        public override string? CheckCredentials(GivenCredentials given, bool required) =>
            given.ApiKey is not null ? "--api-key is for --api platform; the Sessions API takes --access-key and --secret-key."
            : (given.AccessKey is null) != (given.SecretKey is null) ? "--access-key and --secret-key go together."
            : required && given.AccessKey is null ? "--api sessions needs --access-key and --secret-key (valid requests are signed with them)."
            : null;

        public override DelegatingHandler Authentication(GivenCredentials given, ProbeCredentials which = ProbeCredentials.Valid) => which switch
        {
            _ when given.AccessKey is null => new HeaderHandler("Authorization", null),
            ProbeCredentials.Valid => new BackendAiSigningHandler(given.AccessKey, given.SecretKey!),
            ProbeCredentials.Wrong => new BackendAiSigningHandler(given.AccessKey, "not-" + given.SecretKey),
            _ => new HeaderHandler("Authorization", null),
        };

        public override JsonNode? FakeBody(SpecOperation operation, Bogus.Faker faker) => operation.OperationId switch
        {
            "createKernel" or "createKernelLegacy" => JsonSerializer.SerializeToNode(
                Fakes.Sessions.SessionsFakers.CreateKernelRequest(faker),
                (System.Text.Json.Serialization.Metadata.JsonTypeInfo<Fakes.Sessions.CreateKernelRequest>)Fakes.Sessions.SessionsJsonTypeInfoResolver.Options.GetTypeInfo(typeof(Fakes.Sessions.CreateKernelRequest))),
            _ => null,
        };

        public override void AddReference(IServiceCollection services, ServeSettings settings, List<string> notes) =>
            services.AddSessionsReference(o =>
            {
                if (settings.AccessKey is { } ak && settings.SecretKey is { } sk)
                {
                    o.Credentials.Clear();
                    o.Credentials[ak] = sk;
                }

                if (settings.Images is { } list)
                {
                    o.Images.Clear();
                    foreach (var image in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) o.Images.Add(image);
                }

                if (settings.MaxMemoryMiB is { } memory) o.MaxMemoryMiB = memory;
                if (settings.MaxCores is { } cores) o.MaxCores = cores;
                if (settings.MaxGpus is { } gpus) o.MaxGpus = gpus;
                if (settings.MaxClusterSize is { } cluster) o.MaxClusterSize = cluster;
                if (settings.MaxSessions is { } sessions) o.MaxConcurrentSessions = sessions;
                foreach (var (key, secret) in o.Credentials) notes.Add("Access key: " + key + "  secret key: " + secret);
                notes.Add("Images: " + string.Join(", ", o.Images));
            });

        public override void MapReference(WebApplication app) => app.MapSessionsReference();
    }
}

using System;
using System.Collections.Generic;

namespace Kernel.Contracts.Reference.Platform;

/// <summary>API keys, seed data and job timing of the Platform reference.</summary>
public sealed class PlatformReferenceOptions
{
    /// <summary>The demo API key, sent as the whole <c>Authorization</c> header value.</summary>
    public const string DemoApiKey = "kernel-demo-api-key-5a6b7c8d9e0f";

    /// <summary>The demo study (the id in the description's examples); it has <see cref="DatasetsPerStudy"/> datasets.</summary>
    public const string DemoStudyId = "5a6b7c8d9e0f11223344556677889900";

    /// <summary>The first dataset of the demo study (the id in the description's examples).</summary>
    public const string DemoDatasetId = "5d1c0f3a9b2e4c7d8e6f1a2b3c4d5e6f";

    /// <summary>A study without datasets.</summary>
    public const string EmptyStudyId = "e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0";

    /// <summary>Accepted API keys. Defaults to <see cref="DemoApiKey"/>.</summary>
    public ISet<string> ApiKeys { get; } = new HashSet<string>(StringComparer.Ordinal) { DemoApiKey };

    /// <summary>The Bogus seed: the same seed gives the same studies, datasets and participants.</summary>
    public int Seed { get; set; } = 20250402;

    /// <summary>Studies besides the demo and empty ones.</summary>
    public int ExtraStudies { get; set; } = 2;

    /// <summary>Datasets per seeded study.</summary>
    public int DatasetsPerStudy { get; set; } = 5;

    /// <summary>How long a run stays in each state before RUNNING (SUBMITTED, PENDING, RUNNABLE, STARTING).</summary>
    public TimeSpan QueueStepDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a run stays RUNNING before it SUCCEEDS (or FAILS).</summary>
    public TimeSpan RunningDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Pipelines whose runs end FAILED instead of SUCCEEDED.</summary>
    public ISet<string> FailingPipelines { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>How long a signed URL stays valid.</summary>
    public TimeSpan SignedUrlLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The HMAC key of signed URLs; random per process unless set.</summary>
    public string? UrlSigningSecret { get; set; }

    /// <summary>Every operation fails on the server side with a 500 problem (the documented <c>default</c> response).</summary>
    public bool BackendFails { get; set; }
}

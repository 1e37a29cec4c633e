using System;
using System.Collections.Generic;

namespace Kernel.Contracts.Reference.Sessions;

/// <summary>Credentials, images and server limits of the Sessions reference.</summary>
public sealed class SessionsReferenceOptions
{
    /// <summary>The demo access key (Backend.AI's documented example key pair).</summary>
    public const string DemoAccessKey = "AKIAIOSFODNN7EXAMPLE";

    /// <summary>The demo secret key of <see cref="DemoAccessKey"/>.</summary>
    public const string DemoSecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    /// <summary>Access key → secret key. Defaults to the demo key pair.</summary>
    public IDictionary<string, string> Credentials { get; } = new Dictionary<string, string>(StringComparer.Ordinal) { [DemoAccessKey] = DemoSecretKey };

    /// <summary>Known runtime images (<c>name:tag</c>); a <c>lang</c> without a tag means <c>:latest</c>.</summary>
    public IList<string> Images { get; } = new List<string> { "python:latest", "python:3.6", "python:3.9", "r:latest", "julia:latest", "tensorflow:1.12", "nodejs:latest" };

    /// <summary>The largest <c>instanceMemory</c> (MiB).</summary>
    public int MaxMemoryMiB { get; set; } = 65536;

    /// <summary>The memory of a session that asks for none (MiB).</summary>
    public int DefaultMemoryMiB { get; set; } = 1024;

    /// <summary>The largest <c>instanceCores</c>.</summary>
    public int MaxCores { get; set; } = 16;

    /// <summary>The largest <c>instanceGPUs</c>.</summary>
    public double MaxGpus { get; set; } = 4;

    /// <summary>The largest <c>clusterSize</c>.</summary>
    public int MaxClusterSize { get; set; } = 4;

    /// <summary>The most <c>mounts</c> (the description allows at most 5).</summary>
    public int MaxMounts { get; set; } = 5;

    /// <summary>Running sessions per access key; one more is 412 <c>quota-exceeded</c>.</summary>
    public int MaxConcurrentSessions { get; set; } = 30;

    /// <summary>How far the request date may be from the server clock.</summary>
    public TimeSpan DateTolerance { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The share of wall time a session spends on CPU, which drives <c>cpuCreditUsed</c>.</summary>
    public double CpuUtilisation { get; set; } = 0.25;

    /// <summary>Answer a create that reuses a running session with 200, as servers since 2019 do (default: 201, the seed's era).</summary>
    public bool ReuseAnswersOk { get; set; }

    /// <summary>Every operation fails on the server side with a 500 problem (the documented <c>default</c> response).</summary>
    public bool BackendFails { get; set; }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Kernel.Platform.Client;
using SessionsApi = Kernel.Sessions.Client;

namespace Kernel.Contracts.Bench.Clients;

/// <summary>The canned response bodies, written once with the generated writers: every client reads the same bytes.</summary>
public static class Payloads
{
    public const string StudyId = "5a6b7c8d9e0f11223344556677889900";
    public const string DatasetId = "5d1c0f3a9b2e4c7d8e6f1a2b3c4d5e6f";
    public const string JobId = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    public const string PlatformBase = "https://api.kernel.com/api/v1/";
    public const string SessionsBase = "https://api.backend.ai/";

    public static byte[] DatasetList(int count)
    {
        var list = new DatasetList
        {
            Datasets = Enumerable.Range(0, count).Select(i => new Dataset
            {
                Id = Hex(i),
                Meta = new DatasetMeta { Description = "Resting state, eyes closed", Name = "session " + i.ToString(CultureInfo.InvariantCulture), Experiment = "rest" },
                Participant = new Participant { Id = Hex(i + 1_000_000), ParticipantId = "P" + i.ToString("D4", CultureInfo.InvariantCulture), CreatedAt = 1_700_000_000.25 + i, Active = true, Pending = false, Status = "active" },
                CreatedDate = 1_700_000_100.5 + i,
                StartedAt = 1_700_000_200.75 + i,
                StoppedAt = i % 2 == 0 ? 1_700_003_800.125 + i : null,
            }).ToList(),
        };
        return Write(w => DatasetListJsonConverter.WriteValue(w, list));
    }

    public static byte[] PipelineStatus() => Write(w => PipelineRunStatusJsonConverter.WriteValue(w, new PipelineRunStatus
    {
        JobId = JobId,
        Status = PipelineRunState.Succeeded,
        SignedUrls = new SignedUrls
        {
            Urls = new Dictionary<string, Uri>
            {
                ["qc_report.html"] = new("https://kernel-pipeline-output.s3.amazonaws.com/9f8e7d6c/qc_report.html?X-Amz-Expires=3600&X-Amz-Signature=abc123"),
                ["qc_metrics.json"] = new("https://kernel-pipeline-output.s3.amazonaws.com/9f8e7d6c/qc_metrics.json?X-Amz-Expires=3600&X-Amz-Signature=def456"),
                ["raw.snirf"] = new("https://kernel-pipeline-output.s3.amazonaws.com/9f8e7d6c/raw.snirf?X-Amz-Expires=3600&X-Amz-Signature=0a1b2c"),
            },
            Sizes = new Dictionary<string, double> { ["qc_report.html"] = 48213.0, ["qc_metrics.json"] = 123.1, ["raw.snirf"] = 73400320.0 },
            BatchJobId = "3c1e5b0a-7d2f-4e9a-8b6c-1f0e2d3c4b5a",
            ExecutionId = "e1d2c3b4a5968778695a4b3c2d1e0f12",
        },
    }));

    public static byte[] KernelCreated() => Write(w => SessionsApi.CreateKernelResponseJsonConverter.WriteValue(w, new SessionsApi.CreateKernelResponse { KernelId = "bench-session-1", Created = true }));

    public static SessionsApi.CreateKernelRequest CreateRequest() => new()
    {
        Lang = "python:3.6",
        ClientSessionToken = "bench-session-1",
        Config = new SessionsApi.CreationConfig { Environ = new Dictionary<string, string> { ["SEED"] = "42" }, ClusterSize = 1, InstanceMemory = 2048, InstanceCores = 2 },
    };

    private static string Hex(int i) => i.ToString("x32", CultureInfo.InvariantCulture);

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return stream.ToArray();
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Platform.Client;
using SessionsApi = Kernel.Sessions.Client;

namespace Kernel.Contracts.Bench.Clients;

/// <summary>
/// The floor: what a careful hand would write with <see cref="HttpClient"/>, <see cref="Utf8JsonReader"/> and
/// <see cref="Utf8JsonWriter"/> for the same operations, producing the same DTOs. It checks the status and skips
/// unknown members, but validates nothing else and has no problem-details path.
/// </summary>
public sealed class HandWrittenClients(HttpClient http)
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");

    public async Task<DatasetList> ListDatasetsAsync(string studyId, CancellationToken cancellationToken = default)
    {
        var bytes = await GetAsync(HttpMethod.Get, "study/" + Uri.EscapeDataString(studyId) + "/datasets", null, cancellationToken).ConfigureAwait(false);
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        List<Dataset>? datasets = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("datasets"u8))
            {
                reader.Read();
                datasets = new List<Dataset>();
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    datasets.Add(ReadDataset(ref reader));
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new DatasetList { Datasets = datasets ?? throw new JsonException("datasets is missing") };
    }

    public async Task<PipelineRunStatus> GetPipelineStatusAsync(string studyId, string datasetId, string pipeline, CancellationToken cancellationToken = default)
    {
        var bytes = await GetAsync(HttpMethod.Get, "study/" + Uri.EscapeDataString(studyId) + "/dataset/" + Uri.EscapeDataString(datasetId) + "/pipeline/" + Uri.EscapeDataString(pipeline) + "/status", null, cancellationToken).ConfigureAwait(false);
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        string? jobId = null;
        string? status = null;
        SignedUrls? urls = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("job_id"u8)) { reader.Read(); jobId = reader.GetString(); }
            else if (reader.ValueTextEquals("status"u8)) { reader.Read(); status = reader.GetString(); }
            else if (reader.ValueTextEquals("signed_urls"u8)) { reader.Read(); urls = reader.TokenType == JsonTokenType.Null ? null : ReadSignedUrls(ref reader); }
            else { reader.Read(); reader.Skip(); }
        }

        return new PipelineRunStatus { JobId = jobId!, Status = new PipelineRunState(status!), SignedUrls = urls };
    }

    public async Task<SessionsApi.CreateKernelResponse> CreateKernelAsync(SessionsApi.CreateKernelRequest body, CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("lang"u8, body.Lang);
            if (body.Tag is not null) writer.WriteString("tag"u8, body.Tag);
            writer.WriteString("clientSessionToken"u8, body.ClientSessionToken);
            if (body.Config is { } config)
            {
                writer.WriteStartObject("config"u8);
                if (config.Environ is not null)
                {
                    writer.WriteStartObject("environ"u8);
                    foreach (var (key, value) in config.Environ) writer.WriteString(key, value);
                    writer.WriteEndObject();
                }

                if (config.ClusterSize is { } size) writer.WriteNumber("clusterSize"u8, size);
                if (config.InstanceMemory is { } memory) writer.WriteNumber("instanceMemory"u8, memory);
                if (config.InstanceCores is { } cores) writer.WriteNumber("instanceCores"u8, cores);
                if (config.InstanceGpus is { } gpus) writer.WriteNumber("instanceGPUs"u8, gpus);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        var bytes = await GetAsync(HttpMethod.Post, "kernel", stream.ToArray(), cancellationToken).ConfigureAwait(false);
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        string? id = null;
        var created = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("kernelId"u8)) { reader.Read(); id = reader.GetString(); }
            else if (reader.ValueTextEquals("created"u8)) { reader.Read(); created = reader.GetBoolean(); }
            else { reader.Read(); reader.Skip(); }
        }

        return new SessionsApi.CreateKernelResponse { KernelId = id!, Created = created };
    }

    private async Task<byte[]> GetAsync(HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(http.BaseAddress!, path));
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonType;
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode is < 200 or > 299)
        {
            throw new HttpRequestException("status " + (int)response.StatusCode);
        }

        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Dataset ReadDataset(ref Utf8JsonReader reader)
    {
        string? id = null;
        DatasetMeta? meta = null;
        Participant? participant = null;
        double created = 0, started = 0;
        double? stopped = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8)) { reader.Read(); id = reader.GetString(); }
            else if (reader.ValueTextEquals("meta"u8)) { reader.Read(); meta = ReadMeta(ref reader); }
            else if (reader.ValueTextEquals("participant"u8)) { reader.Read(); participant = ReadParticipant(ref reader); }
            else if (reader.ValueTextEquals("created_date"u8)) { reader.Read(); created = reader.GetDouble(); }
            else if (reader.ValueTextEquals("started_at"u8)) { reader.Read(); started = reader.GetDouble(); }
            else if (reader.ValueTextEquals("stopped_at"u8)) { reader.Read(); stopped = reader.TokenType == JsonTokenType.Null ? null : reader.GetDouble(); }
            else { reader.Read(); reader.Skip(); }
        }

        return new Dataset { Id = id!, Meta = meta!, Participant = participant!, CreatedDate = created, StartedAt = started, StoppedAt = stopped };
    }

    private static DatasetMeta ReadMeta(ref Utf8JsonReader reader)
    {
        string? description = null, name = null, experiment = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("description"u8)) { reader.Read(); description = reader.GetString(); }
            else if (reader.ValueTextEquals("name"u8)) { reader.Read(); name = reader.GetString(); }
            else if (reader.ValueTextEquals("experiment"u8)) { reader.Read(); experiment = reader.GetString(); }
            else { reader.Read(); reader.Skip(); }
        }

        return new DatasetMeta { Description = description, Name = name, Experiment = experiment };
    }

    private static Participant ReadParticipant(ref Utf8JsonReader reader)
    {
        string? id = null, participantId = null, status = null;
        double created = 0;
        bool active = false, pending = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8)) { reader.Read(); id = reader.GetString(); }
            else if (reader.ValueTextEquals("participant_id"u8)) { reader.Read(); participantId = reader.GetString(); }
            else if (reader.ValueTextEquals("created_at"u8)) { reader.Read(); created = reader.GetDouble(); }
            else if (reader.ValueTextEquals("active"u8)) { reader.Read(); active = reader.GetBoolean(); }
            else if (reader.ValueTextEquals("pending"u8)) { reader.Read(); pending = reader.GetBoolean(); }
            else if (reader.ValueTextEquals("status"u8)) { reader.Read(); status = reader.GetString(); }
            else { reader.Read(); reader.Skip(); }
        }

        return new Participant { Id = id!, ParticipantId = participantId!, CreatedAt = created, Active = active, Pending = pending, Status = status! };
    }

    private static SignedUrls ReadSignedUrls(ref Utf8JsonReader reader)
    {
        var urls = new Dictionary<string, Uri>();
        var sizes = new Dictionary<string, double>();
        string? batch = null, execution = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("urls"u8))
            {
                reader.Read();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    urls[key] = new Uri(reader.GetString()!);
                }
            }
            else if (reader.ValueTextEquals("sizes"u8))
            {
                reader.Read();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    sizes[key] = reader.GetDouble();
                }
            }
            else if (reader.ValueTextEquals("batch_job_id"u8)) { reader.Read(); batch = reader.GetString(); }
            else if (reader.ValueTextEquals("execution_id"u8)) { reader.Read(); execution = reader.GetString(); }
            else { reader.Read(); reader.Skip(); }
        }

        return new SignedUrls { Urls = urls, Sizes = sizes, BatchJobId = batch!, ExecutionId = execution! };
    }
}

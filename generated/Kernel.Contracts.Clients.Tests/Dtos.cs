using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using P = Kernel.Platform.Client;
using S = Kernel.Sessions.Client;

namespace Kernel.Contracts.Clients.Tests;

/// <summary>A generated DTO: the schema it comes from and ways to round-trip JSON through it.</summary>
internal sealed class Dto
{
    public required string Api { get; init; }

    public required string Schema { get; init; }

    public required Type Type { get; init; }

    /// <summary>JSON → the converter's static <c>ReadValue</c> → its static <c>WriteValue</c> → JSON.</summary>
    public required Func<string, string> ThroughConverter { get; init; }

    /// <summary>JSON → <c>JsonSerializer.Deserialize&lt;T&gt;</c> → <c>JsonSerializer.Serialize&lt;T&gt;</c>, with the API's resolver options.</summary>
    public required Func<string, string> ThroughSerializer { get; init; }

    /// <summary>The same with the <see cref="Type"/>-taking overloads.</summary>
    public required Func<string, string> ThroughSerializerByType { get; init; }

    public override string ToString() => Api + " " + Schema;
}

/// <summary>Which generated type each component schema of the two documents became.</summary>
internal static class Dtos
{
    public delegate T Read<T>(ref Utf8JsonReader reader);

    /// <summary>Component schema name → generated DTO, per API.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, Dto>> BySchema { get; } = new Dictionary<string, IReadOnlyDictionary<string, Dto>>
    {
        [Spec.SpecDocuments.Platform] = Table(
            Make<P.Dataset>(Spec.SpecDocuments.Platform, "Dataset", P.DatasetJsonConverter.ReadValue, P.DatasetJsonConverter.WriteValue, P.KernelPlatformJsonTypeInfoResolver.Options),
            Make<P.DatasetList>(Spec.SpecDocuments.Platform, "DatasetList", P.DatasetListJsonConverter.ReadValue, P.DatasetListJsonConverter.WriteValue, P.KernelPlatformJsonTypeInfoResolver.Options),
            Make<P.DatasetMeta>(Spec.SpecDocuments.Platform, "DatasetMeta", P.DatasetMetaJsonConverter.ReadValue, P.DatasetMetaJsonConverter.WriteValue, P.KernelPlatformJsonTypeInfoResolver.Options),
            Make<P.Participant>(Spec.SpecDocuments.Platform, "Participant", P.ParticipantJsonConverter.ReadValue, P.ParticipantJsonConverter.WriteValue, P.KernelPlatformJsonTypeInfoResolver.Options),
            Make<P.PipelineName>(Spec.SpecDocuments.Platform, "PipelineName", P.PipelineNameJsonConverter.ReadValue, P.PipelineNameJsonConverter.WriteValue, P.KernelPlatformJsonTypeInfoResolver.Options),
            Make<P.PipelineRunState>(Spec.SpecDocuments.Platform, "PipelineRunState", P.PipelineRunStateJsonConverter.ReadValue, P.PipelineRunStateJsonConverter.WriteValue, P.KernelPlatformJsonTypeInfoResolver.Options),
            Make<P.PipelineRunStatus>(Spec.SpecDocuments.Platform, "PipelineRunStatus", P.PipelineRunStatusJsonConverter.ReadValue, P.PipelineRunStatusJsonConverter.WriteValue, P.KernelPlatformJsonTypeInfoResolver.Options),
            Make<P.Problem>(Spec.SpecDocuments.Platform, "Problem", P.ProblemJsonConverter.ReadValue, P.ProblemJsonConverter.WriteValue, P.KernelPlatformJsonTypeInfoResolver.Options),
            Make<P.ProblemFieldError>(Spec.SpecDocuments.Platform, "ProblemFieldError", P.ProblemFieldErrorJsonConverter.ReadValue, P.ProblemFieldErrorJsonConverter.WriteValue, P.KernelPlatformJsonTypeInfoResolver.Options),
            Make<P.RunPipelineResponse>(Spec.SpecDocuments.Platform, "RunPipelineResponse", P.RunPipelineResponseJsonConverter.ReadValue, P.RunPipelineResponseJsonConverter.WriteValue, P.KernelPlatformJsonTypeInfoResolver.Options),
            Make<P.SignedUrls>(Spec.SpecDocuments.Platform, "SignedUrls", P.SignedUrlsJsonConverter.ReadValue, P.SignedUrlsJsonConverter.WriteValue, P.KernelPlatformJsonTypeInfoResolver.Options)),
        [Spec.SpecDocuments.Sessions] = Table(
            Make<S.ContainerStats>(Spec.SpecDocuments.Sessions, "ContainerStats", S.ContainerStatsJsonConverter.ReadValue, S.ContainerStatsJsonConverter.WriteValue, S.KernelSessionsJsonTypeInfoResolver.Options),
            Make<S.CreateKernelRequest>(Spec.SpecDocuments.Sessions, "CreateKernelRequest", S.CreateKernelRequestJsonConverter.ReadValue, S.CreateKernelRequestJsonConverter.WriteValue, S.KernelSessionsJsonTypeInfoResolver.Options),
            Make<S.CreateKernelResponse>(Spec.SpecDocuments.Sessions, "CreateKernelResponse", S.CreateKernelResponseJsonConverter.ReadValue, S.CreateKernelResponseJsonConverter.WriteValue, S.KernelSessionsJsonTypeInfoResolver.Options),
            Make<S.CreationConfig>(Spec.SpecDocuments.Sessions, "CreationConfig", S.CreationConfigJsonConverter.ReadValue, S.CreationConfigJsonConverter.WriteValue, S.KernelSessionsJsonTypeInfoResolver.Options),
            Make<S.DestroyKernelResponse>(Spec.SpecDocuments.Sessions, "DestroyKernelResponse", S.DestroyKernelResponseJsonConverter.ReadValue, S.DestroyKernelResponseJsonConverter.WriteValue, S.KernelSessionsJsonTypeInfoResolver.Options),
            Make<S.KernelInfo>(Spec.SpecDocuments.Sessions, "KernelInfo", S.KernelInfoJsonConverter.ReadValue, S.KernelInfoJsonConverter.WriteValue, S.KernelSessionsJsonTypeInfoResolver.Options),
            Make<S.Problem>(Spec.SpecDocuments.Sessions, "Problem", S.ProblemJsonConverter.ReadValue, S.ProblemJsonConverter.WriteValue, S.KernelSessionsJsonTypeInfoResolver.Options),
            Make<S.ProblemFieldError>(Spec.SpecDocuments.Sessions, "ProblemFieldError", S.ProblemFieldErrorJsonConverter.ReadValue, S.ProblemFieldErrorJsonConverter.WriteValue, S.KernelSessionsJsonTypeInfoResolver.Options)),
    };

    /// <summary>The problem document every error is read into, per API (not a component schema: the generator's own type).</summary>
    public static IReadOnlyDictionary<string, Dto> ApiProblem { get; } = new Dictionary<string, Dto>
    {
        [Spec.SpecDocuments.Platform] = Make<P.ApiProblem>(Spec.SpecDocuments.Platform, "ApiProblem", P.ApiProblemJsonConverter.ReadValue, P.ApiProblemJsonConverter.WriteValue, P.KernelPlatformJsonTypeInfoResolver.Options),
        [Spec.SpecDocuments.Sessions] = Make<S.ApiProblem>(Spec.SpecDocuments.Sessions, "ApiProblem", S.ApiProblemJsonConverter.ReadValue, S.ApiProblemJsonConverter.WriteValue, S.KernelSessionsJsonTypeInfoResolver.Options),
    };

    public static Dto For(string api, string schema) =>
        BySchema[api].TryGetValue(schema, out var dto)
            ? dto
            : throw new Xunit.Sdk.XunitException("No generated type is mapped for " + api + " schema '" + schema + "': add it to Dtos.BySchema.");

    /// <summary>Reads one value with a converter's static reader; the whole input must be consumed.</summary>
    public static T ReadAll<T>(string json, Read<T> read)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes);
        if (!reader.Read())
        {
            throw new JsonException("empty input");
        }

        var value = read(ref reader);
        if (reader.Read())
        {
            throw new JsonException("the reader stopped before the end of the value, at " + reader.TokenType);
        }

        return value;
    }

    /// <summary>Writes one value with a converter's static writer.</summary>
    public static string WriteAll<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static Dto Make<T>(string api, string schema, Read<T> read, Action<Utf8JsonWriter, T> write, JsonSerializerOptions options) => new()
    {
        Api = api,
        Schema = schema,
        Type = typeof(T),
        ThroughConverter = json => WriteAll(ReadAll(json, read), write),
        ThroughSerializer = json => JsonSerializer.Serialize(JsonSerializer.Deserialize<T>(json, options), options),
        ThroughSerializerByType = json => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, typeof(T), options), typeof(T), options),
    };

    private static IReadOnlyDictionary<string, Dto> Table(params Dto[] dtos) => dtos.ToDictionary(d => d.Schema, StringComparer.Ordinal);
}

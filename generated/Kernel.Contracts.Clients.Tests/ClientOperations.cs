using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Contracts.Clients.Tests.Server;
using Kernel.Contracts.Clients.Tests.Spec;
using P = Kernel.Platform.Client;
using S = Kernel.Sessions.Client;

namespace Kernel.Contracts.Clients.Tests;

/// <summary>A client of each API, both talking to the test server for one case.</summary>
internal sealed record ClientPair(P.KernelPlatformClient Platform, S.KernelSessionsClient Sessions);

/// <summary>How to call one operation from the tests, and what the server must receive.</summary>
/// <param name="Api">Which API.</param>
/// <param name="OperationId">The operationId.</param>
/// <param name="Method">The HTTP method the server must see.</param>
/// <param name="RawTarget">The request target the server must see.</param>
/// <param name="Invoke">Calls the operation; returns the result (null for an operation without a result).</param>
/// <param name="Serialize">Writes a result back to JSON with the generated converter.</param>
internal sealed record ClientOperation(
    string Api,
    string OperationId,
    string Method,
    string RawTarget,
    Func<ClientPair, CancellationToken, Task<object?>> Invoke,
    Func<object, string> Serialize);

/// <summary>Every operation of both clients, with the arguments the tests use.</summary>
internal static class ClientOperations
{
    public const string StudyId = "5a6b7c8d9e0f11223344556677889900";
    public const string DatasetId = "5d1c0f3a9b2e4c7d8e6f1a2b3c4d5e6f";
    public const string KernelId = "TSSJT2Z4SnmQhxjWMnJljg";

    /// <summary>The Sessions document's 'seed' request example, as the DTO the create operations send.</summary>
    public static S.CreateKernelRequest SeedRequest => Dtos.ReadAll(
        JsonSemantic.Show(SpecExamples.TopLevel(SpecDocuments.Sessions).First(e => e.Name.EndsWith("'seed'", StringComparison.Ordinal)).Value),
        S.CreateKernelRequestJsonConverter.ReadValue);

    public static IReadOnlyList<ClientOperation> All { get; } = new[]
    {
        new ClientOperation(SpecDocuments.Platform, "listDatasets", "GET", "/api/v1/study/" + StudyId + "/datasets",
            async (c, ct) => await c.Platform.ListDatasetsAsync(StudyId, ct),
            r => Dtos.WriteAll((P.DatasetList)r, P.DatasetListJsonConverter.WriteValue)),
        new ClientOperation(SpecDocuments.Platform, "runPipeline", "POST", "/api/v1/study/" + StudyId + "/dataset/" + DatasetId + "/pipeline/qc_nirs",
            async (c, ct) => await c.Platform.RunPipelineAsync(StudyId, DatasetId, P.PipelineName.QcNirs, ct),
            r => Dtos.WriteAll((P.RunPipelineResponse)r, P.RunPipelineResponseJsonConverter.WriteValue)),
        new ClientOperation(SpecDocuments.Platform, "getPipelineStatus", "GET", "/api/v1/study/" + StudyId + "/dataset/" + DatasetId + "/pipeline/qc_nirs/status",
            async (c, ct) => await c.Platform.GetPipelineStatusAsync(StudyId, DatasetId, P.PipelineName.QcNirs, ct),
            r => Dtos.WriteAll((P.PipelineRunStatus)r, P.PipelineRunStatusJsonConverter.WriteValue)),
        new ClientOperation(SpecDocuments.Sessions, "createKernel", "POST", "/kernel",
            async (c, ct) => await c.Sessions.CreateKernelAsync(SeedRequest, ct),
            r => Dtos.WriteAll((S.CreateKernelResponse)r, S.CreateKernelResponseJsonConverter.WriteValue)),
#pragma warning disable CS0618 // the legacy route is deprecated in the document, and still has to work
        new ClientOperation(SpecDocuments.Sessions, "createKernelLegacy", "POST", "/kernel/create",
            async (c, ct) => await c.Sessions.CreateKernelLegacyAsync(SeedRequest, ct),
            r => Dtos.WriteAll((S.CreateKernelResponse)r, S.CreateKernelResponseJsonConverter.WriteValue)),
#pragma warning restore CS0618
        new ClientOperation(SpecDocuments.Sessions, "getKernelInfo", "GET", "/kernel/" + KernelId,
            async (c, ct) => await c.Sessions.GetKernelInfoAsync(KernelId, ct),
            r => Dtos.WriteAll((S.KernelInfo)r, S.KernelInfoJsonConverter.WriteValue)),
        new ClientOperation(SpecDocuments.Sessions, "restartKernel", "PATCH", "/kernel/" + KernelId,
            async (c, ct) =>
            {
                await c.Sessions.RestartKernelAsync(KernelId, ct);
                return null;
            },
            _ => throw new InvalidOperationException("restartKernel has no result")),
        new ClientOperation(SpecDocuments.Sessions, "destroyKernel", "DELETE", "/kernel/" + KernelId,
            async (c, ct) => await c.Sessions.DestroyKernelAsync(KernelId, ct),
            r => Dtos.WriteAll((S.DestroyKernelResponse)r, S.DestroyKernelResponseJsonConverter.WriteValue)),
    };

    public static ClientOperation Get(string api, string operationId) =>
        All.SingleOrDefault(o => o.Api == api && o.OperationId == operationId)
        ?? throw new Xunit.Sdk.XunitException("No test call for " + api + " " + operationId + ": add it to ClientOperations.All.");

    /// <summary>Clients for a case: Platform with its API key handler, Sessions with the signing handler, both on the test server.</summary>
    public static ClientPair Clients(ContractServer server, ServerCase c) => new(
        new P.KernelPlatformClient(server.Client(c, new P.ApiKeyHandler("platform-api-key")), new P.KernelPlatformClientOptions { BaseAddress = server.PlatformBase }),
        new S.KernelSessionsClient(server.Client(c, new S.BackendAiSigningHandler(ContractServer.AccessKey, ContractServer.SecretKey)), new S.KernelSessionsClientOptions { BaseAddress = server.Root }));
}

/// <summary>The two APIs' <c>ApiException</c>s seen through one shape.</summary>
internal sealed record ApiError(
    int StatusCode,
    string? ProblemType,
    string? ProblemTitle,
    int? ProblemStatus,
    string? ProblemDetail,
    IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Extensions,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Headers,
    string? Body,
    string Message,
    Exception Exception)
{
    public static async Task<ApiError> Catch(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (P.ApiException e)
        {
            return new ApiError(e.StatusCode, e.Problem?.Type, e.Problem?.Title, e.Problem?.Status, e.Problem?.Detail, e.Problem?.Extensions, e.Headers, e.Body, e.Message, e);
        }
        catch (S.ApiException e)
        {
            return new ApiError(e.StatusCode, e.Problem?.Type, e.Problem?.Title, e.Problem?.Status, e.Problem?.Detail, e.Problem?.Extensions, e.Headers, e.Body, e.Message, e);
        }

        throw new Xunit.Sdk.XunitException("expected an ApiException, but the call succeeded");
    }
}

internal static class HttpClientExtensions
{
    public static HttpClient WithBase(this HttpClient client, Uri? baseAddress)
    {
        client.BaseAddress = baseAddress;
        return client;
    }
}

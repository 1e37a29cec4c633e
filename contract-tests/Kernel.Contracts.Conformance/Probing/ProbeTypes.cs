using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Conformance.Probing;

/// <summary>Which credentials a probe request carries.</summary>
public enum ProbeCredentials
{
    /// <summary>The credentials given to the probe.</summary>
    Valid,

    /// <summary>None at all.</summary>
    Missing,

    /// <summary>Credentials the server must reject.</summary>
    Wrong,
}

/// <summary>How a probe runs.</summary>
public sealed class ProbeOptions
{
    /// <summary>The implementation's root address; the document's first server path (e.g. <c>/api/v1</c>) is added to it.</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>The handler a request with the given credentials goes through (to the network).</summary>
    public required Func<ProbeCredentials, HttpMessageHandler> Handler { get; init; }

    /// <summary>The seed: the same seed against the same server sends the same requests.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>At most this many requests.</summary>
    public int MaxRequests { get; init; } = 300;

    /// <summary>At most this long (then the probe stops early and says so).</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one request may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A valid request body for an operation made by a faker (e.g. the generated Bogus fakers), or null to use the
    /// document's examples only. The probe alternates between the two.
    /// </summary>
    public Func<SpecOperation, Bogus.Faker, JsonNode?>? FakeBody { get; init; }
}

/// <summary>One request the probe sent and what it found.</summary>
/// <param name="OperationId">The operation called.</param>
/// <param name="Kind"><c>valid</c>, or what was broken on purpose (<c>invalid: …</c>, <c>credentials: …</c>).</param>
/// <param name="Method">The method.</param>
/// <param name="Url">The URL.</param>
/// <param name="Status">The response status (null when no response came).</param>
/// <param name="Problems">What is wrong with the response; empty when it is what the document promises.</param>
/// <param name="Curl">A <c>curl</c> command that sends the same request.</param>
public sealed record ProbeRecord(string OperationId, string Kind, string Method, string Url, int? Status, IReadOnlyList<string> Problems, string Curl)
{
    /// <summary>Whether the response is what the document promises.</summary>
    public bool Passed => Problems.Count == 0;

    /// <summary>Whether the request was valid (not broken on purpose).</summary>
    public bool Valid => Kind == "valid";
}

/// <summary>Everything a probe sent.</summary>
/// <param name="Requests">Each request, in order.</param>
/// <param name="TimedOut">Whether the time limit ended the probe before the request limit.</param>
public sealed record ProbeResult(IReadOnlyList<ProbeRecord> Requests, bool TimedOut)
{
    /// <summary>Whether every response was as documented.</summary>
    public bool Passed => Requests.All(r => r.Passed);

    /// <summary>What the probe could not do as planned (a pattern it cannot sample), one sentence each.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

using System.Collections.Generic;
using System.Net.Http;
using Kernel.Contracts.Pact.Matchers;

namespace Kernel.Contracts.Pact.Tests;

/// <summary>The sample contract of these tests: a CLI consumer reading a session from the sessions provider.</summary>
internal static class SessionsPact
{
    internal const string Consumer = "Pact.Tests.Cli";
    internal const string Provider = "Pact.Tests.Sessions";
    internal const string Description = "a request for session 42";
    internal const string State = "session 42 exists";

    internal static PactBuilder Create(string pactDir) =>
        Pact.V4(Consumer, Provider, new PactConfig { PactDir = pactDir });

    /// <summary>Defines GET /sessions/42?verbose=true with an Accept header, answered with a matched session.</summary>
    internal static PactBuilder WithSessionInteraction(this PactBuilder pact)
    {
        pact.UponReceiving(Description)
            .Given(State, new Dictionary<string, object?> { ["id"] = 42, ["owner"] = "alice" })
            .WithRequest(HttpMethod.Get, "/sessions/42")
            .WithQuery("verbose", "true")
            .WithHeader("Accept", "application/json")
            .WillRespond()
            .WithStatus(200)
            .WithHeader("Content-Type", Match.Regex("application/json; charset=utf-8", @"application/json.*"))
            .WithJsonBody(new
            {
                id = Match.Integer(42),
                name = Match.Type("session-42"),
                status = Match.Regex("RUNNING", "PENDING|RUNNING|TERMINATED"),
                createdAt = Match.DateTime("2024-05-01T10:00:00", "yyyy-MM-dd'T'HH:mm:ss"),
                tags = Match.EachLike("gpu"),
            });
        return pact;
    }
}

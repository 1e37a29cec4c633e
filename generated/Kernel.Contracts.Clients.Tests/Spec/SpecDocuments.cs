using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Clients.Tests.Spec;

/// <summary>The two OpenAPI documents, read once with the generator's own YAML reader.</summary>
internal static class SpecDocuments
{
    public const string Platform = "platform";
    public const string Sessions = "sessions";

    private static readonly Dictionary<string, JsonObject> Cache = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> Apis { get; } = new[] { Platform, Sessions };

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static JsonObject Load(string api)
    {
        var file = api switch
        {
            Platform => "kernel-platform.openapi.yaml",
            Sessions => "kernel-sessions.openapi.yaml",
            _ => throw new ArgumentOutOfRangeException(nameof(api), api, null),
        };

        lock (Cache)
        {
            if (!Cache.TryGetValue(api, out var document))
            {
                document = (JsonObject)DocumentText.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "spec", file)))!;
                Cache[api] = document;
            }

            return document;
        }
    }

    /// <summary>The node at a local JSON pointer such as <c>#/components/schemas/Problem</c>.</summary>
    public static JsonNode Resolve(JsonObject document, string pointer)
    {
        if (!pointer.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Only local references are expected, not " + pointer);
        }

        return Pointers.TryResolve(document, pointer, out var node) && node is not null ? node : throw new InvalidOperationException("Nothing at " + pointer);
    }

    /// <summary>Follows <c>$ref</c>s until a node without one; returns it and the pointer it was found at (if any).</summary>
    public static (JsonObject Node, string? Pointer) Deref(JsonObject document, JsonObject node)
    {
        string? pointer = null;
        for (var hops = 0; node["$ref"] is JsonValue reference; hops++)
        {
            if (hops > 16)
            {
                throw new InvalidOperationException("Reference cycle at " + pointer);
            }

            pointer = reference.GetValue<string>();
            node = (JsonObject)Resolve(document, pointer);
        }

        return (node, pointer);
    }

    /// <summary>The component schema name a <c>$ref</c> points to, or null.</summary>
    public static string? SchemaName(JsonObject schema) =>
        schema["$ref"] is JsonValue reference && reference.GetValue<string>() is var text && text.StartsWith("#/components/schemas/", StringComparison.Ordinal)
            ? text.Substring("#/components/schemas/".Length)
            : null;

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kernel.Contracts.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Kernel.Contracts.sln not found above " + AppContext.BaseDirectory);
    }
}

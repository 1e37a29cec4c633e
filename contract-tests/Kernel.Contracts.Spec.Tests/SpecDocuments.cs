using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Spec.Tests;

/// <summary>The project's OpenAPI documents, read once.</summary>
internal static class SpecDocuments
{
    public static readonly string[] Files = { "kernel-platform.openapi.yaml", "kernel-sessions.openapi.yaml" };

    private static readonly Dictionary<string, JsonObject> Cache = new(StringComparer.Ordinal);

    public static string SpecDirectory { get; } = FindSpecDirectory();

    public static JsonObject Load(string file)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(file, out var document))
            {
                document = (JsonObject)DocumentText.Parse(File.ReadAllText(Path.Combine(SpecDirectory, file)))!;
                Cache[file] = document;
            }

            return document;
        }
    }

    public static JsonNode? Resolve(JsonObject document, string pointer) =>
        Pointers.TryResolve(document, pointer, out var node) ? node : throw new InvalidOperationException("Nothing at " + pointer);

    private static string FindSpecDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kernel.Contracts.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Kernel.Contracts.sln not found"), "spec");
    }
}

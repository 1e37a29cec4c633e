using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace Kernel.Contracts.Cli;

/// <summary>Where the pacts come from: a given file or folder, or the committed pacts carried inside the tool.</summary>
internal static class PactSources
{
    /// <summary>The pacts to use: the given file or folder, or the committed pacts of the API (all of them for an empty <paramref name="api"/>).</summary>
    public static List<string> Resolve(string api, FileSystemInfo? given, TextWriter error)
    {
        if (given is not null)
        {
            var list = given switch
            {
                FileInfo { Exists: true } f => new List<string> { f.FullName },
                DirectoryInfo { Exists: true } d => d.GetFiles("*.json").Select(f => f.FullName).OrderBy(f => f, StringComparer.Ordinal).ToList(),
                _ => new List<string>(),
            };
            if (list.Count == 0)
            {
                error.WriteLine("error: no pact at '" + given.FullName + "': give a pact file or a folder with *.json pacts.");
            }

            return list;
        }

        var assembly = typeof(PactSources).Assembly;
        var folder = Directory.CreateTempSubdirectory("kernel-contracts-pacts-");
        var files = new List<string>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("pacts/", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var path = Path.Combine(folder.FullName, name.Substring("pacts/".Length));
            using (var file = File.Create(path))
            {
                stream.CopyTo(file);
            }

            if (ProviderName(path).Contains(api, StringComparison.OrdinalIgnoreCase))
            {
                files.Add(path);
            }
        }

        if (files.Count == 0)
        {
            error.WriteLine("error: this build of kernel-contracts carries no committed pact for the " + api + " API; pass one with --pact FILE.");
        }

        return files;
    }

    public static string ProviderName(string pactFile)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(pactFile))?["provider"]?["name"]?.GetValue<string>() ?? "provider";
        }
        catch (System.Text.Json.JsonException)
        {
            return "provider";
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Kernel.Contracts.Generator.Emitting;

/// <summary>
/// The fixed code the generated APIs get, kept as real C# files under <c>Support/</c> (compiled and unit-tested as
/// themselves by Kernel.Contracts.Generator.Support.Tests) and embedded in this assembly. Each file is written in the
/// namespace <see cref="Namespace"/>; the API's namespace replacing it is the only change to its text, apart from the
/// version its <c>[GeneratedCode]</c> attribute is stamped with.
/// </summary>
internal static class SupportFiles
{
    /// <summary>The namespace every support file is written in.</summary>
    public const string Namespace = "Kernel.Contracts.Support";

    /// <summary>The attribute as the files carry it: the version is the build's, known only to the generator.</summary>
    public const string UnstampedGeneratedCode = "[System.CodeDom.Compiler.GeneratedCode(\"Kernel.Contracts.Generator\", \"0.0.0\")]";

    private const string NamespaceLine = "namespace " + Namespace + ";";
    private const string ResourcePrefix = "Support/";

    // Read once per generator load: resources never change, and only strings leave here (nothing enters the pipeline).
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Files = new(Load);

    /// <summary>
    /// The types of a file (everything after its namespace line) in <paramref name="namespace"/>; comments above
    /// the namespace line stay behind.
    /// </summary>
    public static string Types(string path, string @namespace) => InNamespace(File(path), @namespace);

    /// <summary>
    /// The members of a file's one class, a level less indented, for the generator to copy into a class of its own:
    /// the class only lets them compile (and be tested) on their own.
    /// </summary>
    public static string Members(string path, string @namespace)
    {
        var lines = File(path).Split('\n');
        var open = Array.IndexOf(lines, "{");
        var close = Array.LastIndexOf(lines, "}");
        if (open < 0 || close <= open)
        {
            throw new InvalidOperationException("The support file " + path + " has no class whose braces stand alone at the start of a line.");
        }

        var members = lines.Skip(open + 1).Take(close - open - 1).Select(line => line.Length == 0 ? line
            : line.StartsWith("    ", StringComparison.Ordinal) ? line.Substring(4)
            : throw new InvalidOperationException("The support file " + path + " has a member line outside its class: " + line));
        return InNamespace(string.Join("\n", members).Trim('\n'), @namespace);
    }

    /// <summary>The attribute with the generator's own version (one place decides it: <see cref="Emitter.GeneratedCodeAttribute"/>).</summary>
    public static string StampVersion(string text) => text.Replace(UnstampedGeneratedCode, Emitter.GeneratedCodeAttribute);

    /// <summary>A support file's text with its references to <see cref="Namespace"/> pointing at <paramref name="namespace"/>.</summary>
    public static string InNamespace(string text, string @namespace) =>
        text.Replace("global::" + Namespace + ".", "global::" + @namespace + ".");

    private static string File(string path) =>
        Files.Value.TryGetValue(path, out var text) ? text : throw new InvalidOperationException("No support file " + path + " is embedded in the generator.");

    private static IReadOnlyDictionary<string, string> Load()
    {
        var assembly = typeof(SupportFiles).Assembly;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            // MSBuild writes the folder part of the name with the build machine's separator.
            var path = name.Replace('\\', '/');
            if (!path.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var text = reader.ReadToEnd().Replace("\r\n", "\n");
            var at = text.IndexOf(NamespaceLine + "\n", StringComparison.Ordinal);
            if (at < 0)
            {
                throw new InvalidOperationException("The support file " + path + " must declare '" + NamespaceLine + "'.");
            }

            files[path.Substring(ResourcePrefix.Length)] = StampVersion(text.Substring(at + NamespaceLine.Length + 1).Trim('\n'));
        }

        return files;
    }
}

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using Kernel.Contracts.Generator;
using Kernel.Contracts.Generator.Emitting;
using Kernel.Contracts.Generator.Model;
using Kernel.Contracts.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace Kernel.Contracts.Cli;

/// <summary>
/// <c>kernel-contracts generate</c>: runs the source generator's own parser and emitter on a document and writes
/// the <c>.g.cs</c> files, to read or vendor the output without a build. Diagnostics print as the compiler would
/// (file, line, column, ID); an error exits 1, a missing or unreadable file exits 2.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var spec = new Option<FileInfo>("--spec") { Description = "The OpenAPI document (YAML or JSON, 3.0 or 3.1).", Required = true };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "The folder the .g.cs files are written to (created when missing).", Required = true };
        var generate = new Option<string?>("--generate") { Description = "What to generate: any of Models, Client, Server, Fakers, Validators separated by ';' (default Models;Client), as the Generate metadata of an OpenApiSpec item." };
        var ns = new Option<string?>("--namespace") { Description = "The namespace of the generated code (default: the document's title)." };
        var clientName = new Option<string?>("--client-name") { Description = "The prefix of the generated types (default: the document's title)." };
        var references = new Option<FileInfo[]>("--reference") { Description = "Another document that $refs of --spec point into (repeatable).", AllowMultipleArgumentsPerToken = true };

        var command = new Command("generate", "Generate the C# files of an OpenAPI document, as the source generator would, into a folder.")
        {
            spec, outDir, generate, ns, clientName, references,
        };

        command.SetAction(parse =>
        {
            var files = new List<FileInfo> { parse.GetRequiredValue(spec) };
            files.AddRange(parse.GetValue(references) ?? []);
            var inputs = new List<SpecInput>();
            foreach (var file in files)
            {
                if (!file.Exists)
                {
                    error.WriteLine("error: no such file: " + file.FullName);
                    return 2;
                }

                string text;
                try
                {
                    text = File.ReadAllText(file.FullName);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine("error: cannot read " + file.FullName + ": " + e.Message);
                    return 2;
                }

                var main = inputs.Count == 0;
                inputs.Add(new SpecInput(file.FullName, text, main ? parse.GetValue(ns) : null, main ? parse.GetValue(generate) : "None", main ? parse.GetValue(clientName) : null, null));
            }

            var result = Run(inputs[0], inputs.Skip(1));
            foreach (var diagnostic in result.Diagnostics)
            {
                (diagnostic.Severity == DiagnosticSeverity.Error ? error : output).WriteLine(diagnostic.ToString());
            }

            var folder = parse.GetRequiredValue(outDir);
            var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            WriteCounts written;
            try
            {
                written = Write(result.Files, folder.FullName, removeStale: errors == 0);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine("error: cannot write into " + folder.FullName + ": " + e.Message);
                return 2;
            }

            var count = written.Written + written.Unchanged;
            output.WriteLine($"generate: {count} files ({written.Bytes} bytes) in {folder.FullName}: {written.Written} written, {written.Unchanged} unchanged, {written.Removed} stale removed"
                + (errors > 0 ? $", {errors} errors" : string.Empty) + $"; {result.Operations} operations, {result.Schemas} schemas");
            return errors > 0 || count == 0 ? 1 : 0;
        });

        return command;
    }

    /// <summary>What writing the files did: their bytes, and how many were written, already there as they are, or left from an earlier run and removed.</summary>
    internal sealed record WriteCounts(long Bytes, int Written, int Unchanged, int Removed);

    /// <summary>
    /// Writes the files into <paramref name="folder"/> as UTF-8 without a byte order mark, each as soon as the emitter
    /// has made it; the folder is made only when there is a file. A file already there with the same bytes is left
    /// alone, so its time stamp, and a build that depends on it, does not change; a <c>.g.cs</c> file there that this
    /// generator wrote (its first line says so) and this run did not is removed (<paramref name="removeStale"/>, when
    /// the document has no error): the type it declared is gone from the document. Any other file is never touched.
    /// </summary>
    internal static WriteCounts Write(IEnumerable<GeneratedFile> files, string folder, bool removeStale)
    {
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var names = new HashSet<string>(StringComparer.Ordinal);
        long bytes = 0;
        var written = 0;
        foreach (var file in files)
        {
            if (names.Count == 0)
            {
                Directory.CreateDirectory(folder);
            }

            names.Add(file.HintName);
            var content = encoding.GetBytes(file.Text);
            bytes += content.Length;
            var path = Path.Combine(folder, file.HintName);
            var existing = new FileInfo(path);
            if (existing.Exists && existing.Length == content.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(content))
            {
                continue;
            }

            File.WriteAllBytes(path, content);
            written++;
        }

        var removed = 0;
        foreach (var path in removeStale && names.Count > 0 ? Directory.EnumerateFiles(folder, "*.g.cs") : [])
        {
            if (!names.Contains(Path.GetFileName(path)) && IsOurs(path))
            {
                File.Delete(path);
                removed++;
            }
        }

        return new WriteCounts(bytes, written, names.Count - written, removed);
    }

    private static bool IsOurs(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return reader.ReadLine() == Emitter.HeaderLine;
    }

    /// <summary>What one run produced: the files (made as they are enumerated) and every diagnostic, ordered by place.</summary>
    internal sealed record Output(IEnumerable<GeneratedFile> Files, IReadOnlyList<Diagnostic> Diagnostics, int Operations = 0, int Schemas = 0);

    /// <summary>Diagnostics in the order of their place: file, then line and column.</summary>
    private static readonly Comparer<Diagnostic> ByPlace = Comparer<Diagnostic>.Create((a, b) =>
    {
        var x = a.Location.GetLineSpan();
        var y = b.Location.GetLineSpan();
        var byFile = string.CompareOrdinal(x.Path, y.Path);
        return byFile != 0 ? byFile : x.StartLinePosition.CompareTo(y.StartLinePosition);
    });

    /// <summary>
    /// The generator's pipeline without the compiler: <see cref="SpecParser.Parse"/> then <see cref="Emitter.Emit"/>.
    /// The compilation facts are what the requested kinds need (a project generating a server references ASP.NET Core).
    /// </summary>
    internal static Output Run(SpecInput spec, IEnumerable<SpecInput> others)
    {
        var parsed = SpecParser.Parse(new SpecRequest(spec, others.ToEquatableArray()));
        var diagnostics = parsed.Diagnostics
            .Select(d => d.ToDiagnostic())
            .OrderBy(d => d, ByPlace)
            .ToList();
        if (parsed.Model is not { } model)
        {
            return new Output([], diagnostics);
        }

        var facts = new CompilationFacts(
            HasHttpClientFactory: true,
            HasAspNetCore: (model.Kinds & GenerateKinds.Server) != 0,
            HasBogus: (model.Kinds & GenerateKinds.Fakers) != 0);
        return new Output(Emitter.Emit(model, facts), diagnostics, model.Operations.Count, model.Types.Count);
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace Kernel.Contracts.Build.Corpus;

/// <summary>What the corpus build does with one document: generate it (for the figures) and build it for real.</summary>
internal interface ICorpusSteps
{
    /// <summary>Runs the generator into <paramref name="scratch"/> (emptied first); returns what it printed.</summary>
    string Generate(string document, string scratch);

    /// <summary>Builds the throwaway project on <paramref name="document"/>, warnings as errors; true when it compiles.</summary>
    bool Build(string document);
}

/// <summary>
/// Builds the client, server stubs and fakers of every public document in a folder and prints a table: the generator's
/// figures, whether the build compiled warning-free, and its time.
/// </summary>
internal sealed class CorpusBuild(ICorpusSteps steps, TextWriter output)
{
    private static readonly string[] Extensions = [".json", ".yaml", ".yml"];

    /// <summary>The documents of the corpus, in a stable order, as full paths: the build that reads one runs in another folder.</summary>
    public static IReadOnlyList<string> Documents(string folder) =>
        Directory.GetFiles(Path.GetFullPath(folder)).Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();

    /// <summary>Every row; prints the table and, last, the summary line.</summary>
    public IReadOnlyList<CorpusRow> Run(string folder, string scratch)
    {
        var total = Stopwatch.StartNew();
        var rows = new List<CorpusRow>();
        foreach (var document in Documents(folder))
        {
            var stats = GenerateStats.Parse(steps.Generate(document, scratch));
            var watch = Stopwatch.StartNew();
            var compiles = steps.Build(document);
            rows.Add(new CorpusRow(Path.GetFileName(document), stats, compiles, watch.Elapsed));
        }

        output.WriteLine();
        foreach (var line in CorpusTable.Lines(rows)) output.WriteLine(line);
        output.WriteLine(CorpusTable.Summary(rows, total.Elapsed));
        return rows;
    }
}

/// <summary>The steps as processes: <c>kernel-contracts generate</c>, then <c>dotnet build</c> of the corpus project.</summary>
internal sealed class ProcessCorpusSteps(string cli, string project, string configuration) : ICorpusSteps
{
    public string Generate(string document, string scratch)
    {
        if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        Directory.CreateDirectory(scratch);
        var start = Dotnet(cli, "generate", "--spec", document, "--out", scratch, "--generate", "Models;Client;Server;Fakers", "--namespace", "Corpus.Api");
        start.RedirectStandardOutput = true;
        using var process = Process.Start(start) ?? throw new BuildStepException("could not start dotnet");
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }

    // One document after another through the same throwaway project: the build sees the changed spec and recompiles.
    public bool Build(string document)
    {
        using var process = Process.Start(Dotnet("build", project, "-c", configuration, "-p:CorpusSpec=" + document, "-nologo", "-clp:ErrorsOnly"))
            ?? throw new BuildStepException("could not start dotnet");
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    private static ProcessStartInfo Dotnet(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }
}

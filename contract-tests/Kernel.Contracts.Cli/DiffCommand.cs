using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using Kernel.Contracts.Conformance;
using Kernel.Contracts.Conformance.Evolution;
using Kernel.Contracts.Generator.Parsing;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Cli;

/// <summary>
/// <c>kernel-contracts diff</c>: every change between two versions of an OpenAPI document, classified for clients and
/// servers (<see cref="DiffRules"/>), the pact interactions the new version breaks, and the version bump it asks for.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var baseFile = new Option<FileInfo?>("--base") { Description = "The old version of the document (YAML or JSON)." };
        var baseRef = new Option<string?>("--base-ref") { Description = "Read the old version from git instead: the --head file as it is at this ref (a tag, a branch, a commit)." };
        var head = new Option<FileInfo>("--head") { Description = "The new version of the document.", Required = true };
        var pacts = new Option<FileSystemInfo?>("--pacts") { Description = "Pacts whose interactions the change may break (a file or a folder of *.json; default: the committed pacts, for our documents)." };
        var allowBreaking = new Option<bool>("--allow-breaking") { Description = "Exit 0 even when a change is breaking." };
        var released = new Option<string?>("--released-version") { Description = "The version the old document was released with; with --version, a breaking change needs a major step." };
        var version = new Option<string?>("--version") { Description = "The version about to be released (see --released-version)." };
        var junit = CliOptions.Junit();
        var json = CliOptions.Json();
        var command = new Command("diff", "Classify every change between two versions of an OpenAPI document as breaking, potentially breaking or compatible, for clients and for servers, and name the pact interactions it breaks.")
        {
            baseFile, baseRef, head, pacts, allowBreaking, released, version, junit, json,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(baseFile) is null) == (result.GetValue(baseRef) is null)) result.AddError("Give either --base FILE or --base-ref REF.");
            if ((result.GetValue(released) is null) != (result.GetValue(version) is null)) result.AddError("Give --released-version and --version together.");
        });

        command.SetAction(parse =>
        {
            var headFile = parse.GetValue(head)!;
            string baseName, baseText, headText;
            try
            {
                headText = File.Exists(headFile.FullName) ? File.ReadAllText(headFile.FullName) : throw new SpecException("There is no OpenAPI document at '" + headFile.FullName + "'.");
                (baseName, baseText) = parse.GetValue(baseRef) is { } reference
                    ? (headFile.Name + "@" + reference, GitShow(headFile, reference))
                    : (parse.GetValue(baseFile)!.Name, File.Exists(parse.GetValue(baseFile)!.FullName) ? File.ReadAllText(parse.GetValue(baseFile)!.FullName) : throw new SpecException("There is no OpenAPI document at '" + parse.GetValue(baseFile)!.FullName + "'."));
            }
            catch (SpecException e)
            {
                error.WriteLine("error: " + e.Message);
                return 2;
            }

            ApiDocument oldDocument, newDocument;
            try
            {
                oldDocument = ApiDocument.Parse(baseName, baseText);
                newDocument = ApiDocument.Parse(headFile.Name, headText);
            }
            catch (SpecException e)
            {
                error.WriteLine("error: " + e.Message);
                return 2;
            }

            var changes = SpecDiff.Compare(oldDocument, newDocument);
            var ours = ApiProfile.All.FirstOrDefault(profile => profile.Document.Title == newDocument.Title)?.Name;
            var pactFiles = parse.GetValue(pacts) is { } given ? PactSources.Resolve(string.Empty, given, error)
                : ours is not null ? PactSources.Resolve(ours, null, error)
                : [];
            if (parse.GetValue(pacts) is not null && pactFiles.Count == 0) return 2;

            IReadOnlyList<BrokenInteraction> broken;
            try
            {
                broken = PactImpact.Find(oldDocument, newDocument, pactFiles);
            }
            catch (SpecException e)
            {
                error.WriteLine("error: " + e.Message);
                return 2;
            }

            // Each text is indexed once, on the first change placed in it.
            var baseIndex = new Lazy<PointerIndex>(() => PointerLocator.Index(baseName, baseText));
            var headIndex = new Lazy<PointerIndex>(() => PointerLocator.Index(headFile.Name, headText));
            static string Where(string name, Lazy<PointerIndex> index, string pointer)
            {
                var at = index.Value.Locate(pointer);
                return $"{name}:{at.Line + 1}:{at.Column + 1} {pointer}";
            }

            var records = changes.Select(c => new DiffRecord(
                c.Rule.Id, c.Rule.Client.ToString(), c.Rule.Server.ToString(), c.Message,
                c.BasePointer is null ? null : Where(baseName, baseIndex, c.BasePointer),
                c.HeadPointer is null ? null : Where(headFile.Name, headIndex, c.HeadPointer))).ToList();
            output.WriteLine($"Comparing {baseName} → {headFile.Name} …");
            foreach (var record in records)
            {
                output.WriteLine($"  {Label(record.Client)} for clients, {Label(record.Server)} for servers  [{record.Rule}]");
                output.WriteLine("      " + record.Message);
                if (record.Base is not null) output.WriteLine("      was " + record.Base);
                if (record.Head is not null) output.WriteLine("      now " + record.Head);
            }

            if (broken.Count > 0)
            {
                output.WriteLine("Pact interactions this change breaks:");
                foreach (var b in broken)
                {
                    output.WriteLine($"  {b.Consumer}: \"{b.Interaction}\" ({b.Pact})");
                    foreach (var finding in b.Findings) output.WriteLine("      " + finding);
                }
            }
            else if (pactFiles.Count > 0)
            {
                output.WriteLine($"Pact interactions this change breaks: none of {pactFiles.Count} pact(s).");
            }

            var bump = SpecDiff.SuggestedBump(changes);
            var breaking = changes.Any(c => c.Worst == Impact.Breaking) || broken.Count > 0;
            var versionProblem = parse.GetValue(released) is { } releasedVersion && parse.GetValue(version) is { } currentVersion && breaking
                && !ReleaseVersion.IsMajorStep(releasedVersion, currentVersion)
                ? $"the document changed in a breaking way since {releasedVersion}, but the version {currentVersion} is not a major step: release it as {ReleaseVersion.Next(releasedVersion, "major")} or later."
                : null;

            if (parse.GetValue(junit) is { } junitFile)
            {
                JUnit.Save(junitFile.FullName, [
                    JUnit.Suite("diff " + headFile.Name, records.Select(r => new JUnitCase(
                        r.Message, r.Rule,
                        r.Client == nameof(Impact.Breaking) || r.Server == nameof(Impact.Breaking) ? [$"{r.Rule}: {r.Message} (client: {r.Client}, server: {r.Server}) at {r.Head ?? r.Base}"] : [])).ToList()),
                    JUnit.Suite("diff pacts " + headFile.Name, broken.Select(b => new JUnitCase(b.Interaction, b.Consumer, b.Findings.Select(f => f.ToString()).ToList())).ToList()),
                ]);
            }

            if (parse.GetValue(json) is { } jsonFile)
            {
                var result = new DiffResult(baseName, headFile.Name, bump, records, broken.Select(b => new BrokenRecord(b.Consumer, b.Pact, b.Interaction, b.Findings.Select(f => f.ToString()).ToList())).ToList(), versionProblem);
                File.WriteAllText(jsonFile.FullName, JsonSerializer.Serialize(result, CliJson.Default.DiffResult));
            }

            var clientBreaking = changes.Count(c => c.Rule.Client == Impact.Breaking);
            var serverBreaking = changes.Count(c => c.Rule.Server == Impact.Breaking);
            output.WriteLine($"diff: {changes.Count} changes, {clientBreaking} breaking for clients, {serverBreaking} breaking for servers, {broken.Count} pact interactions broken; suggested version bump: {bump}");
            if (versionProblem is not null)
            {
                error.WriteLine("error: " + versionProblem);
                return 1;
            }

            return breaking && !parse.GetValue(allowBreaking) ? 1 : 0;
        });

        return command;
    }

    private static string Label(string impact) => impact switch
    {
        nameof(Impact.Breaking) => "BREAKING",
        nameof(Impact.PotentiallyBreaking) => "potentially breaking",
        _ => "compatible",
    };

    // The document as git has it at a ref: `git show REF:./FILE`, run in the file's folder.
    private static string GitShow(FileInfo file, string reference)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = file.DirectoryName!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "show", reference + ":./" + file.Name }) start.ArgumentList.Add(argument);
        try
        {
            using var git = Process.Start(start)!;
            var stdout = git.StandardOutput.ReadToEndAsync();
            var stderr = git.StandardError.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 ? stdout.Result : throw new SpecException($"git cannot show {file.Name} at '{reference}': {stderr.Trim()}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SpecException("--base-ref needs git on the PATH: " + e.Message);
        }
    }
}

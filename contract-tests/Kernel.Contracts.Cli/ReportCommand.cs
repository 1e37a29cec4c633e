using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Kernel.Contracts.Cli.Report;

namespace Kernel.Contracts.Cli;

/// <summary><c>kernel-contracts report</c>: the contract-health page from the JSON results of verify, check-pacts and probe.</summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var results = new Option<DirectoryInfo>("--results") { Description = "The folder with verify-, check- and probe-{api}.json (as the main job writes them).", Required = true };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Where to write index.html.", Required = true };
        var docs = new Option<string?>("--docs") { Description = "Link to the API reference of each API; {api} is replaced (e.g. ../docs/kernel-{api}.html)." };
        var command = new Command("report", "Write the contract-health page: operations × documented responses, covered, verified, checked and probed.")
        {
            results, outDir, docs,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(results)!;
            if (!folder.Exists)
            {
                error.WriteLine("error: no results folder at '" + folder.FullName + "'; run verify, check-pacts and probe with --json first.");
                return 2;
            }

            var apis = ApiProfile.All.Select(profile => ApiResults.Read(profile, folder.FullName)).ToList();
            if (apis.All(a => a.Checks is null && a.Verifies is null && a.Probes is null && a.Diff is null))
            {
                error.WriteLine("error: '" + folder.FullName + "' holds no verify-, check-, probe- or diff-{api}.json.");
                return 2;
            }

            var target = parse.GetValue(outDir)!;
            target.Create();
            var link = parse.GetValue(docs);
            var path = Path.Combine(target.FullName, "index.html");
            File.WriteAllText(path, ContractReport.Render(apis, api => link?.Replace("{api}", api, StringComparison.Ordinal)));
            output.WriteLine("report: " + path);
            return 0;
        });

        return command;
    }
}

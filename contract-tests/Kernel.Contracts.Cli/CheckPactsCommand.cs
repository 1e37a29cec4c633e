using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using Kernel.Contracts.Conformance;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Cli;

/// <summary>
/// <c>kernel-contracts check-pacts</c>: checks every interaction of pacts (the committed ones, or a team's own)
/// against our OpenAPI documents (or another one): operation, parameters, body, documented status, response.
/// </summary>
internal static class CheckPactsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var api = new Option<string?>("--api") { Description = "Check against our document of this API: platform or sessions." };
        api.AcceptOnlyFromAmong(ApiProfile.Names);
        var spec = new Option<FileInfo?>("--spec") { Description = "Check against this OpenAPI document (YAML or JSON) instead." };
        var pact = new Option<FileSystemInfo?>("--pact") { Description = "A pact file or a folder of *.json pacts (default: the committed pacts of --api)." };
        var junit = CliOptions.Junit();
        var json = CliOptions.Json();
        var command = new Command("check-pacts", "Check pact interactions against the OpenAPI document: path, method, parameters, body, status, response schema.")
        {
            api, spec, pact, junit, json,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(api) is null) == (result.GetValue(spec) is null))
            {
                result.AddError("Give either --api platform|sessions or --spec FILE.");
            }

            if (result.GetValue(api) is null && result.GetValue(pact) is null)
            {
                result.AddError("With --spec, give the pacts to check with --pact FILE|DIR.");
            }
        });

        command.SetAction(parse =>
        {
            var which = parse.GetValue(api);
            ApiDocument document;
            try
            {
                document = which is not null ? ApiProfile.Named(which).Document : ApiDocument.Load(parse.GetValue(spec)!.FullName);
            }
            catch (SpecException e)
            {
                error.WriteLine("error: " + e.Message);
                return 2;
            }

            var files = PactSources.Resolve(which ?? string.Empty, parse.GetValue(pact), error);
            if (files.Count == 0) return 2;

            var checks = new List<PactCheck>();
            foreach (var file in files)
            {
                try
                {
                    checks.Add(PactSpecCheck.CheckFile(document, file));
                }
                catch (SpecException e)
                {
                    error.WriteLine("error: " + e.Message);
                    return 2;
                }
            }

            foreach (var check in checks)
            {
                output.WriteLine("Checking " + check.Pact + " against " + document.Name + " …");
                foreach (var interaction in check.Interactions)
                {
                    output.WriteLine((interaction.Passed ? "  ok    " : "  FAIL  ") + interaction.Description + "  → " + (interaction.OperationId ?? "?") + " " + interaction.Status);
                    foreach (var finding in interaction.Findings)
                    {
                        output.WriteLine("          " + finding.Message);
                        output.WriteLine("          at " + finding.Location);
                    }
                }
            }

            var all = checks.SelectMany(c => c.Interactions).ToList();
            var failed = all.Count(i => !i.Passed);
            if (parse.GetValue(junit) is { } junitFile)
            {
                JUnit.Save(junitFile.FullName, checks.Select(c => JUnit.Suite(
                    "check-pacts " + c.Pact,
                    c.Interactions.Select(i => new JUnitCase(i.Description, c.Pact, i.Findings.Select(f => f.ToString()).ToList())).ToList())));
            }

            if (parse.GetValue(json) is { } jsonFile)
            {
                var records = checks.SelectMany(c => c.Interactions.Select(i => new CheckRecord(c.Pact, i.Description, i.OperationId, i.Status, i.Passed, i.Findings.Select(f => f.ToString()).ToList())));
                File.WriteAllText(jsonFile.FullName, JsonSerializer.Serialize(records.ToList(), CliJson.Default.ListCheckRecord));
            }

            output.WriteLine($"check-pacts: {all.Count - failed} passed, {failed} failed");
            return failed == 0 ? 0 : 1;
        });

        return command;
    }
}

using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Contracts.Build.Corpus;
using Kernel.Contracts.Build.Packages;

namespace Kernel.Contracts.Build;

/// <summary>
/// The commands build.cake runs. Exit codes: 0 passed, 1 a check failed, 2 the step could not run (bad input).
/// A command's last line on standard output is the line build.cake puts in its summary.
/// </summary>
internal static class BuildCommands
{
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var root = new RootCommand("The logic of build.cake's steps: checks, counts and waits, each tested in Kernel.Contracts.Build.Tests.")
        {
            CheckPackages(output, error),
            CheckAnalyzers(output, error),
            TestSummary(output, error),
            FreePort(output),
            WaitListening(output, error),
            NewestRelease(output),
            CorpusCommand(output, error),
        };
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            var code = await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
            return parse.Errors.Count > 0 && code != 0 ? 2 : code;
        }
        catch (BuildStepException e)
        {
            await error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return 2;
        }
    }

    private static Command CheckPackages(TextWriter output, TextWriter error)
    {
        var folder = new Argument<string>("folder") { Description = "The folder Pack wrote the .nupkg and .snupkg files to." };
        var props = new Option<string>("--props") { Description = "Directory.Build.props: the version and KernelContractsProjectUrl the packages must carry.", Required = true };
        var docs = new Option<string[]>("--docs") { Description = "Documents whose install snippets must name the current version.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("check-packages", "Check every package for release-ready metadata, README, XML docs, symbols and the Pact core; fail naming each problem.")
        {
            folder, props, docs,
        };
        command.SetAction(parse =>
        {
            var settings = RepositorySettings.Read(parse.GetRequiredValue(props));
            var texts = (parse.GetValue(docs) ?? []).ToDictionary(doc => doc, ReadText, StringComparer.Ordinal);
            var packages = parse.GetRequiredValue(folder);
            var result = new PackageCheck(settings, ShippedPackages.Ids).Run(packages, texts);
            if (result.Problems.Count > 0)
            {
                foreach (var problem in result.Problems) error.WriteLine("error: " + problem);
                error.WriteLine($"{result.Problems.Count} package problem(s).");
                return 1;
            }

            output.WriteLine($"packages: {result.Packages.Count} checked (metadata, README, XML docs, symbols), version {settings.Version}");
            output.WriteLine($"pack: {result.Packages.Count} packages in {packages}, each with its metadata, README, XML docs and symbols package");
            return 0;
        });
        return command;
    }

    private static Command CheckAnalyzers(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "A consumer project's Analyzer items: dotnet msbuild -getItem:Analyzer -getResultOutputFile:FILE." };
        var expect = new Option<string>("--expect") { Description = "readytorun: this platform's ReadyToRun copy; il: the IL under analyzers/dotnet/cs/.", Required = true };
        expect.AcceptOnlyFromAmong("readytorun", "il");
        var command = new Command("check-analyzers", "Check which copy of the generator package a consumer's compiler loads; fail naming each other one.") { file, expect };
        command.SetAction(parse =>
        {
            var folder = GeneratorAnalyzers.Folder(parse.GetRequiredValue(expect) == "readytorun");
            var problems = GeneratorAnalyzers.Check(ReadText(parse.GetRequiredValue(file)), folder, out var count);
            if (problems.Count > 0)
            {
                foreach (var problem in problems) error.WriteLine("error: " + problem);
                return 1;
            }

            output.WriteLine($"generator analyzers: {count} from {folder}");
            return 0;
        });
        return command;
    }

    private static Command TestSummary(TextWriter output, TextWriter error)
    {
        var folder = new Argument<string>("folder") { Description = "The folder of .trx files (dotnet test --logger trx --results-directory)." };
        var command = new Command("test-summary", "Add up the counts of every TRX file; fail when a test failed or none passed.") { folder };
        command.SetAction(parse =>
        {
            var results = TestResults.Read(parse.GetRequiredValue(folder));
            output.WriteLine(results.Line);
            if (results.Succeeded) return 0;
            error.WriteLine(results.Files == 0 ? $"error: no .trx file in '{parse.GetRequiredValue(folder)}'." : $"error: {results.Failed} tests failed ({results.Passed} passed).");
            return 1;
        });
        return command;
    }

    private static Command FreePort(TextWriter output)
    {
        var command = new Command("free-port", "Print a loopback port nobody listens on.");
        command.SetAction(_ => output.WriteLine(Ports.Free()));
        return command;
    }

    private static Command WaitListening(TextWriter output, TextWriter error)
    {
        var address = new Argument<string>("address") { Description = "The server's address, e.g. http://127.0.0.1:5080/." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait.", DefaultValueFactory = _ => 30 };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() <= 0) result.AddError("--timeout must be positive.");
        });
        var command = new Command("wait-listening", "Wait until a server answers HTTP at the address; fail after the timeout.") { address, timeout };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetRequiredValue(address);
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw new BuildStepException($"'{text}' is not an absolute http(s) address");
            }

            var seconds = parse.GetValue(timeout);
            if (await Ports.WaitUntilListeningAsync(url, TimeSpan.FromSeconds(seconds), cancellationToken).ConfigureAwait(false))
            {
                await output.WriteLineAsync($"listening: {url}").ConfigureAwait(false);
                return 0;
            }

            await error.WriteLineAsync($"error: The reference server at {url} did not start listening within {seconds:0.#} s.").ConfigureAwait(false);
            return 1;
        });
        return command;
    }

    private static Command NewestRelease(TextWriter output)
    {
        var folder = new Argument<string>("folder") { Description = "spec/releases: one folder per released version." };
        var command = new Command("newest-release", "Print the newest released version (the baseline of diff).") { folder };
        command.SetAction(parse => output.WriteLine(Releases.Newest(parse.GetRequiredValue(folder))));
        return command;
    }

    private static Command CorpusCommand(TextWriter output, TextWriter error)
    {
        var folder = new Argument<string>("folder") { Description = "The public OpenAPI documents (*.json, *.yaml, *.yml); a missing folder skips the step." };
        var cli = new Option<string>("--cli") { Description = "Kernel.Contracts.Cli.dll, for kernel-contracts generate.", Required = true };
        var project = new Option<string>("--project") { Description = "The throwaway project that builds one document (CorpusSpec).", Required = true };
        var configuration = new Option<string>("--configuration") { Description = "The build configuration.", DefaultValueFactory = _ => "Release" };
        var scratch = new Option<string>("--scratch") { Description = "A folder the generator may empty and write to.", Required = true };
        var command = new Command("corpus", "Build the client, server stubs and fakers of every document in the folder, warnings as errors, and print a table.")
        {
            folder, cli, project, configuration, scratch,
        };
        command.SetAction(parse =>
        {
            var documents = parse.GetRequiredValue(folder);
            if (!Directory.Exists(documents))
            {
                output.WriteLine($"No {documents} here: the corpus build is skipped.");
                output.WriteLine($"corpus: skipped (no {documents})");
                return 0;
            }

            var steps = new ProcessCorpusSteps(parse.GetRequiredValue(cli), parse.GetRequiredValue(project), parse.GetRequiredValue(configuration));
            var failed = CorpusTable.Failed(new CorpusBuild(steps, output).Run(documents, parse.GetRequiredValue(scratch)));
            if (failed.Count == 0) return 0;
            error.WriteLine($"error: {failed.Count} corpus document(s) do not compile warning-free: {string.Join(", ", failed)}");
            return 1;
        });
        return command;
    }

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BuildStepException($"{path}: cannot read it ({e.Message})");
        }
    }
}

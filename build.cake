// Kernel.Contracts build script. Two entry points, as the README says:
//   dotnet tool restore && dotnet cake                  (the main job: Default)
//   dotnet tool restore && dotnet cake --target=Test    (every test)
//   dotnet tool restore && dotnet cake --target=Bench   (the tables of docs/performance.md; minutes)
#nullable enable
using System.Xml.Linq;

var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");
var root = MakeAbsolute(Directory("."));
var artifacts = root.Combine("artifacts");
var solution = root.CombineWithFilePath("Kernel.Contracts.sln");
var corpus = root.Combine("../shared/openapi-corpus");
var summary = new List<string>();

Environment.SetEnvironmentVariable("DOTNET_CLI_TELEMETRY_OPTOUT", "1");
Environment.SetEnvironmentVariable("DOTNET_NOLOGO", "1");
Environment.SetEnvironmentVariable("PACT_DO_NOT_TRACK", "true");

void Run(string tool, string arguments, string? workingDirectory = null)
{
    var exit = StartProcess(tool, new ProcessSettings { Arguments = arguments, WorkingDirectory = workingDirectory ?? root.FullPath });
    if (exit != 0)
    {
        throw new CakeException($"'{tool} {arguments}' failed with exit code {exit}.");
    }
}

Task("Npm")
    .Description("Installs the pinned npm tools (npm ci from the committed lock file).")
    .Does(() => Run("npm", "ci --no-audit --no-fund"));

Task("Lint")
    .Description("Lints both OpenAPI documents with Redocly CLI: zero errors and zero warnings.")
    .IsDependentOn("Npm")
    .Does(() =>
{
    Run("npx", "--no-install redocly lint spec/kernel-platform.openapi.yaml spec/kernel-sessions.openapi.yaml --config spec/redocly.yaml --format stylish");
    summary.Add("lint: both OpenAPI documents clean (Redocly)");
});

Task("Build")
    .Description("Restores and builds the solution (the generator runs here, inside the compiler).")
    .Does(() =>
{
    DotNetBuild(solution.FullPath, new DotNetBuildSettings { Configuration = configuration });
    summary.Add("build: solution built, warnings as errors");
});

Task("UnitTests")
    .Description("Runs every test project of the solution and counts the results.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var results = artifacts.Combine("test-results");
    CleanDirectory(results);
    DotNetTest(solution.FullPath, new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        ResultsDirectory = results,
        Loggers = new[] { "trx" },
    });
    CountTests(results);
});

Task("Corpus")
    .Description("Builds a client for every public document in ../shared/openapi-corpus (when that folder is present).")
    .IsDependentOn("Build")
    .Does(() =>
{
    if (!DirectoryExists(corpus))
    {
        Information("No ../shared/openapi-corpus here: the corpus build is skipped.");
        summary.Add("corpus: skipped (no ../shared/openapi-corpus)");
        return;
    }

    var project = root.CombineWithFilePath("generator/Kernel.Contracts.Corpus/Kernel.Contracts.Corpus.csproj");
    var clean = new List<string>();
    var failed = new List<string>();
    foreach (var file in GetFiles(corpus.FullPath + "/*.{json,yaml,yml}").OrderBy(f => f.FullPath))
    {
        var name = file.GetFilename().ToString();
        var exit = StartProcess("dotnet", new ProcessSettings
        {
            // One document after another through the same throwaway project: the build sees the changed spec and recompiles.
            Arguments = $"build \"{project}\" -c {configuration} -p:CorpusSpec=\"{file.FullPath}\" -nologo -clp:ErrorsOnly",
            WorkingDirectory = root.FullPath,
        });
        (exit == 0 ? clean : failed).Add(name);
    }

    var line = $"corpus: {clean.Count} of {clean.Count + failed.Count} public documents compile warning-free";
    summary.Add(line + (failed.Count > 0 ? " (failed: " + string.Join(", ", failed) + ")" : string.Empty));
    if (failed.Count > 0)
    {
        throw new CakeException(line + "; failed: " + string.Join(", ", failed));
    }
});

Task("Pack")
    .Description("Packs every package into artifacts/packages.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var packages = artifacts.Combine("packages");
    CleanDirectory(packages);
    DotNetPack(solution.FullPath, new DotNetPackSettings { Configuration = configuration, NoBuild = true, OutputDirectory = packages });
    var count = GetFiles(packages.FullPath + "/*.nupkg").Count;
    summary.Add($"pack: {count} packages in artifacts/packages");
});

Task("PackageSmoke")
    .Description("Packs the generator and builds and runs a new project that uses only the .nupkg from a local folder.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var smoke = artifacts.Combine("package-smoke");
    var feed = smoke.Combine("feed");
    CleanDirectory(smoke);
    DotNetPack(root.CombineWithFilePath("generator/Kernel.Contracts.Generator/Kernel.Contracts.Generator.csproj").FullPath,
        new DotNetPackSettings { Configuration = configuration, NoBuild = true, OutputDirectory = feed });
    var template = root.Combine("generator/PackageSmoke");
    CopyFile(template.CombineWithFilePath("Smoke.csproj.template"), smoke.CombineWithFilePath("Smoke.csproj"));
    CopyFile(template.CombineWithFilePath("Program.cs.template"), smoke.CombineWithFilePath("Program.cs"));
    CopyFile(template.CombineWithFilePath("petstore.yaml"), smoke.CombineWithFilePath("petstore.yaml"));
    // Shield the project from this repository's build settings: it stands for a stranger's project.
    System.IO.File.WriteAllText(smoke.CombineWithFilePath("Directory.Build.props").FullPath, "<Project />");
    System.IO.File.WriteAllText(smoke.CombineWithFilePath("Directory.Build.targets").FullPath, "<Project />");
    System.IO.File.WriteAllText(smoke.CombineWithFilePath("Directory.Packages.props").FullPath, "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>");
    System.IO.File.WriteAllText(smoke.CombineWithFilePath("nuget.config").FullPath,
        $"<configuration><packageSources><add key=\"local\" value=\"{feed.FullPath}\" /></packageSources></configuration>");

    var version = XDocument.Load(root.CombineWithFilePath("Directory.Build.props").FullPath).Descendants("Version").First().Value;
    var output = new List<string>();
    // A private packages folder, so an earlier package of the same version is never reused.
    var exit = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = $"run --project \"{smoke}/Smoke.csproj\" -p:GeneratorVersion={version} -p:RestorePackagesPath=\"{smoke}/packages\"",
        WorkingDirectory = smoke.FullPath,
        RedirectStandardOutput = true,
    }, out var lines);
    output.AddRange(lines);
    output.ForEach(l => Information(l));
    const string expected = "pet 42 Rex sold known=True";
    if (exit != 0 || !output.Contains(expected))
    {
        throw new CakeException($"The package smoke test failed (exit {exit}); expected the line '{expected}'.");
    }

    summary.Add("package smoke: a new project built and ran against the packed generator");
});

Task("Bench")
    .Description("Builds bench/ in Release and reproduces every table of docs/performance.md into artifacts/bench/ (minutes; not part of Test).")
    .IsDependentOn("Npm")
    .Does(() =>
{
    // Always Release: timings of a Debug build mean nothing. npm ci brought nswag (the bench build generates
    // NSwag's clients from it), the pact CLI and libpact_ffi.
    var cli = root.CombineWithFilePath("contract-tests/Kernel.Contracts.Cli/Kernel.Contracts.Cli.csproj");
    var bench = root.CombineWithFilePath("bench/Kernel.Contracts.Bench/Kernel.Contracts.Bench.csproj");
    DotNetBuild(cli.FullPath, new DotNetBuildSettings { Configuration = "Release" });
    DotNetBuild(bench.FullPath, new DotNetBuildSettings { Configuration = "Release" });

    var benchDll = root.CombineWithFilePath("bench/Kernel.Contracts.Bench/bin/Release/net10.0/Kernel.Contracts.Bench.dll");
    var cliDll = root.CombineWithFilePath("contract-tests/Kernel.Contracts.Cli/bin/Release/net10.0/Kernel.Contracts.Cli.dll");
    var nswagDll = root.CombineWithFilePath("node_modules/nswag/bin/binaries/Net100/dotnet-nswag.dll");
    var filter = Argument("bench-filter", "*");
    var runs = Argument("bench-runs", 5);
    var only = Argument("bench-only", "micro,generate,verify").Split(',');

    if (only.Contains("micro")) Run("dotnet", $"\"{benchDll}\" micro --filter \"{filter}\"");
    if (only.Contains("generate")) Run("dotnet", $"\"{benchDll}\" generate --cli \"{cliDll}\" --nswag \"{nswagDll}\" --runs {runs}");
    if (only.Contains("verify")) Run("dotnet", $"\"{benchDll}\" verify --runs {runs}");
    summary.Add("bench: tables in artifacts/bench/ (BenchmarkDotNet reports in artifacts/bench/bdn/results)");
});

Task("Test")
    .Description("Every test: lint, unit and integration tests, the package smoke test, the corpus build.")
    .IsDependentOn("Lint")
    .IsDependentOn("UnitTests")
    .IsDependentOn("PackageSmoke")
    .IsDependentOn("Corpus");

Task("Default")
    .Description("The main job: lint, build, test, pack.")
    .IsDependentOn("Test")
    .IsDependentOn("Pack");

Teardown(context =>
{
    Information("");
    Information("Summary");
    foreach (var line in summary)
    {
        Information("  " + line);
    }
});

void CountTests(DirectoryPath results)
{
    int passed = 0, failed = 0, skipped = 0;
    XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    foreach (var trx in GetFiles(results.FullPath + "/*.trx"))
    {
        var counters = XDocument.Load(trx.FullPath).Descendants(ns + "Counters").Single();
        passed += (int)counters.Attribute("passed")!;
        failed += (int)counters.Attribute("failed")! + (int)counters.Attribute("error")!;
        skipped += (int)counters.Attribute("notExecuted")!;
    }

    // The plain closing line CI reads.
    Information($"tests: {passed} passed, {failed} failed" + (skipped > 0 ? $", {skipped} skipped" : string.Empty));
    summary.Add($"tests: {passed} passed, {failed} failed");
    if (failed > 0 || passed == 0)
    {
        throw new CakeException($"{failed} tests failed ({passed} passed).");
    }
}

RunTarget(target);

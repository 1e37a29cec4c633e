// Kernel.Contracts build script. Two entry points, as the README says:
//   dotnet tool restore && dotnet cake                  (the main job: Default)
//   dotnet tool restore && dotnet cake --target=Test    (every test)
//   dotnet tool restore && dotnet cake --target=Bench   (the tables of docs/performance.md; minutes)
#nullable enable
// The logic of the steps (checks, counts, waits) lives in build/Kernel.Contracts.Build, tested; this script lists the steps.

var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");
var root = MakeAbsolute(Directory("."));
var artifacts = root.Combine("artifacts");
var solution = root.CombineWithFilePath("Kernel.Contracts.sln");
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

Task("Browser")
    .Description("Installs Debian's Chromium for the report's browser test when it is not there (apt-get).")
    .Does(() =>
{
    var chromium = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium";
    if (System.IO.File.Exists(chromium))
    {
        return;
    }

    Information("Installing chromium for the browser test …");
    Run("bash", "-c \"(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) || (sudo -n apt-get update -qq && sudo -n DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)\"");
});

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
    .IsDependentOn("Npm")
    .IsDependentOn("Browser")
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
    ToolStep($"test-summary \"{results}\"");
});

Task("Corpus")
    .Description("Builds the client, server stubs and fakers of every public document in ../shared/openapi-corpus (when that folder is present), warnings as errors, and prints a table.")
    .IsDependentOn("Build")
    .Does(() =>
{
    ToolStep($"corpus ../shared/openapi-corpus --cli \"{Cli()}\" --project generator/Kernel.Contracts.Corpus/Kernel.Contracts.Corpus.csproj --configuration {configuration} --scratch \"{artifacts.Combine("corpus")}\"");
});

Task("Diff")
    .Description("Diffs both documents against the newest release in spec/releases (kernel-contracts diff): the changes go to artifacts/results for the report, and a breaking change without a major version step fails.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var results = artifacts.Combine("results");
    EnsureDirectoryExists(results);
    var released = ToolValue("newest-release spec/releases");
    foreach (var api in new[] { "platform", "sessions" })
    {
        string File(string name) => "\"" + results.CombineWithFilePath(name).FullPath + "\"";
        var exit = StartProcess("dotnet", new ProcessSettings
        {
            Arguments = $"\"{Cli()}\" diff --base spec/releases/{released}/kernel-{api}.openapi.yaml --head spec/kernel-{api}.openapi.yaml --allow-breaking --released-version {released} --version {PackageVersion()} --json {File($"diff-{api}.json")} --junit {File($"diff-{api}.xml")}",
            WorkingDirectory = root.FullPath,
            RedirectStandardOutput = true,
        }, out var output);
        var lines = output.ToList();
        lines.ForEach(l => Information(l));
        summary.Add($"{api} document since {released}: " + (lines.LastOrDefault(l => l.StartsWith("diff:")) ?? "no result"));
        if (exit != 0) throw new CakeException($"kernel-contracts diff of the {api} document against release {released} failed (exit {exit}; details above).");
    }
});

Task("Pack")
    .Description("Packs every package into artifacts/packages.")
    .IsDependentOn("Build")
    .IsDependentOn("Diff")
    .Does(() =>
{
    var packages = artifacts.Combine("packages");
    CleanDirectory(packages);
    // The tool's platform packages are compiled per runtime identifier (ReadyToRun), which a --no-build pack cannot
    // do: the solution packs the tool's pointer only, then the tool packs itself, building each platform's package.
    DotNetPack(solution.FullPath, new DotNetPackSettings
    {
        Configuration = configuration,
        NoBuild = true,
        OutputDirectory = packages,
        MSBuildSettings = new DotNetMSBuildSettings().WithProperty("CreateRidSpecificToolPackages", "false"),
    });
    DotNetPack(root.CombineWithFilePath("contract-tests/Kernel.Contracts.Cli/Kernel.Contracts.Cli.csproj").FullPath,
        new DotNetPackSettings { Configuration = configuration, OutputDirectory = packages });
    // Each package release-ready (metadata, README, XML docs, symbols, the Pact core), the documents' install lines current.
    ToolStep($"check-packages {root.GetRelativePath(packages)} --props Directory.Build.props --docs README.md docs/ci.md");
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

    var version = PackageVersion();
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

    // Which copy of the generator that build's compiler loaded: this platform's ReadyToRun one, and the IL when the
    // project opts out (as anywhere the package carries no ReadyToRun copy).
    foreach (var (expect, switches) in new[] { ("readytorun", ""), ("il", " -p:KernelContractsReadyToRunGenerator=false") })
    {
        var items = smoke.CombineWithFilePath($"analyzers-{expect}.json");
        Run("dotnet", $"msbuild \"{smoke}/Smoke.csproj\" -nologo -t:ResolveLockFileAnalyzers -p:GeneratorVersion={version} -p:RestorePackagesPath=\"{smoke}/packages\"{switches} -getItem:Analyzer -getResultOutputFile:\"{items}\"");
        ToolStep($"check-analyzers \"{items}\" --expect {expect}");
    }

    summary.Add("package smoke: a new project built and ran against the packed generator");
});

Task("PackageSmokeNSwag")
    .Description("Packs Kernel.Contracts.Generator.NSwag; a new project in a temp folder outside the repository, using only that .nupkg from a local folder feed, generates the NSwag client of the Platform API and calls the reference server with it.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var smoke = DirectoryPath.FromString(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kcg-nswag-smoke-" + Guid.NewGuid().ToString("N")));
    var feed = smoke.Combine("feed");
    CreateDirectory(smoke);
    try
    {
        DotNetPack(root.CombineWithFilePath("generator/Kernel.Contracts.Generator.NSwag/Kernel.Contracts.Generator.NSwag.csproj").FullPath,
            new DotNetPackSettings { Configuration = configuration, NoBuild = true, OutputDirectory = feed });
        var template = root.Combine("generator/PackageSmoke/NSwag");
        CopyFile(template.CombineWithFilePath("Smoke.csproj.template"), smoke.CombineWithFilePath("Smoke.csproj"));
        CopyFile(template.CombineWithFilePath("Program.cs.template"), smoke.CombineWithFilePath("Program.cs"));
        CopyFile(template.CombineWithFilePath("sessions.nswag"), smoke.CombineWithFilePath("sessions.nswag"));
        CopyFile(root.CombineWithFilePath("spec/kernel-platform.openapi.yaml"), smoke.CombineWithFilePath("kernel-platform.openapi.yaml"));
        CopyFile(root.CombineWithFilePath("spec/kernel-sessions.openapi.yaml"), smoke.CombineWithFilePath("kernel-sessions.openapi.yaml"));
        // The generator's dependencies come from the package, NuGet's own packages from the usual sources; a private
        // packages folder, so an earlier package of the same version is never reused.
        System.IO.File.WriteAllText(smoke.CombineWithFilePath("nuget.config").FullPath,
            $"<configuration><packageSources><add key=\"local\" value=\"{feed.FullPath}\" /></packageSources></configuration>");

        var address = $"http://127.0.0.1:{ToolValue("free-port")}/";
        const string apiKey = "smoke-key-1";
        using var server = StartAndReturnProcess("dotnet", new ProcessSettings
        {
            Arguments = $"\"{Cli()}\" serve --api platform --urls {address} --api-key {apiKey}",
            RedirectStandardOutput = true,
        });
        try
        {
            ToolValue($"wait-listening {address} --timeout 30");
            var exit = StartProcess("dotnet", new ProcessSettings
            {
                Arguments = $"run --project \"{smoke}/Smoke.csproj\" -p:GeneratorVersion={PackageVersion()} -p:RestorePackagesPath=\"{smoke}/packages\" -- {address}api/v1 {apiKey} 5a6b7c8d9e0f11223344556677889900",
                WorkingDirectory = smoke.FullPath,
                RedirectStandardOutput = true,
            }, out var lines);
            var output = lines.ToList();
            output.ForEach(l => Information(l));
            var expected = new[] { "ApiException<Problem> 400 One or more request parameters are invalid.", "SessionsClient SessionsApiException" };
            if (exit != 0 || !output.Any(l => l.StartsWith("datasets ", StringComparison.Ordinal) && l != "datasets 0") || !expected.All(output.Contains))
            {
                throw new CakeException($"The NSwag package smoke test failed (exit {exit}); expected a non-empty 'datasets N' line and '{string.Join("', '", expected)}'.");
            }
        }
        finally
        {
            server.Kill();
        }
    }
    finally
    {
        DeleteDirectory(smoke, new DeleteDirectorySettings { Recursive = true, Force = true });
    }

    summary.Add("package smoke (NSwag): a new project built against the packed Kernel.Contracts.Generator.NSwag and called the Platform reference server with its NSwag client");
});

Task("CleanRoom")
    .Description("Installs the packed tool and packages in an empty folder outside the repository and runs what a team's CI runs (docs/ci.md): serve, verify, check-pacts, probe, report, and a consumer's own pact test.")
    .IsDependentOn("Pack")
    .Does(() =>
{
    Run("bash", $"contract-tests/clean-room/clean-room.sh \"{artifacts.Combine("packages")}\"");
    summary.Add("clean room: the installed tool verified, checked, probed and reported on both APIs; a new consumer project recorded and verified a pact");
});

Task("Contracts")
    .Description("Per API: starts the reference server (`kernel-contracts serve --provider-states`), verifies the committed pacts against it, checks the pacts against the OpenAPI document and probes it from the document. Results in artifacts/results.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var results = artifacts.Combine("results");
    EnsureDirectoryExists(results);
    DeleteFiles(results.FullPath + "/{verify,check,probe}-*");
    var failed = new List<string>();
    foreach (var (api, serveArgs, credentials) in new[]
    {
        ("platform", "--api-key ci-key-1", "--api-key ci-key-1"),
        ("sessions", "--access-key AKCIKEY1 --secret-key ci-secret-1", "--access-key AKCIKEY1 --secret-key ci-secret-1"),
    })
    {
        string File(string name) => "\"" + results.CombineWithFilePath(name).FullPath + "\"";
        var address = $"http://127.0.0.1:{ToolValue("free-port")}/";
        using var server = StartAndReturnProcess("dotnet", new ProcessSettings
        {
            Arguments = $"\"{Cli()}\" serve --api {api} --urls {address} --provider-states {serveArgs}",
            RedirectStandardOutput = true,
        });
        try
        {
            ToolValue($"wait-listening {address} --timeout 30");
            foreach (var (step, arguments) in new[]
            {
                ("verify", $"verify --api {api} --base-url {address} --state-change-url {address}_pact/provider-states {credentials} --junit {File($"verify-{api}.xml")} --json {File($"verify-{api}.json")}"),
                ("check-pacts", $"check-pacts --api {api} --junit {File($"check-{api}.xml")} --json {File($"check-{api}.json")}"),
                ("probe", $"probe --api {api} --base-url {address} {credentials} --seed 1 --max-requests 300 --time-limit 60 --junit {File($"probe-{api}.xml")} --json {File($"probe-{api}.json")}"),
            })
            {
                var exit = StartProcess("dotnet", new ProcessSettings { Arguments = $"\"{Cli()}\" {arguments}", RedirectStandardOutput = true }, out var output);
                var lines = output.ToList();
                lines.ForEach(l => Information(l));
                summary.Add($"{api} reference, {step}: " + (lines.LastOrDefault(l => l.StartsWith(step + ":")) ?? "no result") + (exit == 0 ? string.Empty : $" (exit {exit})"));
                if (exit != 0) failed.Add(step + " " + api);
            }
        }
        finally
        {
            server.Kill();
        }
    }

    if (failed.Count > 0)
    {
        throw new CakeException("Contract checks failed: " + string.Join(", ", failed) + " (details above and in artifacts/results).");
    }
});

Task("Docs")
    .Description("Builds the API reference of both documents with Redocly (one self-contained HTML file each) into artifacts/docs.")
    .IsDependentOn("Npm")
    .Does(() =>
{
    var docs = artifacts.Combine("docs");
    CleanDirectory(docs);
    foreach (var api in new[] { "platform", "sessions" })
    {
        Run("npx", $"--no-install redocly build-docs spec/kernel-{api}.openapi.yaml --inlineBundle --output \"{docs.CombineWithFilePath($"kernel-{api}.html")}\"");
    }

    summary.Add("docs: API reference of both documents in artifacts/docs");
});

Task("Report")
    .Description("Writes the contract-health page artifacts/report/index.html from the results of the Contracts target.")
    .IsDependentOn("Contracts")
    .IsDependentOn("Diff")
    .IsDependentOn("Docs")
    .Does(() =>
{
    Run("dotnet", $"\"{Cli()}\" report --results \"{artifacts.Combine("results")}\" --out \"{artifacts.Combine("report")}\" --docs ../docs/kernel-{{api}}.html");
    summary.Add("report: artifacts/report/index.html");
});

Task("Wrk")
    .Description("Installs Debian's wrk for the HTTP load table when it is missing (apt-get); without it the table uses the bench's built-in loop.")
    .Does(() =>
{
    if (System.IO.File.Exists("/usr/bin/wrk"))
    {
        return;
    }

    Information("Installing wrk for the HTTP load table …");
    var exit = StartProcess("bash", new ProcessSettings { Arguments = "-c \"(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) || (sudo -n apt-get update -qq && sudo -n DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)\"" });
    if (exit != 0)
    {
        Warning("wrk could not be installed: the HTTP load table is measured with the built-in HttpClient loop and says so.");
    }
});

Task("Bench")
    .Description("Builds bench/ in Release and reproduces every table of docs/performance.md into artifacts/bench/ (minutes; not part of Test).")
    .IsDependentOn("Npm")
    .IsDependentOn("Wrk")
    .Does(() =>
{
    // Always Release: timings of a Debug build mean nothing. npm ci brought nswag (the bench build generates
    // NSwag's clients from it), the pact CLI and libpact_ffi; dotnet tool restore brought kiota (the bench build
    // generates Kiota's clients with it).
    var cli = root.CombineWithFilePath("contract-tests/Kernel.Contracts.Cli/Kernel.Contracts.Cli.csproj");
    var bench = root.CombineWithFilePath("bench/Kernel.Contracts.Bench/Kernel.Contracts.Bench.csproj");
    DotNetBuild(cli.FullPath, new DotNetBuildSettings { Configuration = "Release" });
    DotNetBuild(bench.FullPath, new DotNetBuildSettings { Configuration = "Release" });

    var benchDll = root.CombineWithFilePath("bench/Kernel.Contracts.Bench/bin/Release/net10.0/Kernel.Contracts.Bench.dll");
    var cliDll = root.CombineWithFilePath("contract-tests/Kernel.Contracts.Cli/bin/Release/net10.0/Kernel.Contracts.Cli.dll");
    var filter = Argument("bench-filter", "*");
    var runs = Argument("bench-runs", 5);
    var only = Argument("bench-only", "micro,generate,corpus,consumer,compile,bytes,http,verify").Split(',');
    // --bench-documents=a.yaml,b.json narrows the generate and consumer tables to those documents.
    string Documents() => HasArgument("bench-documents") ? $" --documents {Argument<string>("bench-documents")}" : "";

    if (only.Contains("micro")) Run("dotnet", $"\"{benchDll}\" micro --filter \"{filter}\"");
    if (only.Contains("generate"))
    {
        // The tool as users get it: installed from the packages Pack wrote, so this platform's ReadyToRun package.
        var version = PackageVersion();
        var installed = artifacts.Combine("bench/cli-tool");
        if (!FileExists(artifacts.CombineWithFilePath($"packages/Kernel.Contracts.Cli.{version}.nupkg")))
            throw new CakeException($"artifacts/packages holds no Kernel.Contracts.Cli {version}: run `dotnet cake --target=Pack` first (the generation table times the installed tool).");
        CleanDirectory(installed);
        // A private packages folder: the version does not change between packs, so a shared cache would hand back an old tool.
        var install = StartProcess("dotnet", new ProcessSettings
        {
            Arguments = $"tool install Kernel.Contracts.Cli --version {version} --tool-path \"{installed}\" --add-source \"{artifacts.Combine("packages")}\"",
            EnvironmentVariables = new Dictionary<string, string> { ["NUGET_PACKAGES"] = installed.Combine(".nuget").FullPath },
        });
        if (install != 0) throw new CakeException($"Installing the packed tool failed (exit {install}).");
        var store = installed.Combine($".store/kernel.contracts.cli/{version}");
        // The platform package the SDK picked (kernel.contracts.cli.<rid>), beside the pointer (kernel.contracts.cli).
        var package = System.IO.Directory.GetDirectories(store.FullPath).Single(d => System.IO.Path.GetFileName(d).StartsWith("kernel.contracts.cli.", StringComparison.Ordinal));
        var r2r = System.IO.Directory.GetFiles(package, "Kernel.Contracts.Cli.dll", System.IO.SearchOption.AllDirectories).Single();
        Information($"ours R2R: {r2r}");
        Run("dotnet", $"\"{benchDll}\" generate --cli \"{cliDll}\" --cli-r2r \"{r2r}\" --runs {runs}" + Documents());
    }

    if (only.Contains("corpus")) Run("dotnet", $"\"{benchDll}\" corpus");
    if (only.Contains("consumer"))
    {
        // Our library references the packed generator, as a consumer's does: Pack's output, so this platform's ReadyToRun generator.
        var packages = artifacts.Combine("packages");
        if (!FileExists(packages.CombineWithFilePath($"Kernel.Contracts.Generator.{PackageVersion()}.nupkg")))
            throw new CakeException($"artifacts/packages holds no Kernel.Contracts.Generator {PackageVersion()}: run `dotnet cake --target=Pack` first (the consumer build references the packed generator).");
        Run("dotnet", $"\"{benchDll}\" consumer-build --cli \"{cliDll}\" --packages \"{packages}\" --runs {Argument("bench-build-runs", 3)}" + Documents() + (HasArgument("bench-pregenerated") ? " --pregenerated" : ""));
    }
    // The compiler's time on the same clients' code, in process and alternating: what the code itself costs a build.
    if (only.Contains("compile")) Run("dotnet", $"\"{benchDll}\" consumer-compile --cli \"{cliDll}\" --runs {Argument("bench-compile-runs", 15)}" + Documents());
    if (only.Contains("bytes")) Run("dotnet", $"\"{benchDll}\" bytes --cli \"{cliDll}\"");
    if (only.Contains("http")) Run("dotnet", $"\"{benchDll}\" http --runs {Argument("bench-http-runs", 3)} --duration {Argument("bench-http-seconds", 5)}" + (HasArgument("bench-stubs-root-services") ? " --stubs-root-services" : ""));
    if (only.Contains("verify")) Run("dotnet", $"\"{benchDll}\" verify --runs {runs}");
    summary.Add("bench: tables in artifacts/bench/ (BenchmarkDotNet reports in artifacts/bench/bdn/results)");
});

Task("Test")
    .Description("Every test: lint, unit and integration tests, the package smoke test, the clean-room test of the packages, the corpus build.")
    .IsDependentOn("Lint")
    .IsDependentOn("UnitTests")
    .IsDependentOn("PackageSmoke")
    .IsDependentOn("PackageSmokeNSwag")
    .IsDependentOn("CleanRoom")
    .IsDependentOn("Corpus");

Task("Default")
    .Description("The main job: lint, build, test, verify, check and probe both reference servers, report, docs, pack.")
    .IsDependentOn("Test")
    .IsDependentOn("Contracts")
    .IsDependentOn("Report")
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

string Cli() => root.CombineWithFilePath($"contract-tests/Kernel.Contracts.Cli/bin/{configuration}/net10.0/Kernel.Contracts.Cli.dll").FullPath;

// The one version of every package (Directory.Build.props).
string PackageVersion() => XmlPeek(root.CombineWithFilePath("Directory.Build.props"), "/Project/PropertyGroup/Version");

// A command of build/Kernel.Contracts.Build (built by the Build target), its output echoed; its last line, the step's
// result, goes to the summary.
void ToolStep(string arguments) => RunTool(arguments, echo: true, last => summary.Add(last));

// A command of the build tool that answers with one value (a port, a version).
string ToolValue(string arguments)
{
    var value = string.Empty;
    RunTool(arguments, echo: false, last => value = last);
    return value;
}

// Hands over the last line printed, then fails on a non-zero exit (the tool has printed why).
void RunTool(string arguments, bool echo, Action<string> last)
{
    var tool = root.CombineWithFilePath($"build/Kernel.Contracts.Build/bin/{configuration}/net10.0/Kernel.Contracts.Build.dll");
    if (!FileExists(tool)) throw new CakeException($"{tool} is not built; run the Build target first (dotnet cake --target=Build).");
    var lastLine = string.Empty;
    var exit = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = $"\"{tool}\" {arguments}",
        WorkingDirectory = root.FullPath,
        RedirectStandardOutput = true,
        RedirectedStandardOutputHandler = line =>
        {
            if (echo && line is not null) Information("{0}", line);
            if (!string.IsNullOrEmpty(line)) lastLine = line;
            return line;
        },
    });
    if (lastLine.Length > 0) last(lastLine);
    if (exit != 0) throw new CakeException($"Kernel.Contracts.Build {arguments.Split(' ')[0]} failed with exit code {exit} (details above).");
}

RunTarget(target);

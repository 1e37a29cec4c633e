// Kernel.Contracts build script. Two entry points, as the README says:
//   dotnet tool restore && dotnet cake                  (the main job: Default)
//   dotnet tool restore && dotnet cake --target=Test    (every test)
//   dotnet tool restore && dotnet cake --target=Bench   (the tables of docs/performance.md; minutes)
#nullable enable
using System.IO.Compression;
using System.Text.Json;
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
    var count = CheckPackages(packages);
    summary.Add($"pack: {count} packages in artifacts/packages, each with its metadata, README, XML docs and symbols package");
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

        var port = FreePort();
        var address = $"http://127.0.0.1:{port}/";
        const string apiKey = "smoke-key-1";
        using var server = StartAndReturnProcess("dotnet", new ProcessSettings
        {
            Arguments = $"\"{Cli()}\" serve --api platform --urls {address} --api-key {apiKey}",
            RedirectStandardOutput = true,
        });
        try
        {
            WaitUntilListening(address);
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
    CleanDirectory(results);
    var failed = new List<string>();
    foreach (var (api, serveArgs, credentials) in new[]
    {
        ("platform", "--api-key ci-key-1", "--api-key ci-key-1"),
        ("sessions", "--access-key AKCIKEY1 --secret-key ci-secret-1", "--access-key AKCIKEY1 --secret-key ci-secret-1"),
    })
    {
        string File(string name) => "\"" + results.CombineWithFilePath(name).FullPath + "\"";
        var port = FreePort();
        var address = $"http://127.0.0.1:{port}/";
        using var server = StartAndReturnProcess("dotnet", new ProcessSettings
        {
            Arguments = $"\"{Cli()}\" serve --api {api} --urls {address} --provider-states {serveArgs}",
            RedirectStandardOutput = true,
        });
        try
        {
            WaitUntilListening(address);
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
    .IsDependentOn("Docs")
    .Does(() =>
{
    Run("dotnet", $"\"{Cli()}\" report --results \"{artifacts.Combine("results")}\" --out \"{artifacts.Combine("report")}\" --docs ../docs/kernel-{{api}}.html");
    summary.Add("report: artifacts/report/index.html");
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

int FreePort()
{
    var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();
    return port;
}

void WaitUntilListening(string address)
{
    using var http = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(2) };
    for (var i = 0; i < 150; i++)
    {
        try
        {
            http.GetAsync(address).GetAwaiter().GetResult().Dispose();
            return;
        }
        catch (Exception e) when (e is System.Net.Http.HttpRequestException or TaskCanceledException)
        {
            System.Threading.Thread.Sleep(200);
        }
    }

    throw new CakeException("The reference server at " + address + " did not start listening within 30 s.");
}

// The one version of every package (Directory.Build.props).
string PackageVersion() =>
    XDocument.Load(root.CombineWithFilePath("Directory.Build.props").FullPath).Descendants("Version").First().Value;

// The project's public address, or "" while none is configured (Directory.Build.props).
string ProjectUrl() =>
    XDocument.Load(root.CombineWithFilePath("Directory.Build.props").FullPath).Descendants("KernelContractsProjectUrl").First().Value.Trim();

// An address that cannot be the project's: not absolute https, or a documentation, local or made-up host.
bool IsPlaceholder(string url) =>
    url.Length > 0 && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "https"
        || System.Text.RegularExpressions.Regex.IsMatch(uri.Host, @"(^|\.)(example\.(com|org|net)|localhost|invalid|test)$|^127\.")
        || System.Text.RegularExpressions.Regex.IsMatch(url, "placeholder|your-?org|changeme|TODO", System.Text.RegularExpressions.RegexOptions.IgnoreCase));

// Every package we ship must be in the folder, release-ready: the nuspec has id, version, description, authors,
// MIT license expression, packed README, tags, the configured project URL or none, and repository (type, commit); the package's own
// assembly has its XML docs beside it; a .snupkg with the PDBs sits next to it; a tool carries every assembly its
// deps.json names. Fails naming each package and each missing field.
int CheckPackages(DirectoryPath packages)
{
    var expected = new[]
    {
        "Kernel.Contracts.Generator", "Kernel.Contracts.Generator.NSwag", "Kernel.Platform.Client", "Kernel.Sessions.Client", "Kernel.Platform.Server",
        "Kernel.Sessions.Server", "Kernel.Contracts.Pact", "Kernel.Contracts.Cli",
    };
    var version = PackageVersion();
    var projectUrl = ProjectUrl();
    var problems = new List<string>();
    if (IsPlaceholder(projectUrl)) problems.Add($"Directory.Build.props: KernelContractsProjectUrl '{projectUrl}' is a placeholder; leave it empty until the project has a real address");
    var found = new HashSet<string>(StringComparer.Ordinal);
    foreach (var nupkg in GetFiles(packages.FullPath + "/*.nupkg").OrderBy(f => f.FullPath))
    {
        var name = nupkg.GetFilename().ToString();
        void Missing(string what) => problems.Add($"{name}: {what}");

        using var zip = ZipFile.OpenRead(nupkg.FullPath);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        var nuspecEntry = zip.Entries.SingleOrDefault(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        if (nuspecEntry is null)
        {
            Missing("no .nuspec at the package root");
            continue;
        }

        XElement metadata;
        using (var stream = nuspecEntry.Open())
        {
            metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        }

        string? Field(string field) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == field)?.Value.Trim() is { Length: > 0 } v ? v : null;
        XElement? Element(string field) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == field);

        var id = Field("id");
        if (id is null) { Missing("missing <id>"); continue; }
        found.Add(id);
        if (Field("version") != version) Missing($"<version> is '{Field("version")}', expected '{version}' (Directory.Build.props)");
        if (Field("description") is null) Missing("missing <description> (set Description in the csproj)");
        if (Field("authors") is null) Missing("missing <authors>");
        if (Field("tags") is null) Missing("missing <tags> (set PackageTags in the csproj)");
        // No invented addresses: the URLs are the configured one (KernelContractsProjectUrl) or absent.
        foreach (var (what, url) in new[] { ("<projectUrl>", Field("projectUrl")), ("repository url", (string?)Element("repository")?.Attribute("url")) })
        {
            if ((url ?? "") != projectUrl) Missing($"{what} is '{url}', not the configured KernelContractsProjectUrl '{projectUrl}'");
        }
        var license = Element("license");
        if (license is null || (string?)license.Attribute("type") != "expression" || license.Value != "MIT") Missing("missing <license type=\"expression\">MIT</license>");
        var readme = Field("readme");
        if (readme is null) Missing("missing <readme> (set PackageReadmeFile and pack README.md)");
        else if (!entries.Contains(readme)) Missing($"<readme> names '{readme}', which is not in the package");
        else
        {
            using var reader = new StreamReader(zip.GetEntry(readme)!.Open());
            problems.AddRange(StaleVersionsIn(reader.ReadToEnd(), version).Select(v => $"{name}: its README installs version {v}, not {version}"));
        }
        var repository = Element("repository");
        if (repository is null) Missing("missing <repository>");
        else
        {
            if (string.IsNullOrEmpty((string?)repository.Attribute("type"))) Missing("missing repository type (RepositoryType)");
            if (!System.Text.RegularExpressions.Regex.IsMatch((string?)repository.Attribute("commit") ?? "", "^[0-9a-f]{40}$")) Missing("missing repository commit (pack from a git checkout)");
        }

        // The package's own assembly, wherever it ships (lib/, tools/, analyzers/), has its XML docs beside it.
        var assemblies = entries.Where(e => e.EndsWith("/" + id + ".dll", StringComparison.Ordinal)).ToList();
        if (assemblies.Count == 0) Missing($"{id}.dll is not in the package");
        foreach (var dll in assemblies.Where(dll => !entries.Contains(dll[..^4] + ".xml")))
        {
            Missing($"no XML docs beside {dll} (set GenerateDocumentationFile)");
        }

        // A tool runs from what it carries: every runtime assembly its deps.json names must be in the package.
        foreach (var deps in entries.Where(e => e.StartsWith("tools/", StringComparison.Ordinal) && e.EndsWith(".deps.json", StringComparison.Ordinal)))
        {
            var folder = deps[..(deps.LastIndexOf('/') + 1)];
            using var stream = zip.GetEntry(deps)!.Open();
            using var json = JsonDocument.Parse(stream);
            foreach (var target in json.RootElement.GetProperty("targets").EnumerateObject())
            foreach (var library in target.Value.EnumerateObject())
            {
                if (!library.Value.TryGetProperty("runtime", out var runtime)) continue;
                foreach (var asset in runtime.EnumerateObject())
                {
                    var file = asset.Name[(asset.Name.LastIndexOf('/') + 1)..];
                    if (!entries.Contains(folder + file)) Missing($"the tool misses {file} ({library.Name}), which {deps} names");
                }
            }
        }

        // The Pact core travels with the binding and the tool, for every platform npm publishes it for, with its notice.
        if (id is "Kernel.Contracts.Pact" or "Kernel.Contracts.Cli")
        {
            var prefix = id == "Kernel.Contracts.Cli" ? "tools/net10.0/any/runtimes/" : "runtimes/";
            foreach (var native in PactCoreFiles.Where(f => !entries.Contains(prefix + f))) Missing($"the Pact core {prefix}{native} is not in the package");
            if (!entries.Contains("THIRD-PARTY-NOTICES.md")) Missing("no THIRD-PARTY-NOTICES.md for the Pact core it ships");
        }

        const long MaxPackageBytes = 150L * 1024 * 1024;
        if (new System.IO.FileInfo(nupkg.FullPath).Length > MaxPackageBytes) Missing($"{new System.IO.FileInfo(nupkg.FullPath).Length / 1024 / 1024} MB, over the 150 MB a package may weigh");

        var snupkg = nupkg.ChangeExtension(".snupkg");
        if (!FileExists(snupkg)) Missing($"no symbols package {snupkg.GetFilename()} beside it (IncludeSymbols, SymbolPackageFormat=snupkg)");
        else
        {
            using var symbols = ZipFile.OpenRead(snupkg.FullPath);
            if (!symbols.Entries.Any(e => e.FullName.EndsWith("/" + id + ".pdb", StringComparison.Ordinal))) Missing($"{snupkg.GetFilename()} has no {id}.pdb");
        }
    }

    problems.AddRange(expected.Where(id => !found.Contains(id)).Select(id => $"{id}: no package was produced (IsPackable?)"));
    foreach (var doc in new[] { "README.md", "docs/ci.md" })
    {
        problems.AddRange(StaleVersionsIn(System.IO.File.ReadAllText(root.CombineWithFilePath(doc).FullPath), version)
            .Select(v => $"{doc}: installs version {v} of a package, not {version}"));
    }
    if (problems.Count > 0)
    {
        foreach (var problem in problems) Error(problem);
        throw new CakeException($"{problems.Count} package problem(s):\n  " + string.Join("\n  ", problems));
    }

    Information($"packages: {found.Count} checked (metadata, README, XML docs, symbols), version {version}");
    return found.Count;
}

// The Pact core as Kernel.Contracts.Pact lays it out (fetch-pact-core.mjs): one library per runtime identifier.
static readonly string[] PactCoreFiles =
{
    "linux-x64/native/libpact_ffi.so", "linux-arm64/native/libpact_ffi.so", "linux-musl-x64/native/libpact_ffi.so",
    "linux-musl-arm64/native/libpact_ffi.so", "osx-x64/native/libpact_ffi.dylib", "osx-arm64/native/libpact_ffi.dylib",
    "win-x64/native/pact_ffi.dll",
};

// Versions in install snippets (<PackageReference Include="Kernel.…" Version="…" />, dotnet tool install Kernel.… --version …)
// that are not the current one.
IEnumerable<string> StaleVersionsIn(string markdown, string version) =>
    System.Text.RegularExpressions.Regex.Matches(markdown, "Include=\"Kernel\\.[^\"]+\"\\s+Version=\"([^\"]+)\"|Kernel\\.[A-Za-z.]+ --version ([^\\s]+)")
        .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
        .Where(v => v != version)
        .Distinct();

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

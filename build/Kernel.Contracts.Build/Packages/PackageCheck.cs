using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Kernel.Contracts.Build.Packages;

/// <summary>
/// Every package we ship must be in the folder, release-ready: the nuspec has id, version, description, authors, MIT
/// license expression, packed README, tags, the configured project URL or none, and repository (type, commit); the
/// package's own assembly has its XML docs beside it; a .snupkg with the PDBs sits next to it; a tool carries every
/// assembly its deps.json names; the Pact core travels with the binding and the tool. The tool is a pointer package
/// listing one package per platform (ReadyToRun, that platform's Pact core only) and the portable <c>any</c> one (IL,
/// every platform's Pact core). Each problem names the package (or file) and the field.
/// </summary>
internal sealed class PackageCheck(RepositorySettings settings, IReadOnlyCollection<string> expectedIds)
{
    public const long MaxPackageBytes = 150L * 1024 * 1024;

    private static readonly Regex Commit = new("^[0-9a-f]{40}$", RegexOptions.CultureInvariant);

    /// <summary>What the check found: each problem in words, and the ids of the packages it read.</summary>
    public sealed record Result(IReadOnlyList<string> Problems, IReadOnlyList<string> Packages);

    /// <param name="folder">The folder Pack wrote (.nupkg and .snupkg).</param>
    /// <param name="docs">Documents with install snippets (name → text), which must name the current version.</param>
    public Result Run(string folder, IReadOnlyDictionary<string, string> docs)
    {
        if (!Directory.Exists(folder)) throw new BuildStepException($"no package folder at '{folder}'; run the Pack target");

        var problems = new List<string>();
        if (ProjectAddress.IsPlaceholder(settings.ProjectUrl))
        {
            problems.Add($"Directory.Build.props: KernelContractsProjectUrl '{settings.ProjectUrl}' is a placeholder; leave it empty until the project has a real address");
        }

        var nupkgs = Directory.GetFiles(folder, "*.nupkg").Order(StringComparer.Ordinal).ToList();
        var tools = new ToolPackages(nupkgs);
        var found = new List<string>();
        foreach (var nupkg in nupkgs)
        {
            var name = Path.GetFileName(nupkg);
            var packageProblems = new List<string>();
            try
            {
                if (CheckPackage(nupkg, tools, packageProblems.Add) is { } id) found.Add(id);
            }
            catch (InvalidDataException e)
            {
                packageProblems.Add($"not a readable zip archive ({e.Message})");
            }

            problems.AddRange(packageProblems.Select(p => $"{name}: {p}"));
        }

        problems.AddRange(expectedIds.Where(id => !found.Contains(id, StringComparer.Ordinal)).Select(id => $"{id}: no package was produced (IsPackable?)"));
        if (found.Contains(ShippedPackages.Tool, StringComparer.Ordinal) && !tools.Pointers.ContainsKey(ShippedPackages.Tool))
        {
            problems.Add($"{ShippedPackages.Tool}: not a pointer to platform packages (its DotnetToolSettings.xml lists no RuntimeIdentifierPackage; set ToolPackageRuntimeIdentifiers)");
        }

        foreach (var (pointer, platforms) in tools.Pointers)
        {
            problems.AddRange(platforms.Where(p => !found.Contains(p.Id, StringComparer.Ordinal))
                .Select(p => $"{p.Id}: {pointer} lists it for {p.Rid}, but no package was produced"));
        }

        foreach (var (doc, text) in docs)
        {
            problems.AddRange(StaleVersions.In(text, settings.Version).Select(v => $"{doc}: installs version {v} of a package, not {settings.Version}"));
        }

        return new Result(problems, found);
    }

    // Returns the package id, or null when the nuspec gives none.
    private string? CheckPackage(string nupkg, ToolPackages tools, Action<string> missing)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        var nuspec = zip.Entries.SingleOrDefault(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        if (nuspec is null)
        {
            missing("no .nuspec at the package root");
            return null;
        }

        var metadata = ReadMetadata(nuspec);
        if (metadata is null)
        {
            missing($"{nuspec.FullName} is not a nuspec with <metadata>");
            return null;
        }

        XElement? Element(string field) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == field);
        string? Field(string field) => Element(field)?.Value.Trim() is { Length: > 0 } value ? value : null;

        var id = Field("id");
        if (id is null)
        {
            missing("missing <id>");
            return null;
        }

        if (Field("version") != settings.Version) missing($"<version> is '{Field("version")}', expected '{settings.Version}' (Directory.Build.props)");
        if (Field("description") is null) missing("missing <description> (set Description in the csproj)");
        if (Field("authors") is null) missing("missing <authors>");
        if (Field("tags") is null) missing("missing <tags> (set PackageTags in the csproj)");

        // No invented addresses: the URLs are the configured one (KernelContractsProjectUrl) or absent.
        foreach (var (what, url) in new[] { ("<projectUrl>", Field("projectUrl")), ("repository url", (string?)Element("repository")?.Attribute("url")) })
        {
            if ((url ?? "") != settings.ProjectUrl) missing($"{what} is '{url}', not the configured KernelContractsProjectUrl '{settings.ProjectUrl}'");
        }

        var license = Element("license");
        if (license is null || (string?)license.Attribute("type") != "expression" || license.Value != "MIT") missing("missing <license type=\"expression\">MIT</license>");

        var readme = Field("readme");
        if (readme is null) missing("missing <readme> (set PackageReadmeFile and pack README.md)");
        else if (!entries.Contains(readme)) missing($"<readme> names '{readme}', which is not in the package");
        else
        {
            using var reader = new StreamReader(zip.GetEntry(readme)!.Open());
            foreach (var stale in StaleVersions.In(reader.ReadToEnd(), settings.Version)) missing($"its README installs version {stale}, not {settings.Version}");
        }

        var repository = Element("repository");
        if (repository is null) missing("missing <repository>");
        else
        {
            if (string.IsNullOrEmpty((string?)repository.Attribute("type"))) missing("missing repository type (RepositoryType)");
            if (!Commit.IsMatch((string?)repository.Attribute("commit") ?? "")) missing("missing repository commit (pack from a git checkout)");
        }

        // A tool's pointer package carries no assembly: only the list of its platform packages, which must include the
        // portable one so that every other platform still installs the tool.
        if (tools.Pointers.TryGetValue(id, out var listed))
        {
            if (!listed.Any(p => p.Rid == ShippedPackages.PortableRid))
            {
                missing($"its DotnetToolSettings.xml lists no '{ShippedPackages.PortableRid}' package: platforms without their own package could not install the tool");
            }

            return id;
        }

        // A platform package of a tool holds the tool's assembly (named after the pointer), compiled for its platform.
        var platform = tools.Platforms.TryGetValue(id, out var p) ? p : default;
        var assembly = platform.Pointer ?? id;

        // The package's own assembly, wherever it ships (lib/, tools/, analyzers/), has its XML docs beside it.
        var assemblies = entries.Where(e => e.EndsWith("/" + assembly + ".dll", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (assemblies.Count == 0) missing($"{assembly}.dll is not in the package");
        // (A ReadyToRun copy of the generator under readytorun/<rid>/ is the same assembly as the one under analyzers/.)
        foreach (var dll in assemblies.Where(dll => !dll.StartsWith("readytorun/", StringComparison.Ordinal) && !entries.Contains(dll[..^4] + ".xml")))
        {
            missing($"no XML docs beside {dll} (set GenerateDocumentationFile)");
        }

        foreach (var deps in entries.Where(e => e.StartsWith("tools/", StringComparison.Ordinal) && e.EndsWith(".deps.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            CheckToolAssemblies(zip, entries, deps, missing);
        }

        if (platform.Rid is { } rid)
        {
            // ReadyToRun where the platform is known, IL where it is not (the portable package runs everywhere).
            var portable = rid == ShippedPackages.PortableRid;
            foreach (var dll in assemblies)
            {
                switch (IsReadyToRun(zip.GetEntry(dll)!))
                {
                    case null: missing($"{dll} is not a .NET assembly"); break;
                    case false when !portable: missing($"{dll} is not ReadyToRun (PublishReadyToRun) although the package is for {rid}"); break;
                    case true when portable: missing($"{dll} is ReadyToRun, but the portable package must be IL for every platform"); break;
                }
            }
        }

        if (id == ShippedPackages.Generator)
        {
            CheckReadyToRunAnalyzers(zip, entries, missing);
        }

        if (ShippedPackages.PactCore(assembly, platform.Rid) is var (prefix, files))
        {
            if (files.Length == 0) missing($"no Pact core is shipped for {platform.Rid}, so the package could not run a pact");
            foreach (var native in files.Where(f => !entries.Contains(prefix + f))) missing($"the Pact core {prefix}{native} is not in the package");
            foreach (var other in entries.Where(e => e.StartsWith(prefix, StringComparison.Ordinal) && !e.EndsWith('/') && !files.Contains(e[prefix.Length..])).Order(StringComparer.Ordinal))
            {
                missing($"{other} is another platform's Pact core: a platform's package carries its own only");
            }

            if (!entries.Contains("THIRD-PARTY-NOTICES.md")) missing("no THIRD-PARTY-NOTICES.md for the Pact core it ships");
        }

        var bytes = new FileInfo(nupkg).Length;
        if (bytes > MaxPackageBytes) missing($"{bytes / 1024 / 1024} MB, over the 150 MB a package may weigh");

        var snupkg = Path.ChangeExtension(nupkg, ".snupkg");
        var symbolsName = Path.GetFileName(snupkg);
        if (!File.Exists(snupkg)) missing($"no symbols package {symbolsName} beside it (IncludeSymbols, SymbolPackageFormat=snupkg)");
        else if (!SymbolsHold(snupkg, assembly + ".pdb")) missing($"{symbolsName} has no {assembly}.pdb");

        return id;
    }

    // A tool runs from what it carries: every runtime assembly its deps.json names must be in the package.
    private static void CheckToolAssemblies(ZipArchive zip, HashSet<string> entries, string deps, Action<string> missing)
    {
        var folder = deps[..(deps.LastIndexOf('/') + 1)];
        using var stream = zip.GetEntry(deps)!.Open();
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            missing($"{deps} is not valid JSON ({e.Message})");
            return;
        }

        using (json)
        {
            if (!json.RootElement.TryGetProperty("targets", out var targets) || targets.ValueKind != JsonValueKind.Object)
            {
                missing($"{deps} has no \"targets\" object");
                return;
            }

            foreach (var target in targets.EnumerateObject())
            foreach (var library in target.Value.EnumerateObject())
            {
                if (!library.Value.TryGetProperty("runtime", out var runtime)) continue;
                foreach (var asset in runtime.EnumerateObject())
                {
                    var file = asset.Name[(asset.Name.LastIndexOf('/') + 1)..];
                    if (!entries.Contains(folder + file)) missing($"the tool misses {file} ({library.Name}), which {deps} names");
                }
            }
        }
    }

    // The generator's analyzers: IL under analyzers/dotnet/cs/ (every platform, and .NET Framework compilers), and for each
    // platform of KernelContractsReadyToRunRids the same assemblies compiled ReadyToRun for it under readytorun/<rid>/,
    // which the package's build targets hand to a compiler running there.
    private void CheckReadyToRunAnalyzers(ZipArchive zip, HashSet<string> entries, Action<string> missing)
    {
        const string il = "analyzers/dotnet/cs/";
        var analyzers = entries.Where(e => e.StartsWith(il, StringComparison.Ordinal) && e.EndsWith(".dll", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        foreach (var dll in analyzers.Where(dll => ReadyToRunMachine(zip.GetEntry(dll)!) is not 0))
        {
            missing($"{dll} must be IL: it is what every platform without its own ReadyToRun copy runs");
        }

        foreach (var rid in settings.ReadyToRunRids)
        {
            if (Machine(rid) is not { } expected)
            {
                missing($"KernelContractsReadyToRunRids names '{rid}', which is no platform ReadyToRun code is compiled for");
                continue;
            }

            foreach (var name in analyzers.Select(dll => dll[il.Length..]))
            {
                var copy = $"readytorun/{rid}/{name}";
                if (!entries.Contains(copy)) missing($"{copy} is missing: {rid} is in KernelContractsReadyToRunRids, and each analyzer needs its ReadyToRun copy");
                else if (ReadyToRunMachine(zip.GetEntry(copy)!) is var machine && machine != expected)
                {
                    missing(machine is null or 0 ? $"{copy} is not ReadyToRun code" : $"{copy} is ReadyToRun code for another platform (machine 0x{machine:X4}, {rid} is 0x{expected:X4})");
                }
            }
        }
    }

    // The PE machine a ReadyToRun image for a runtime identifier carries: the architecture's, XOR the operating system's mark.
    internal static int? Machine(string rid)
    {
        var parts = ShippedPackages.GeneratorCopyRid(rid).Split('-');
        int? os = parts[0] switch { "win" => 0, "linux" => 0x7B79, "osx" => 0x4644, "freebsd" => 0xADC4, _ => null };
        int? arch = parts.Length < 2 ? null : parts[1] switch { "x64" => 0x8664, "arm64" => 0xAA64, "x86" => 0x014C, "arm" => 0x01C4, _ => null };
        return os is null || arch is null ? null : os ^ arch;
    }

    // Whether an assembly carries native code compiled ahead of time (a ReadyToRun header); null when it is not one.
    private static bool? IsReadyToRun(ZipArchiveEntry dll) => ReadyToRunMachine(dll) is { } machine ? machine != 0 : null;

    // The machine a ReadyToRun assembly's code is for, 0 for IL, null when it is not a .NET assembly.
    private static int? ReadyToRunMachine(ZipArchiveEntry dll)
    {
        var bytes = new MemoryStream();
        using (var stream = dll.Open()) stream.CopyTo(bytes);
        bytes.Position = 0;
        try
        {
            using var pe = new PEReader(bytes);
            return pe.PEHeaders.CorHeader is not { } cor ? null : cor.ManagedNativeHeaderDirectory.Size > 0 ? (int)pe.PEHeaders.CoffHeader.Machine : 0;
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The tool packages in the folder as their pointers list them (DotnetToolSettings.xml, RuntimeIdentifierPackages):
    /// pointer id → its platform packages, and each platform package id → its pointer and runtime identifier.
    /// </summary>
    private sealed class ToolPackages
    {
        public Dictionary<string, List<(string Rid, string Id)>> Pointers { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, (string? Pointer, string? Rid)> Platforms { get; } = new(StringComparer.Ordinal);

        public ToolPackages(IEnumerable<string> nupkgs)
        {
            foreach (var nupkg in nupkgs)
            {
                try
                {
                    using var zip = ZipFile.OpenRead(nupkg);
                    var nuspec = zip.Entries.FirstOrDefault(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
                    var id = nuspec is null ? null : ReadMetadata(nuspec)?.Elements().FirstOrDefault(e => e.Name.LocalName == "id")?.Value.Trim();
                    var settings = zip.Entries.FirstOrDefault(e => e.FullName.StartsWith("tools/", StringComparison.Ordinal) && e.Name == "DotnetToolSettings.xml");
                    if (id is null || settings is null) continue;

                    using var stream = settings.Open();
                    var listed = XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "RuntimeIdentifierPackage")
                        .Select(e => (Rid: (string?)e.Attribute("RuntimeIdentifier") ?? "", Id: (string?)e.Attribute("Id") ?? ""))
                        .ToList();
                    if (listed.Count == 0) continue;

                    Pointers[id] = listed;
                    foreach (var (rid, platformId) in listed) Platforms[platformId] = (id, rid);
                }
                catch (Exception e) when (e is InvalidDataException or XmlException)
                {
                    // Not readable: the package's own check says so.
                }
            }
        }
    }

    private static XElement? ReadMetadata(ZipArchiveEntry nuspec)
    {
        try
        {
            using var stream = nuspec.Open();
            return XDocument.Load(stream).Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata");
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static bool SymbolsHold(string snupkg, string pdb)
    {
        try
        {
            using var symbols = ZipFile.OpenRead(snupkg);
            return symbols.Entries.Any(e => e.FullName.EndsWith("/" + pdb, StringComparison.Ordinal));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}

using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Kernel.Contracts.Build.Packages;

namespace Kernel.Contracts.Build.Tests;

/// <summary>
/// A .nupkg (and its .snupkg) written the way dotnet pack lays one out, release-ready until a test breaks one part:
/// the nuspec is an <see cref="XDocument"/>, the contents a map of entry → text.
/// </summary>
internal sealed class PackageFile
{
    public const string Version = "1.2.3";
    public const string Commit = "0123456789abcdef0123456789abcdef01234567";
    public static readonly XNamespace Nuspec = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";

    public PackageFile(string id)
    {
        Id = id;
        Manifest = new XDocument(new XElement(Nuspec + "package", new XElement(Nuspec + "metadata",
            new XElement(Nuspec + "id", id),
            new XElement(Nuspec + "version", Version),
            new XElement(Nuspec + "authors", "Kernel.Contracts"),
            new XElement(Nuspec + "license", new XAttribute("type", "expression"), "MIT"),
            new XElement(Nuspec + "readme", "README.md"),
            new XElement(Nuspec + "description", "What " + id + " is."),
            new XElement(Nuspec + "tags", "kernel openapi"),
            new XElement(Nuspec + "repository", new XAttribute("type", "git"), new XAttribute("commit", Commit)))));
        Entries["README.md"] = $"# {id}\n\n    dotnet add package {id} --version {Version}\n";
        Entries[$"lib/net10.0/{id}.dll"] = "MZ";
        Entries[$"lib/net10.0/{id}.xml"] = "<doc />";
        Symbols[$"lib/net10.0/{id}.pdb"] = "BSJB";
        if (ShippedPackages.PactCore(id, null) is var (prefix, files)) WithPactCore(prefix, files);
    }

    /// <summary>A real IL assembly (this test project's) and a real ReadyToRun one (the shared framework's).</summary>
    public static byte[] ILAssembly => File.ReadAllBytes(typeof(PackageFile).Assembly.Location);

    public static byte[] ReadyToRunAssembly => File.ReadAllBytes(typeof(XDocument).Assembly.Location);

    public string Id { get; }

    public XDocument Manifest { get; }

    public Dictionary<string, string> Entries { get; } = new();

    /// <summary>Binary entries (assemblies whose headers the check reads).</summary>
    public Dictionary<string, byte[]> Binaries { get; } = new();

    /// <summary>The .snupkg's entries; null writes no symbols package.</summary>
    public Dictionary<string, string>? Symbols { get; set; } = new();

    public XElement Metadata => Manifest.Root!.Element(Nuspec + "metadata")!;

    public XElement Field(string name) => Metadata.Element(Nuspec + name)!;

    /// <summary>Sets a metadata element's text, adding it when absent, or removes it for null.</summary>
    public PackageFile With(string name, string? value)
    {
        var element = Metadata.Element(Nuspec + name);
        if (value is null) element?.Remove();
        else if (element is null) Metadata.Add(new XElement(Nuspec + name, value));
        else element.Value = value;
        return this;
    }

    /// <summary>
    /// A tool's pointer package as .NET 10 packs it: no assembly, only tools/any/any/DotnetToolSettings.xml listing
    /// the package of each runtime identifier (<c>{id}.{rid}</c>).
    /// </summary>
    public static PackageFile ToolPointer(string id, params string[] rids)
    {
        var package = new PackageFile(id);
        package.Entries.Remove($"lib/net10.0/{id}.dll");
        package.Entries.Remove($"lib/net10.0/{id}.xml");
        package.Symbols!.Clear();
        var listed = string.Concat(rids.Select(rid => $"<RuntimeIdentifierPackage RuntimeIdentifier=\"{rid}\" Id=\"{id}.{rid}\" />"));
        package.Entries["tools/any/any/DotnetToolSettings.xml"] =
            $"<DotNetCliTool Version=\"2\"><Commands><Command Name=\"tool\" /></Commands><RuntimeIdentifierPackages>{listed}</RuntimeIdentifierPackages></DotNetCliTool>";
        return package;
    }

    /// <summary>
    /// A tool's package for one runtime identifier: the tool's assembly (ReadyToRun for a platform, IL for <c>any</c>),
    /// its XML docs and deps.json under tools/net10.0/{rid}/, the Pact core that platform gets, and the symbols.
    /// </summary>
    public static PackageFile ToolPlatform(string pointer, string rid, params string[] dependencies)
    {
        var package = new PackageFile(pointer + "." + rid);
        package.Entries.Remove($"lib/net10.0/{package.Id}.dll");
        package.Entries.Remove($"lib/net10.0/{package.Id}.xml");
        package.Symbols!.Clear();
        var folder = $"tools/net10.0/{rid}/";
        package.Binaries[folder + pointer + ".dll"] = rid == ShippedPackages.PortableRid ? ILAssembly : ReadyToRunAssembly;
        package.Entries[folder + pointer + ".xml"] = "<doc />";
        var libraries = string.Join(",", dependencies.Select(d => $"\"{d}/1.0.0\": {{ \"runtime\": {{ \"lib/net10.0/{d}.dll\": {{}} }} }}"));
        package.Entries[folder + pointer + ".deps.json"] = $"{{ \"targets\": {{ \".NETCoreApp,Version=v10.0\": {{ {libraries} }} }} }}";
        foreach (var dependency in dependencies) package.Entries[folder + dependency + ".dll"] = "MZ";
        package.Symbols[folder + pointer + ".pdb"] = "BSJB";
        if (ShippedPackages.PactCore(pointer, rid) is var (prefix, files)) package.WithPactCore(prefix, files);
        return package;
    }

    /// <summary>The whole tool: its pointer and a package for each runtime identifier.</summary>
    public static IEnumerable<PackageFile> Tool(string id, params string[] rids) =>
        [ToolPointer(id, rids), .. rids.Select(rid => ToolPlatform(id, rid))];

    private void WithPactCore(string prefix, IEnumerable<string> files)
    {
        foreach (var native in files) Entries[prefix + native] = "native";
        Entries["THIRD-PARTY-NOTICES.md"] = "Pact core: MIT";
    }

    public string WriteTo(string folder)
    {
        var path = Path.Combine(folder, $"{Id}.{Version}.nupkg");
        var entries = Entries.ToDictionary(e => e.Key, e => System.Text.Encoding.UTF8.GetBytes(e.Value));
        foreach (var (name, bytes) in Binaries) entries[name] = bytes;
        entries[Id + ".nuspec"] = System.Text.Encoding.UTF8.GetBytes(Manifest.ToString());
        WriteZip(path, entries);
        if (Symbols is not null) WriteZip(Path.ChangeExtension(path, ".snupkg"), Symbols.ToDictionary(e => e.Key, e => System.Text.Encoding.UTF8.GetBytes(e.Value)));
        return path;
    }

    private static void WriteZip(string path, IReadOnlyDictionary<string, byte[]> entries)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, bytes) in entries)
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write(bytes);
        }
    }
}

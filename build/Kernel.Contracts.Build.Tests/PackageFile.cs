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
        if (ShippedPackages.PactCorePrefix(id) is { } prefix)
        {
            foreach (var native in ShippedPackages.PactCoreFiles) Entries[prefix + native] = "native";
            Entries["THIRD-PARTY-NOTICES.md"] = "Pact core: MIT";
        }
    }

    public string Id { get; }

    public XDocument Manifest { get; }

    public Dictionary<string, string> Entries { get; } = new();

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

    /// <summary>A tool package: the assembly and its deps.json under tools/net10.0/any/, with the dependencies it names.</summary>
    public PackageFile AsTool(params string[] dependencies)
    {
        Entries.Remove($"lib/net10.0/{Id}.dll");
        Entries.Remove($"lib/net10.0/{Id}.xml");
        Symbols?.Clear();
        const string folder = "tools/net10.0/any/";
        Entries[folder + Id + ".dll"] = "MZ";
        Entries[folder + Id + ".xml"] = "<doc />";
        var libraries = string.Join(",", dependencies.Select(d => $"\"{d}/1.0.0\": {{ \"runtime\": {{ \"lib/net10.0/{d}.dll\": {{}} }} }}"));
        Entries[folder + Id + ".deps.json"] = $"{{ \"targets\": {{ \".NETCoreApp,Version=v10.0\": {{ {libraries} }} }} }}";
        foreach (var dependency in dependencies) Entries[folder + dependency + ".dll"] = "MZ";
        if (Symbols is not null) Symbols[folder + Id + ".pdb"] = "BSJB";
        return this;
    }

    public string WriteTo(string folder)
    {
        var path = Path.Combine(folder, $"{Id}.{Version}.nupkg");
        WriteZip(path, new Dictionary<string, string>(Entries) { [Id + ".nuspec"] = Manifest.ToString() });
        if (Symbols is not null) WriteZip(Path.ChangeExtension(path, ".snupkg"), Symbols);
        return path;
    }

    private static void WriteZip(string path, IReadOnlyDictionary<string, string> entries)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, text) in entries)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(text);
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace Kernel.Contracts.Build;

/// <summary>
/// What the build steps read from <c>Directory.Build.props</c>: the one version of every package, the project's public
/// address, and the platforms the generator package carries ReadyToRun code for (<c>KernelContractsReadyToRunRids</c>).
/// </summary>
internal sealed record RepositorySettings(string Version, string ProjectUrl)
{
    public IReadOnlyList<string> ReadyToRunRids { get; init; } = [];

    public static RepositorySettings Read(string propsPath)
    {
        XDocument props;
        try
        {
            props = XDocument.Load(propsPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException)
        {
            throw new BuildStepException($"{propsPath}: cannot read it ({e.Message})");
        }

        string Property(string name) =>
            props.Descendants(name).FirstOrDefault()?.Value.Trim() ?? throw new BuildStepException($"{propsPath}: no <{name}> property");

        var version = Property("Version");
        if (version.Length == 0) throw new BuildStepException($"{propsPath}: <Version> is empty");
        var rids = props.Descendants("KernelContractsReadyToRunRids").FirstOrDefault()?.Value ?? string.Empty;
        return new RepositorySettings(version, Property("KernelContractsProjectUrl"))
        {
            ReadyToRunRids = rids.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
    }
}

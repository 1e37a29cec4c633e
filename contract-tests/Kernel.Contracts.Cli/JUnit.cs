using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace Kernel.Contracts.Cli;

/// <summary>One test case of a JUnit report: passed when <see cref="Failures"/> is empty.</summary>
internal sealed record JUnitCase(string Name, string ClassName, IReadOnlyList<string> Failures, TimeSpan? Duration = null);

/// <summary>JUnit XML, the one format every CI reads: one writer for verify, check-pacts and probe.</summary>
/// <remarks>Every text goes through <see cref="ResultText.Clean"/>: response bodies end up in failures, and XML 1.0 cannot hold all they carry.</remarks>
internal static class JUnit
{
    public static XElement Suite(string name, IReadOnlyCollection<JUnitCase> cases, IReadOnlyCollection<string>? errors = null) =>
        new(
            "testsuite",
            new XAttribute("name", ResultText.Clean(name)),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", cases.Count(c => c.Failures.Count > 0)),
            cases.Select(c => new XElement(
                "testcase",
                new XAttribute("name", ResultText.Clean(c.Name)),
                new XAttribute("classname", ResultText.Clean(c.ClassName)),
                c.Duration is { } duration ? new XAttribute("time", duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)) : null,
                c.Failures.Count == 0 ? null : new XElement("failure", new XAttribute("message", ResultText.Clean(c.Failures[0])), ResultText.Clean(string.Join("\n", c.Failures))))),
            errors is { Count: > 0 } ? new XElement("system-err", ResultText.Clean(string.Join("\n", errors))) : null);

    public static void Save(string path, IEnumerable<XElement> suites) => new XDocument(new XElement("testsuites", suites)).Save(path);
}

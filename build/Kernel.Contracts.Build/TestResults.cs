using System;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace Kernel.Contracts.Build;

/// <summary>The counts of every TRX file in a folder (what <c>dotnet test --logger trx</c> writes), added up.</summary>
internal sealed record TestResults(int Passed, int Failed, int Skipped, int Files)
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>A run passes when nothing failed and something passed (no results at all is a failure, not a pass).</summary>
    public bool Succeeded => Failed == 0 && Passed > 0;

    /// <summary>The plain closing line CI reads.</summary>
    public string Line => $"tests: {Passed} passed, {Failed} failed" + (Skipped > 0 ? $", {Skipped} skipped" : string.Empty);

    public static TestResults Read(string folder)
    {
        if (!Directory.Exists(folder)) throw new BuildStepException($"no test results folder at '{folder}'");

        int passed = 0, failed = 0, skipped = 0, files = 0;
        foreach (var trx in Directory.GetFiles(folder, "*.trx").Order(StringComparer.Ordinal))
        {
            var counters = ReadCounters(trx);
            passed += Count(counters, "passed", trx);
            // An error (a test host that crashed, a class that failed to set up) fails the run like a failed test.
            failed += Count(counters, "failed", trx) + Count(counters, "error", trx);
            skipped += Count(counters, "notExecuted", trx);
            files++;
        }

        return new TestResults(passed, failed, skipped, files);
    }

    private static XElement ReadCounters(string trx)
    {
        try
        {
            return XDocument.Load(trx).Descendants(Trx + "Counters").SingleOrDefault()
                ?? throw new BuildStepException($"{trx}: no <Counters> element in the TeamTest 2010 namespace");
        }
        catch (XmlException e)
        {
            throw new BuildStepException($"{trx}: not XML ({e.Message})");
        }
        catch (InvalidOperationException)
        {
            throw new BuildStepException($"{trx}: more than one <Counters> element");
        }
    }

    // A missing counter is zero (a run with no failures may leave it out); one that is there must be a number.
    private static int Count(XElement counters, string name, string trx) =>
        counters.Attribute(name) is not { } attribute ? 0
            : int.TryParse(attribute.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
            : throw new BuildStepException($"{trx}: <Counters {name}=\"{attribute.Value}\"> is not a count");
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kernel.Contracts.Bench.Generation;

/// <summary>
/// Where the bytes of our generated client go, read from the files <c>kernel-contracts generate --generate Models;Client</c>
/// writes: each type and member (with its doc comment) is put in one part — the models, their JSON converters, their
/// validators, the client's operation methods and interface, the fixed support code — and the rest is file headers.
/// </summary>
public static class GeneratedBytes
{
    public const string Models = "models (records, enums)";
    public const string Converters = "JSON converters";
    public const string Validators = "validators";
    public const string Operations = "client: operation methods";
    public const string Interface = "client interface";
    public const string Support = "support (client plumbing, JsonCodec, type-info resolver, schema checks, ApiException, …)";
    public const string Headers = "file headers, usings, namespaces";

    public sealed record Breakdown(long Total, int Files, IReadOnlyDictionary<string, long> Parts);

    public static Breakdown Measure(IEnumerable<string> files)
    {
        var parts = new[] { Models, Converters, Validators, Operations, Interface, Support, Headers }.ToDictionary(p => p, _ => 0L);
        long total = 0;
        var count = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            total += Encoding.UTF8.GetByteCount(text);
            count++;
            var root = CSharpSyntaxTree.ParseText(text).GetRoot();
            long inTypes = 0;
            foreach (var type in root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Where(t => t.Parent is not BaseTypeDeclarationSyntax))
            {
                inTypes += Bytes(type);
                foreach (var (part, bytes) in Split(type, Path.GetFileName(file)))
                {
                    parts[part] += bytes;
                }
            }

            parts[Headers] += Encoding.UTF8.GetByteCount(text) - inTypes;
        }

        return new Breakdown(total, count, parts);
    }

    /// <summary>A top-level type's bytes, by part: a client's <c>…Async</c> methods are operations, the validator class is validators.</summary>
    private static IEnumerable<(string Part, long Bytes)> Split(BaseTypeDeclarationSyntax type, string file)
    {
        var name = type.Identifier.ValueText;
        if (name.EndsWith("JsonConverter", StringComparison.Ordinal)) return [(Converters, Bytes(type))];
        if (name.EndsWith("SchemaValidator", StringComparison.Ordinal)) return [(Validators, Bytes(type))];
        if (type is InterfaceDeclarationSyntax && name.EndsWith("Client", StringComparison.Ordinal)) return [(Interface, Bytes(type))];
        if (type is ClassDeclarationSyntax client && name.EndsWith("Client", StringComparison.Ordinal) && file.Contains(".Client.g.cs", StringComparison.Ordinal))
        {
            var operations = client.Members.OfType<MethodDeclarationSyntax>()
                .Where(m => m.Modifiers.Any(SyntaxKind.PublicKeyword) && m.Identifier.ValueText.EndsWith("Async", StringComparison.Ordinal))
                .Sum(m => (long)Bytes(m));
            return [(Operations, operations), (Support, Bytes(type) - operations)];
        }

        return file.Contains(".Models.", StringComparison.Ordinal) ? [(Models, Bytes(type))] : [(Support, Bytes(type))];
    }

    private static int Bytes(SyntaxNode node) => Encoding.UTF8.GetByteCount(node.ToFullString());

    /// <summary>One line per document: ours against NSwag's bytes, and the share of each part that grows with the document.</summary>
    public static string Summary(IReadOnlyList<(string Document, Breakdown Ours, long NSwagBytes)> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| document | ours | NSwag | ours / NSwag | converters | models | validators | operations (methods + interface) | the rest |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (document, ours, nswag) in rows)
        {
            string Share(long bytes) => (100.0 * bytes / Math.Max(1, ours.Total)).ToString("0", CultureInfo.InvariantCulture) + " %";
            var growing = ours.Parts[Converters] + ours.Parts[Models] + ours.Parts[Validators] + ours.Parts[Operations] + ours.Parts[Interface];
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {document} | {ours.Total / 1024.0:0} KiB | {(nswag > 0 ? (nswag / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KiB" : "—")} | {(nswag > 0 ? (ours.Total / (double)nswag).ToString("0.0", CultureInfo.InvariantCulture) + "×" : "—")} | ")
                + $"{Share(ours.Parts[Converters])} | {Share(ours.Parts[Models])} | {Share(ours.Parts[Validators])} | {Share(ours.Parts[Operations] + ours.Parts[Interface])} | {Share(ours.Total - growing)} |");
        }

        return text.ToString();
    }

    /// <summary>"…; 3 operations, 11 schemas" from what <c>kernel-contracts generate</c> prints.</summary>
    public static (int Operations, int Schemas) Counts(string cliOutput)
    {
        var match = System.Text.RegularExpressions.Regex.Match(cliOutput, @"(\d+) operations, (\d+) schemas", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        return match.Success
            ? (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : throw new FormatException("kernel-contracts generate printed no counts: " + cliOutput);
    }

    /// <summary>Part, bytes, share, and per schema or per operation where the part grows with them.</summary>
    public static string Table(string document, Breakdown breakdown, int schemas, int operations, long nswagBytes)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{document}: {breakdown.Files} files, {breakdown.Total / 1024.0:0} KiB for {schemas} schemas and {operations} operations (NSwag's client: {(nswagBytes > 0 ? (nswagBytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KiB" : "—")})."));
        text.AppendLine();
        text.AppendLine("| part | bytes | share | per schema / per operation |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var (part, bytes) in breakdown.Parts.OrderByDescending(p => p.Value))
        {
            var per = part is Models or Converters or Validators && schemas > 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)schemas:0} B per schema")
                : part is Operations or Interface && operations > 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)operations:0} B per operation")
                : "—";
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {part} | {bytes / 1024.0:0} KiB | {100.0 * bytes / Math.Max(1, breakdown.Total):0.0} % | {per} |"));
        }

        return text.ToString();
    }
}

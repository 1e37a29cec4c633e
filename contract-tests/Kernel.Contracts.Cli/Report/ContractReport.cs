using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using Kernel.Contracts.Conformance;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Cli.Report;

/// <summary>What is known of one documented response of one operation.</summary>
internal sealed class Cell
{
    public List<CheckRecord> Pacts { get; } = [];

    public List<VerifyRecord> Verified { get; } = [];

    public List<ProbeJsonRecord> Probes { get; } = [];
}

/// <summary>The results of one API: its document and what verify, check-pacts and probe found (each may be missing).</summary>
internal sealed record ApiResults(string Api, ApiDocument Document, IReadOnlyList<CheckRecord>? Checks, IReadOnlyList<VerifyRecord>? Verifies, IReadOnlyList<ProbeJsonRecord>? Probes)
{
    /// <summary>The changes of the document since the last release (<c>diff-{api}.json</c>), if the folder has them.</summary>
    public DiffResult? Diff { get; init; }

    /// <summary>Reads <c>check-{api}.json</c>, <c>verify-{api}.json</c>, <c>probe-{api}.json</c> and <c>diff-{api}.json</c> from a folder.</summary>
    public static ApiResults Read(ApiProfile profile, string folder)
    {
        var api = profile.Name;
        static T? Load<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class =>
            File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), type) : null;

        return new ApiResults(
            api,
            profile.Document,
            Load(Path.Combine(folder, "check-" + api + ".json"), CliJson.Default.ListCheckRecord),
            Load(Path.Combine(folder, "verify-" + api + ".json"), CliJson.Default.ListVerifyRecord),
            Load(Path.Combine(folder, "probe-" + api + ".json"), CliJson.Default.ListProbeJsonRecord))
        {
            Diff = Load(Path.Combine(folder, "diff-" + api + ".json"), CliJson.Default.DiffResult),
        };
    }
}

/// <summary>
/// The contract-health page: per API a matrix of operations × documented responses showing which are covered by a
/// pact, verified against the reference server, checked against the document and probed; failures link to their
/// details. One static HTML file with inline CSS and no scripts: it needs no network to view.
/// </summary>
internal static class ContractReport
{
    public static string Render(IReadOnlyList<ApiResults> apis, Func<string, string?> docsLink)
    {
        var html = new StringBuilder();
        var failures = new List<(string Id, string Title, IEnumerable<string> Lines)>();
        var sections = new StringBuilder();
        var totals = new StringBuilder();
        foreach (var api in apis)
        {
            var (cells, extra) = Build(api);
            var rows = cells.Count;
            int Count(Func<Cell, bool> test) => cells.Values.Count(test);
            var covered = Count(c => c.Pacts.Count > 0);
            var verified = Count(c => c.Verified.Count > 0 && c.Verified.All(v => v.Passed));
            var checkedOk = Count(c => c.Pacts.Count > 0 && c.Pacts.All(p => p.Passed));
            var probed = Count(c => c.Probes.Count > 0);
            var failed = Count(c => c.Pacts.Any(p => !p.Passed) || c.Verified.Any(v => !v.Passed) || c.Probes.Any(p => !p.Passed)) + extra.Count;
            totals.Append(CultureInfo.InvariantCulture, $"<tr data-api=\"{api.Api}\"><th>{E(api.Document.Title)}</th><td class=\"num\" data-total=\"responses\">{rows}</td><td class=\"num\" data-total=\"pact\">{covered}</td><td class=\"num\" data-total=\"verified\">{verified}</td><td class=\"num\" data-total=\"checked\">{checkedOk}</td><td class=\"num\" data-total=\"probed\">{probed}</td><td class=\"num {(failed > 0 ? "bad" : "good")}\" data-total=\"failing\">{failed}</td></tr>\n");

            sections.Append(CultureInfo.InvariantCulture, $"<section id=\"{api.Api}\">\n<h2>{E(api.Document.Title)} <small>{E(api.Document.Name)}</small></h2>\n");
            if (docsLink(api.Api) is { } link) sections.Append(CultureInfo.InvariantCulture, $"<p><a class=\"docs\" href=\"{E(link)}\">API reference</a></p>\n");
            sections.Append(CultureInfo.InvariantCulture, $"<table class=\"matrix\" data-api=\"{api.Api}\" data-rows=\"{rows}\">\n<thead><tr><th>Operation</th><th>Response</th><th>Pact</th><th>Verified</th><th>Spec check</th><th>Probed</th></tr></thead>\n<tbody>\n");
            foreach (var operation in api.Document.Operations)
            {
                var first = true;
                foreach (var response in operation.Responses.Keys)
                {
                    var cell = cells[(operation.OperationId, response)];
                    var rowSpan = operation.Responses.Count;
                    sections.Append("<tr>");
                    if (first) sections.Append(CultureInfo.InvariantCulture, $"<th rowspan=\"{rowSpan}\" class=\"op\"><code>{E(operation.OperationId)}</code><br><small>{E(operation.Method)} {E(operation.PathTemplate)}</small></th>");
                    first = false;
                    var id = api.Api + "-" + operation.OperationId + "-" + response;
                    sections.Append(CultureInfo.InvariantCulture, $"<td class=\"status\">{E(response)}</td>");
                    sections.Append(State(cell.Pacts.Count, cell.Pacts.Count > 0, id + "-pact", "interaction", failures, []));
                    sections.Append(State(cell.Verified.Count, cell.Verified.All(v => v.Passed), id + "-verify", "interaction", failures,
                        cell.Verified.Where(v => !v.Passed).Select(v => (v.Description, (IEnumerable<string>)v.Mismatches))));
                    sections.Append(State(cell.Pacts.Count, cell.Pacts.All(p => p.Passed), id + "-check", "interaction", failures,
                        cell.Pacts.Where(p => !p.Passed).Select(p => (p.Description, (IEnumerable<string>)p.Findings))));
                    sections.Append(State(cell.Probes.Count, cell.Probes.All(p => p.Passed), id + "-probe", "request", failures,
                        cell.Probes.Where(p => !p.Passed).Take(20).Select(p => (p.Kind + " → " + p.Status, (IEnumerable<string>)p.Problems.Append(p.Curl).ToList()))));
                    sections.Append("</tr>\n");
                }
            }

            sections.Append("</tbody></table>\n");
            if (extra.Count > 0)
            {
                var id = api.Api + "-unmatched";
                sections.Append(CultureInfo.InvariantCulture, $"<p class=\"bad\"><a href=\"#{id}\">{extra.Count} results outside the documented responses</a></p>\n");
                failures.Add((id, api.Document.Title + ": outside the documented responses", extra));
            }

            sections.Append(Missing(api));
            sections.Append(Changes(api));
            sections.Append("</section>\n");
        }

        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Kernel contracts: health</title>
            <style>
            body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24}
            h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.5rem}h2 small{font-weight:400;color:#57606a;font-size:.8rem}
            table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .55rem;text-align:left;vertical-align:top}
            thead th{background:#f6f8fa}.num{text-align:right;font-variant-numeric:tabular-nums}.status{font-family:ui-monospace,monospace}
            td.ok{background:#dafbe1}td.fail{background:#ffebe9}td.none{color:#8c959f;background:#fafbfc}.bad{color:#a40e26;font-weight:600}.good{color:#116329}
            .op small{color:#57606a;font-weight:400}pre{white-space:pre-wrap;background:#f6f8fa;padding:.5rem;border-radius:4px;font-size:.85rem}
            .legend span{display:inline-block;padding:0 .4rem;margin-right:.4rem;border:1px solid #d0d7de}
            </style></head><body>
            <h1>Kernel contracts: health</h1>
            <p>Each documented response of each operation: covered by a consumer pact, verified against the reference server, the pact checked against the OpenAPI document, and probed from the document.</p>
            <p class="legend"><span class="ok" style="background:#dafbe1">✓ passed</span><span style="background:#ffebe9">✗ failed</span><span style="background:#fafbfc">— not covered</span></p>
            <table class="totals"><thead><tr><th>API</th><th>Documented responses</th><th>Covered by a pact</th><th>Verified</th><th>Spec-checked</th><th>Probed</th><th>Failing</th></tr></thead><tbody>

            """);
        html.Append(totals).Append("</tbody></table>\n").Append(sections);
        if (failures.Count > 0)
        {
            html.Append("<section id=\"details\"><h2>Failures</h2>\n");
            foreach (var (id, title, lines) in failures)
            {
                html.Append(CultureInfo.InvariantCulture, $"<div class=\"failure\" id=\"{E(id)}\"><h3>{E(title)}</h3><pre>{E(string.Join("\n", lines))}</pre></div>\n");
            }

            html.Append("</section>\n");
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static (Dictionary<(string, string), Cell> Cells, List<string> Extra) Build(ApiResults api)
    {
        var cells = new Dictionary<(string, string), Cell>();
        foreach (var operation in api.Document.Operations)
        {
            foreach (var response in operation.Responses.Keys) cells[(operation.OperationId, response)] = new Cell();
        }

        var extra = new List<string>();
        Cell? Find(string? operationId, int? status, string what)
        {
            var operation = api.Document.Operations.FirstOrDefault(o => o.OperationId == operationId);
            var response = operation is null || status is not { } code ? null : operation.ResponseFor(code);
            if (response is null)
            {
                extra.Add(what + ": " + (operationId ?? "no operation") + " " + (status?.ToString(CultureInfo.InvariantCulture) ?? "no response"));
                return null;
            }

            return cells[(operation!.OperationId, response.Status)];
        }

        var byInteraction = new Dictionary<(string, string), CheckRecord>();
        foreach (var check in api.Checks ?? [])
        {
            byInteraction[(check.Pact, check.Description)] = check;
            Find(check.OperationId, check.Status, "pact interaction '" + check.Description + "'")?.Pacts.Add(check);
        }

        foreach (var verify in api.Verifies ?? [])
        {
            if (byInteraction.TryGetValue((verify.Pact, verify.Description), out var check))
            {
                Find(check.OperationId, check.Status, "verified interaction '" + verify.Description + "'")?.Verified.Add(verify);
            }
            else if (!verify.Passed)
            {
                extra.Add("verified interaction '" + verify.Description + "' failed: " + string.Join("; ", verify.Mismatches));
            }
        }

        foreach (var probe in api.Probes ?? [])
        {
            var cell = Find(probe.OperationId, probe.Status, "probe " + probe.Kind + " (" + probe.Curl + ")");
            cell?.Probes.Add(probe);
        }

        return (cells, extra);
    }

    private static string State(int count, bool passed, string id, string noun, List<(string, string, IEnumerable<string>)> failures, IEnumerable<(string Title, IEnumerable<string> Lines)> failed)
    {
        if (count == 0) return "<td class=\"none\" data-state=\"none\">—</td>";
        var list = failed.ToList();
        if (passed || list.Count == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"<td class=\"ok\" data-state=\"ok\">✓ {count} {noun}{(count == 1 ? string.Empty : "s")}</td>");
        }

        failures.Add((id, id, list.SelectMany(f => new[] { "• " + f.Title }.Concat(f.Lines.Select(l => "    " + l)))));
        return string.Create(CultureInfo.InvariantCulture, $"<td class=\"fail\" data-state=\"fail\"><a href=\"#{id}\">✗ {list.Count} of {count}</a></td>");
    }

    private static string Missing(ApiResults api)
    {
        var missing = new List<string>();
        if (api.Checks is null) missing.Add("check-pacts");
        if (api.Verifies is null) missing.Add("verify");
        if (api.Probes is null) missing.Add("probe");
        return missing.Count == 0 ? string.Empty : "<p class=\"bad\">Not run: " + string.Join(", ", missing) + " (their columns show nothing).</p>\n";
    }

    // The document's changes since the last release, as kernel-contracts diff classified them.
    private static string Changes(ApiResults api)
    {
        if (api.Diff is not { } diff) return string.Empty;
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<h3>Changes since {E(diff.Base)}</h3>\n");
        if (diff.Changes.Count == 0)
        {
            return html.Append("<p class=\"changes\" data-changes=\"0\">No change to the document.</p>\n").ToString();
        }

        html.Append(CultureInfo.InvariantCulture, $"<p>Suggested version bump: <strong>{E(diff.SuggestedBump)}</strong>{(diff.VersionProblem is null ? string.Empty : " — <span class=\"bad\">" + E(diff.VersionProblem) + "</span>")}</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<table class=\"changes\" data-changes=\"{diff.Changes.Count}\"><thead><tr><th>Clients</th><th>Servers</th><th>Change</th><th>Where</th></tr></thead><tbody>\n");
        foreach (var change in diff.Changes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"{Impact(change.Client)}\">{E(change.Client)}</td><td class=\"{Impact(change.Server)}\">{E(change.Server)}</td><td>{E(change.Message)}<br><small><code>{E(change.Rule)}</code></small></td><td><small>{E(change.Head ?? change.Base ?? string.Empty)}</small></td></tr>\n");
        }

        html.Append("</tbody></table>\n");
        if (diff.BrokenInteractions.Count > 0)
        {
            html.Append("<p class=\"bad\">Pact interactions the change breaks:</p><ul>\n");
            foreach (var broken in diff.BrokenInteractions) html.Append(CultureInfo.InvariantCulture, $"<li>{E(broken.Consumer)}: {E(broken.Interaction)}</li>\n");
            html.Append("</ul>\n");
        }

        return html.ToString();

        static string Impact(string impact) => impact == "Breaking" ? "fail" : impact == "Compatible" ? "ok" : "none";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Kernel.Contracts.OpenApi;

/// <summary>A server of the document: its URL and its variables (name, allowed values, default).</summary>
/// <param name="Url">The URL as written, e.g. <c>https://api.backend.ai/{version}</c>.</param>
/// <param name="Variables">Each variable with its <c>enum</c> (may be empty) and <c>default</c>.</param>
public sealed record ServerUrl(string Url, IReadOnlyList<ServerVariable> Variables);

/// <summary>A variable of a server URL: its name, its allowed values (may be none) and its default.</summary>
public sealed record ServerVariable(string Name, IReadOnlyList<string> Enum, string? Default);

/// <summary>
/// Where the operations live: the path prefix of each server URL, and a path template as a matcher. The generated
/// stubs route under <see cref="BasePaths"/>; the checks and the probe match requests with the same prefixes.
/// </summary>
public static class ServerPaths
{
    /// <summary>
    /// The path part of every server URL, each variable expanded to each of its <c>enum</c> values (or its default),
    /// in document order without repeats: <c>/api/v1</c>; <c>""</c> for a server at the root (and when there is none).
    /// </summary>
    public static IReadOnlyList<string> BasePaths(IEnumerable<ServerUrl> servers)
    {
        var result = new List<string>();
        foreach (var server in servers)
        {
            IEnumerable<string> urls = new[] { server.Url };
            foreach (var (name, values, fallback) in server.Variables)
            {
                var choices = values.Count > 0 ? values : new[] { fallback ?? string.Empty };
                urls = urls.SelectMany(u => choices.Select(v => u.Replace("{" + name + "}", v))).ToList();
            }

            foreach (var url in urls)
            {
                var path = PathOf(url);
                if (!result.Contains(path)) result.Add(path);
            }
        }

        if (result.Count == 0) result.Add(string.Empty);
        return result;
    }

    /// <summary>The path of the first server with its variables at their defaults: where requests of a probe go.</summary>
    public static string DefaultBasePath(IEnumerable<ServerUrl> servers)
    {
        var server = servers.FirstOrDefault();
        if (server is null) return string.Empty;
        var url = server.Variables.Aggregate(server.Url, (u, v) => u.Replace("{" + v.Name + "}", v.Default ?? v.Enum.FirstOrDefault() ?? string.Empty));
        return PathOf(url);
    }

    /// <summary>A server URL's path, as a prefix: a leading slash, no trailing one, <c>""</c> for the root.</summary>
    public static string PathOf(string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.OrdinalIgnoreCase)
            ? absolute.AbsolutePath
            : url.Split('?')[0];
        path = "/" + path.Trim('/');
        return path == "/" ? string.Empty : path;
    }

    /// <summary>The names of the parameters in a path template (<c>/kernel/{kernelId}</c> has <c>kernelId</c>), in order.</summary>
    public static IReadOnlyList<string> ParameterNames(string template) =>
        Regex.Matches(template, "{([^}]+)}").Cast<Match>().Select(m => m.Groups[1].Value).ToList();

    /// <summary>A regex that matches a concrete path (without the base path) against a template; each parameter is a named group (see <see cref="GroupName"/>).</summary>
    public static Regex Pattern(string template)
    {
        var pattern = "^" + Regex.Replace(Regex.Escape(template).Replace(@"\{", "{"), "{([^}]+)}", m => "(?<" + GroupName(m.Groups[1].Value) + ">[^/]+)") + "$";
        return new Regex(pattern, RegexOptions.CultureInvariant);
    }

    /// <summary>The regex group of a path parameter in <see cref="Pattern"/> (hex, since parameter names may hold any character).</summary>
    public static string GroupName(string parameter)
    {
        var text = new StringBuilder("p");
        foreach (var b in Encoding.UTF8.GetBytes(parameter)) text.Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        return text.ToString();
    }
}

using System.Linq;
using System.Net.Http;
using System.Text;

namespace Kernel.Contracts.Conformance.Probing;

/// <summary>A request as a <c>curl</c> command line (single-quoted for POSIX shells).</summary>
internal static class Curl
{
    public static string Of(HttpRequestMessage request, string? body)
    {
        var line = new StringBuilder("curl -i -X ").Append(request.Method.Method).Append(' ').Append(Quote(request.RequestUri!.ToString()));
        foreach (var header in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<System.Collections.Generic.KeyValuePair<string, System.Collections.Generic.IEnumerable<string>>>()))
        {
            if (header.Key.Equals("Content-Length", System.StringComparison.OrdinalIgnoreCase)) continue;
            line.Append(" -H ").Append(Quote(header.Key + ": " + string.Join(", ", header.Value)));
        }

        if (body is not null) line.Append(" --data-raw ").Append(Quote(body));
        return line.ToString();
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", System.StringComparison.Ordinal) + "'";
}

using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

// The member files are copied into generated classes as private members; these halves of the same partial classes
// let the tests call them.
namespace Kernel.Contracts.Support;

internal static partial class ClientMembers
{
    internal static string CallPathSegment(string value, string parameter) => PathSegment(value, parameter);

    internal static void CallAppendQuery(StringBuilder url, ref char separator, string name, string value) => AppendQuery(url, ref separator, name, value);

    internal static HttpContent CallFormContent(byte[] json) => FormContent(json);

    internal static HttpRequestMessage CallRequest(string method, string uri, string? accept) => Request(method, uri, accept);

    internal static Task<T> CallReadJsonAsync<T>(HttpResponseMessage response, JsonCodec.Reader<T> read) => ReadJsonAsync(response, read, CancellationToken.None);

    internal static Task<T> CallSendAsync<T>(HttpClient client, HttpRequestMessage request, int from, int to, JsonCodec.Reader<T> read) => SendAsync(client, request, from, to, read, CancellationToken.None);

    internal static Task CallSendAsync(HttpClient client, HttpRequestMessage request, int from, int to) => SendAsync(client, request, from, to, CancellationToken.None);
}

internal static partial class EndpointMembers
{
    internal static bool CallParseOne(StringValues values, string name, bool required, List<ValidationError> errors, out string? text) => ParseOne(values, name, required, errors, out text);

    internal static IReadOnlyList<T>? CallParseAll<T>(StringValues values, string name, bool required, List<ValidationError> errors, Func<string, string, List<ValidationError>, T> parse) =>
        ParseAll(values, name, required, errors, parse);

    internal static string CallCheckText(string text, string name, int? minLength, int? maxLength, Regex? pattern, string? format, List<ValidationError> errors) =>
        CheckText(text, name, minLength, maxLength, pattern, format, errors);

    internal static bool CallParseBoolean(string text, string name, List<ValidationError> errors) => ParseBoolean(text, name, errors);

    internal static decimal CallParseNumber(string text, string name, bool integer, decimal? minimum, bool exclusiveMinimum, decimal? maximum, bool exclusiveMaximum, decimal lowest, decimal highest, List<ValidationError> errors) =>
        ParseNumber(text, name, integer, minimum, exclusiveMinimum, maximum, exclusiveMaximum, lowest, highest, errors);

    internal static T CallParseEnum<T>(string text, string name, IReadOnlyList<T> known, Func<string, T> create, List<ValidationError> errors) => ParseEnum(text, name, known, create, errors);

    internal static Task CallWriteFrameworkProblemAsync(HttpContext context) => WriteFrameworkProblemAsync(context);

    internal static Microsoft.AspNetCore.Builder.IApplicationBuilder CallUseFrameworkProblems(Microsoft.AspNetCore.Builder.IApplicationBuilder app) => UseFrameworkProblems(app);

    internal static Task<System.Text.Json.JsonDocument?> CallReadJsonAsync(HttpContext context, bool required, int maxBodyBytes, List<ValidationError> errors) => ReadJsonAsync(context, required, maxBodyBytes, errors);

    /// <summary>The problem members by their names (the enum itself is private to the endpoints class).</summary>
    internal static Task CallWriteValidationProblemAsync(HttpContext context, string type, string title, string members, List<ValidationError> errors) =>
        WriteValidationProblemAsync(context, type, title, Enum.Parse<ProblemMembers>(members), errors);
}

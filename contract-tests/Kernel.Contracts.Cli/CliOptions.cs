using System;
using System.CommandLine;
using System.IO;
using System.Linq;

namespace Kernel.Contracts.Cli;

/// <summary>The options several commands share, defined once so they read the same everywhere.</summary>
internal static class CliOptions
{
    public static Option<string> Api(string description)
    {
        var api = new Option<string>("--api") { Description = description, Required = true };
        api.AcceptOnlyFromAmong(ApiProfile.Names);
        return api;
    }

    /// <summary>The profile of the <c>--api</c> given.</summary>
    public static ApiProfile Profile(this System.CommandLine.ParseResult parse, Option<string> api) => ApiProfile.Named(parse.GetRequiredValue(api));

    /// <summary>The credentials given to a command.</summary>
    public static GivenCredentials Credentials(System.CommandLine.ParseResult parse, Option<string?> apiKey, Option<string?> accessKey, Option<string?> secretKey) =>
        new(parse.GetValue(apiKey), parse.GetValue(accessKey), parse.GetValue(secretKey));

    /// <summary>Credentials given to a command as the profile can use them (valid requests need them when <paramref name="required"/>).</summary>
    public static void CheckCredentials(this Command command, Option<string> api, Option<string?> apiKey, Option<string?> accessKey, Option<string?> secretKey, bool required) =>
        command.Validators.Add(result =>
        {
            if (result.GetValue(api) is not { } name || !ApiProfile.Names.Contains(name)) return;
            var given = new GivenCredentials(result.GetValue(apiKey), result.GetValue(accessKey), result.GetValue(secretKey));
            if (ApiProfile.Named(name).CheckCredentials(given, required) is { } problem) result.AddError(problem);
        });

    public static Option<string> BaseUrl(string description) => new("--base-url") { Description = description, Required = true };

    public static Option<string?> ApiKey() => new("--api-key") { Description = "Platform: the API key to send in Authorization." };

    public static Option<string?> AccessKey() => new("--access-key") { Description = "Sessions: the access key each request is signed with." };

    public static Option<string?> SecretKey() => new("--secret-key") { Description = "Sessions: the secret key of --access-key." };

    public static Option<FileInfo?> Junit() => new("--junit") { Description = "Write the results as JUnit XML to this file." };

    public static Option<FileInfo?> Json() => new("--json") { Description = "Write the results as JSON to this file (the report reads it)." };

    /// <summary>An absolute http(s) URL ending in '/', or false.</summary>
    public static bool TryRootUrl(string? text, out Uri uri)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out uri!) || uri.Scheme is not ("http" or "https")) return false;
        if (!uri.AbsoluteUri.EndsWith('/')) uri = new Uri(uri.AbsoluteUri + "/");
        return true;
    }
}

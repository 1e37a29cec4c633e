using System;
using System.IO;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Conformance;

/// <summary>Our two documents, carried inside this assembly: <c>check-pacts</c> and <c>probe</c> need no repository checkout.</summary>
public static class EmbeddedDocuments
{
    /// <summary>One of our documents: <c>platform</c> or <c>sessions</c>.</summary>
    public static ApiDocument Load(string api)
    {
        using var stream = typeof(EmbeddedDocuments).Assembly.GetManifestResourceStream("spec/" + api)
            ?? throw new ArgumentException("There is no built-in document for the API '" + api + "' (platform or sessions).", nameof(api));
        using var reader = new StreamReader(stream);
        return ApiDocument.Parse("kernel-" + api + ".openapi.yaml", reader.ReadToEnd());
    }
}

namespace Kernel.Contracts.Support;

// The generator copies the members of this class into each generated client class (ClientEmitter.Helpers).
internal static partial class ClientMembers
{
    private static global::System.Net.Http.HttpContent FormContent(byte[] json)
    {
        using var document = global::System.Text.Json.JsonDocument.Parse(json);
        var fields = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var text = property.Value.ValueKind == global::System.Text.Json.JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            fields.Add(new global::System.Collections.Generic.KeyValuePair<string, string>(property.Name, text));
        }

        return new global::System.Net.Http.FormUrlEncodedContent(fields);
    }
}

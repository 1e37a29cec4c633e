namespace Kernel.Contracts.Support;

// The generator copies the members of this class into each generated client class (ClientEmitter.Helpers).
internal static partial class ClientMembers
{
    private static System.Net.Http.HttpContent FormContent(byte[] json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var fields = new System.Collections.Generic.List<System.Collections.Generic.KeyValuePair<string, string>>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var text = property.Value.ValueKind == System.Text.Json.JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            fields.Add(new System.Collections.Generic.KeyValuePair<string, string>(property.Name, text));
        }

        return new System.Net.Http.FormUrlEncodedContent(fields);
    }
}

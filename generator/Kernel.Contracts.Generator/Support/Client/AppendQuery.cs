namespace Kernel.Contracts.Support;

// The generator copies the members of this class into each generated client class (ClientEmitter.Helpers).
internal static partial class ClientMembers
{
    private static void AppendQuery(global::System.Text.StringBuilder url, ref char separator, string name, string value)
    {
        url.Append(separator).Append(global::System.Uri.EscapeDataString(name)).Append('=').Append(global::System.Uri.EscapeDataString(value));
        separator = '&';
    }
}

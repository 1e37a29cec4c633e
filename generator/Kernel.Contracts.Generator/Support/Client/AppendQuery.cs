namespace Kernel.Contracts.Support;

// The generator copies the members of this class into each generated client class (ClientEmitter.Helpers).
internal static partial class ClientMembers
{
    private static void AppendQuery(System.Text.StringBuilder url, ref char separator, string name, string value)
    {
        url.Append(separator).Append(System.Uri.EscapeDataString(name)).Append('=').Append(System.Uri.EscapeDataString(value));
        separator = '&';
    }
}

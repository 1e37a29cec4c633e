namespace Kernel.Contracts.Support;

// The generator copies the members of this class into each generated client class (ClientEmitter.Helpers).
internal static partial class ClientMembers
{
    /// <summary>An escaped path segment; empty and dot segments are refused, as URIs drop or collapse them (another resource).</summary>
    private static string PathSegment(string value, string parameter) =>
        value.Length == 0 || value is "." or ".."
            ? throw new System.ArgumentException("'" + value + "' cannot be sent as a path segment: an empty or dot segment would address another resource.", parameter)
            : System.Uri.EscapeDataString(value);
}

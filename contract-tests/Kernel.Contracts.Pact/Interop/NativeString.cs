using System.Runtime.InteropServices;

namespace Kernel.Contracts.Pact.Interop;

/// <summary>Copies strings out of the core, honouring who owns each pointer.</summary>
internal static class NativeString
{
    /// <summary>Copies a string the core keeps (static, or owned by a mock server); the pointer is not freed.</summary>
    internal static string? CopyBorrowed(nint pointer) =>
        pointer == 0 ? null : Marshal.PtrToStringUTF8(pointer);

    /// <summary>Copies a string the caller owns, then frees it with <c>pactffi_string_delete</c>.</summary>
    internal static string? TakeOwned(nint pointer)
    {
        if (pointer == 0)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(pointer);
        }
        finally
        {
            NativeMethods.pactffi_string_delete(pointer);
        }
    }
}

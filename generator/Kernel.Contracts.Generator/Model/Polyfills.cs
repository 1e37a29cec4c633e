// The generator targets netstandard2.0; records and init-only setters need this marker type.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}

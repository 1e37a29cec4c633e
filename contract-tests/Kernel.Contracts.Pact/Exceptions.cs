using System;

namespace Kernel.Contracts.Pact;

/// <summary>Base type of the errors this library raises about Pact itself.</summary>
public class PactException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public PactException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public PactException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The native Pact core could not be found or loaded; the message says how to install it.</summary>
public sealed class PactNativeLibraryNotFoundException : DllNotFoundException
{
    /// <summary>Creates the exception with a message.</summary>
    public PactNativeLibraryNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public PactNativeLibraryNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

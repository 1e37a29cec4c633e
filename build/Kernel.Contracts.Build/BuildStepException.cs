using System;

namespace Kernel.Contracts.Build;

/// <summary>An input a step cannot work with (a missing folder, an unreadable file); the tool prints it and exits 2.</summary>
internal sealed class BuildStepException(string message) : Exception(message);

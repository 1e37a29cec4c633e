using System;

namespace Kernel.Contracts.Contracts.Tests;

/// <summary>A clock the provider hosts move by hand (runs advance through their states on it).</summary>
public sealed class ManualClock : TimeProvider
{
    /// <summary>The clock's start, fixed so that the provider's answers do not depend on the wall clock.</summary>
    public static readonly DateTimeOffset Start = new(2025, 4, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly object _gate = new();
    private DateTimeOffset _now = Start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate) _now += by;
    }
}

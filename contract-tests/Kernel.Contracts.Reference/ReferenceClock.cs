using System;
using System.Threading;

namespace Kernel.Contracts.Reference;

/// <summary>
/// The clock of a reference server: another <see cref="TimeProvider"/> (the system clock by default) plus an offset
/// that provider states move, to let a pipeline run finish or to put the server out of sync with its clients.
/// </summary>
public sealed class ReferenceClock : TimeProvider
{
    private readonly TimeProvider _inner;
    private long _offsetTicks;

    /// <summary>Creates a clock that starts in step with <paramref name="inner"/>.</summary>
    public ReferenceClock(TimeProvider inner) => _inner = inner;

    /// <summary>How far this clock is ahead of the clock it wraps.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock forward (or back, for a negative <paramref name="by"/>).</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>Back in step with the wrapped clock.</summary>
    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + Offset;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;
}

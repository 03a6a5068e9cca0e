namespace Peer2Peer.Devnet.OpenvCloud;

/// <summary>
/// The devnet's time: runs <see cref="Speed"/> times faster than a base clock (so an hour of consumption
/// appears in seconds) and can be pushed forward by hand in tests. Everything that stamps or ages a
/// resource reads this clock; auth expiry reads <see cref="Base"/> so a fast devnet does not expire a
/// client's token every few seconds.
/// </summary>
/// <remarks>
/// Pass the same instance to every devnet part that must agree on "now". Timers created through this clock
/// run on the base clock scaled by <see cref="Speed"/>; <see cref="Advance"/> moves "now" but fires no timer.
/// </remarks>
public sealed class DevnetClock : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly long _baseStart;
    private readonly DateTimeOffset _origin;
    private TimeSpan _manual;

    public DevnetClock(TimeProvider baseClock, double speed = 1, DateTimeOffset? origin = null)
    {
        ArgumentNullException.ThrowIfNull(baseClock);
        if (!double.IsFinite(speed) || speed <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "clock speed must be a positive number");
        }

        Base = baseClock;
        Speed = speed;
        _baseStart = baseClock.GetTimestamp();
        _origin = origin ?? baseClock.GetUtcNow();
    }

    /// <summary>The wall clock this one is derived from (FakeTimeProvider in tests).</summary>
    public TimeProvider Base { get; }

    /// <summary>Devnet seconds per base second.</summary>
    public double Speed { get; }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        var scaled = Base.GetElapsedTime(_baseStart) * Speed;
        lock (_lock)
        {
            return _origin + scaled + _manual;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Moves devnet time forward (tests, control endpoint); never backwards.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_lock)
        {
            _manual += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Base.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : span / Speed;
}

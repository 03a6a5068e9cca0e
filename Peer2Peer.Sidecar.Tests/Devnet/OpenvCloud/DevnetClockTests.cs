using Microsoft.Extensions.Time.Testing;
using Peer2Peer.Devnet.OpenvCloud;

namespace Peer2Peer.Sidecar.Tests.Devnet.OpenvCloud;

[Category("Devnet")]
public sealed class DevnetClockTests
{
    private static readonly DateTimeOffset Origin = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void RunsSpeedTimesFasterThanItsBase()
    {
        var wall = new FakeTimeProvider(Origin);
        var clock = new DevnetClock(wall, 360, Origin);
        wall.Advance(TimeSpan.FromSeconds(10));
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Origin.AddHours(1)));
    }

    [Test]
    public void AdvanceMovesOnlyForward()
    {
        var clock = new DevnetClock(new FakeTimeProvider(Origin), 1, Origin);
        clock.Advance(TimeSpan.FromHours(3));
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Origin.AddHours(3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void RefusesABadSpeed(double speed) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new DevnetClock(TimeProvider.System, speed));

    [Test]
    public void TimersRunOnTheBaseClockScaled()
    {
        var wall = new FakeTimeProvider(Origin);
        var clock = new DevnetClock(wall, 60, Origin);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);
        wall.Advance(TimeSpan.FromMilliseconds(999));
        Assert.That(fired, Is.Zero);
        wall.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(fired, Is.EqualTo(1));
    }
}

using Microsoft.Extensions.Time.Testing;
using Peer2Peer.Sidecar.Query;

namespace Peer2Peer.Sidecar.Tests.Query;

[Category("Unit")]
public sealed class CatalogueEventLogTests
{
    private static void Append(CatalogueEventLog log, int events, TimeProvider time) =>
        log.Append(Enumerable.Range(0, events).Select(i => ("added", $"provider-{i}", (ulong?)1)), height: 10, time.GetUtcNow());

    [Test]
    public void AnIdFromBeforeARestartGetsAResyncWhateverTheNewProcessHasNumberedSince()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero));
        var earlier = new CatalogueEventLog(time);
        Append(earlier, 3, time);
        var seenBeforeRestart = earlier.LastId;

        time.Advance(TimeSpan.FromSeconds(2));
        var restarted = new CatalogueEventLog(time);
        Append(restarted, 5, time);

        Assert.That(restarted.After(seenBeforeRestart), Is.Null);
        Assert.That(restarted.After(restarted.LastId - 2)!.Select(e => e.ProviderId), Is.EqualTo(new[] { "provider-3", "provider-4" }));
    }

    [Test]
    public void AClientThatConnectedBeforeTheFirstEventResumesFromTheStartAndOneOlderThanTheBufferResyncs()
    {
        var time = new FakeTimeProvider();
        var log = new CatalogueEventLog(time, capacity: 4);
        var connectedAt = log.LastId;
        Append(log, 3, time);
        Assert.That(log.After(connectedAt), Has.Count.EqualTo(3));

        Append(log, 3, time);
        Assert.That(log.After(connectedAt), Is.Null, "the first two events left the buffer");
        Assert.That(log.After(log.LastId - 4), Has.Count.EqualTo(4));
        Assert.That(log.After(log.LastId + 1), Is.Null, "an ID this process never gave");
    }
}

using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Announcements;
using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Tests.Support;
using static Peer2Peer.Sidecar.Tests.Discovery.Announcing;

namespace Peer2Peer.Sidecar.Tests.Discovery;

/// <summary>The chain is hostile: every bad entry is skipped and counted by reason, and the follower keeps going.</summary>
[Category("Unit")]
public sealed class HostileChainTests
{
    [Test]
    public async Task EveryHostileEntryIsRejectedAndCountedWithoutStoppingTheFollower()
    {
        using var host = new CatalogueTestHost(blocks: 2);
        await host.SyncAsync();
        var network = host.Network;
        var valid = Offer(1, 1, network);
        using var wrongKey = Key(2);
        var forged = AnnouncementCodec.Sign(OfferOf(1, 1, network), wrongKey);
        var hostile = new (string Expected, byte[] Entry)[]
        {
            ("BadSignature", forged),
            ("WrongNetwork", Offer(1, 1, TestKeys.Repeat(0x43))),
            ("Malformed", valid[..^1]),
            ("Malformed", valid[..(valid.Length / 2)]),
            ("Malformed", [.. Header]),
            ("TooLarge", [.. Header, .. new byte[AnnouncementFormat.MaxEntryBytes]]),
            ("UnknownVersion", [.. Header, 2, 0, 0, 0, 0, 0, 0, 0, .. new byte[200]]),
            ("Malformed", [.. valid, 0, 1, 2, 3]),
            ("UnknownVersion", [.. Header, .. Enumerable.Repeat((byte)0xFF, 300)]),
            ("InvalidValue", ForgeSignedWithPrice(1, network, Currency.Siacoins(2_000_000))),
            ("InvalidValue", ForgeSignedWithPrice(1, network, Currency.Zero)),
            ("InvalidValue", ForgeSignedWithPrice(1, network, new Currency(UInt128.MaxValue))),
            ("InvalidValue", SignedWithHugeVcpus(network)),
            ("Malformed", ThousandsOfSizes(network)),
            ("InvalidHostAnnouncement", [.. Host(7, "host.example.com:9982")[..^1], 0]),
            ("InvalidHostAnnouncement", Host(7, "not an address")),
            ("InvalidHostAnnouncement", [.. Specifier.HostAnnouncement.ToBytes(), 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]),
        };

        foreach (var (_, entry) in hostile)
        {
            host.Siad.Extend(1, CatalogueTestHost.Carrying(entry, Foreign(7)));
        }

        host.Siad.Extend(1, CatalogueTestHost.Carrying(valid));
        await host.SyncAsync();

        var expected = hostile.GroupBy(h => h.Expected).ToDictionary(g => g.Key, g => (long)g.Count());
        var counts = host.Queries.GetCounts();
        Assert.That(host.Follower.Status.State, Is.EqualTo(SyncState.Synced));
        Assert.That(counts.Rejected, Is.EquivalentTo(expected), "each hostile entry counted once under its reason");
        Assert.That(counts.Foreign, Is.EqualTo(hostile.Length), "foreign entries are counted apart");
        Assert.That(host.Queries.ListProviders().Items.Select(p => p.Sequence), Is.EqualTo(new[] { 1UL }), "the valid one after them is accepted");
        Assert.That(counts.Hosts, Is.Zero);

        var rejectedByReason = host.Rejected.GetMeasurementSnapshot().GroupBy(m => (string)m.Tags["reason"]!).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.That(rejectedByReason, Is.EquivalentTo(expected), "metrics tagged by reason");
        Assert.That(host.Accepted.GetMeasurementSnapshot().Sum(m => m.Value), Is.EqualTo(1));
    }

    [Test]
    public async Task RejectionCountsOfAReorganizedBlockGoWithIt()
    {
        using var host = new CatalogueTestHost(blocks: 2);
        await host.MineAsync(Offer(1, 1, TestKeys.Repeat(0x43)), Foreign(1));
        Assert.That(host.Queries.GetCounts().Rejected["WrongNetwork"], Is.EqualTo(1));

        host.Siad.Rewind(1);
        host.Siad.Extend(2);
        await host.SyncAsync();

        Assert.That(host.Queries.GetCounts().Rejected, Is.Empty);
        Assert.That(host.Queries.GetCounts().Foreign, Is.Zero);
    }

    [Test]
    public async Task AnOfferSignedForAnotherChainIsRejectedEvenBeforeTheFirstRestart()
    {
        using var host = new CatalogueTestHost(blocks: 1);
        host.Siad.Extend(1, CatalogueTestHost.Carrying(Offer(1, 1, host.Network), Offer(2, 1, host.Siad.Chain[0].ParentId)));

        await host.Restart().SyncOnceAsync(CancellationToken.None);

        Assert.That(host.Queries.ListProviders().Total, Is.EqualTo(1));
        Assert.That(host.Queries.GetCounts().Rejected["WrongNetwork"], Is.EqualTo(1));
    }

    private static byte[] SignedWithHugeVcpus(Hash256 network)
    {
        // The codec accepts any vCPU count above 0; the catalogue cannot store 2^64-1 exactly and refuses it.
        var offer = OfferOf(3, 1, network);
        offer = offer with { Offer = offer.Offer! with { Locations = [offer.Offer.Locations[0] with { Sizes = [offer.Offer.Locations[0].Sizes[0] with { Vcpus = ulong.MaxValue }] }] } };
        using var key = Key(3);
        return AnnouncementCodec.Sign(offer, key);
    }
}

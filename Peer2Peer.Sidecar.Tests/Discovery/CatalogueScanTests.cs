using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Announcements;
using Peer2Peer.Sidecar.Discovery.Catalogue;
using Peer2Peer.Sidecar.Tests.Support;
using static Peer2Peer.Sidecar.Tests.Discovery.Announcing;

namespace Peer2Peer.Sidecar.Tests.Discovery;

/// <summary>The catalogue subscriber over a fake chain: announcements in, reorganizations, replays, withdrawal, expiry, Sia hosts.</summary>
[Category("Unit")]
public sealed class CatalogueScanTests
{
    [Test]
    public async Task AnAnnouncementMinedAppearsAfterOneBlockAndOneSync()
    {
        using var host = new CatalogueTestHost(blocks: 3);
        await host.SyncAsync();

        await host.MineAsync(Offer(1, sequence: 1, host.Network));

        var provider = host.Queries.GetProvider(Public(1).ToString());
        Assert.That(provider, Is.Not.Null);
        Assert.That(provider!.ApiUrl, Is.EqualTo("https://g8-1.example.com"));
        Assert.That(provider.Sizes.Select(s => (s.Location, s.SizeId, s.Vcpus, s.PricePerHour)),
            Is.EqualTo(new[] { ("be-gen-0", 1UL, 1UL, Currency.Parse("3 mS")), ("be-gen-0", 2UL, 2UL, Currency.Parse("6 mS")) }));
        Assert.That(provider.Images.Select(i => i.Name), Is.EqualTo(new[] { "Ubuntu 16.04", "Windows 2016" }));
        Assert.That(provider.LastAnnouncedHeight, Is.EqualTo(3));
        Assert.That(provider.LastAnnouncedTransaction, Is.EqualTo(host.Siad.Chain[3].Transactions[0].Id));
        Assert.That(provider.MinPricePerHour, Is.EqualTo(Currency.Parse("3 mS")));
        Assert.That(provider.Online, Is.True, "never probed is not offline");
        Assert.That(host.Queries.ListProviders().Items.Select(p => p.ProviderKey), Is.EqualTo(new[] { Public(1).ToString() }));
    }

    [Test]
    public async Task AReorganizationRemovingTheAnnouncingBlockRemovesTheOfferAndReMiningRestoresIt()
    {
        using var host = new CatalogueTestHost(blocks: 3);
        var entry = Offer(1, sequence: 1, host.Network);
        await host.MineAsync(entry);

        host.Siad.Rewind(1);
        host.Siad.Extend(2);
        await host.SyncAsync();

        Assert.That(host.Queries.GetProvider(Public(1).ToString()), Is.Null);
        var history = host.Queries.GetHistory(Public(1).ToString());
        Assert.That(history.Select(h => (h.Sequence, h.Orphaned)), Is.EqualTo(new[] { (1UL, true) }), "kept as history, flagged");
        Assert.That(host.Queries.GetHistory(Public(1).ToString(), includeOrphaned: false), Is.Empty);

        await host.MineAsync(entry);

        Assert.That(host.Queries.GetProvider(Public(1).ToString())!.LastAnnouncedHeight, Is.EqualTo(5));
        Assert.That(host.Queries.GetHistory(Public(1).ToString()).Select(h => (h.Height, h.Orphaned)), Is.EqualTo(new[] { (3UL, true), (5UL, false) }));
    }

    [Test]
    public async Task WhenSequenceNPlusOneIsOrphanedSequenceNIsCurrentAgain()
    {
        using var host = new CatalogueTestHost(blocks: 2);
        await host.MineAsync(Offer(1, sequence: 4, host.Network, url: "https://old.example.com"));
        await host.MineAsync(Offer(1, sequence: 5, host.Network, url: "https://new.example.com"));
        Assert.That(host.Queries.GetProvider(Public(1).ToString())!.ApiUrl, Is.EqualTo("https://new.example.com"));

        host.Siad.Rewind(1);
        host.Siad.Extend(3);
        await host.SyncAsync();

        var provider = host.Queries.GetProvider(Public(1).ToString())!;
        Assert.That(provider.ApiUrl, Is.EqualTo("https://old.example.com"));
        Assert.That(provider.Sequence, Is.EqualTo(4));
        Assert.That(provider.LastAnnouncedHeight, Is.EqualTo(2));
    }

    [Test]
    public async Task OnlyAStrictlyHigherSequenceReplacesTheOfferAndAReplayIsIgnored()
    {
        using var host = new CatalogueTestHost(blocks: 2);
        var first = Offer(1, sequence: 2, host.Network, url: "https://first.example.com");
        await host.MineAsync(first);
        await host.MineAsync(Offer(1, sequence: 3, host.Network, url: "https://second.example.com"));

        await host.MineAsync(first, Offer(1, sequence: 3, host.Network, url: "https://same-sequence.example.com"));

        Assert.That(host.Queries.GetProvider(Public(1).ToString())!.ApiUrl, Is.EqualTo("https://second.example.com"));
        Assert.That(host.Queries.GetCounts().Rejected["Stale"], Is.EqualTo(2));
        Assert.That(host.Queries.GetHistory(Public(1).ToString()).Select(h => h.Sequence), Is.EqualTo(new[] { 2UL, 3UL }));
    }

    [Test]
    public async Task AWithdrawalRemovesTheProviderAndALaterOfferBringsItBack()
    {
        using var host = new CatalogueTestHost(blocks: 2);
        await host.MineAsync(Offer(1, sequence: 1, host.Network), Offer(2, sequence: 1, host.Network));

        await host.MineAsync(Withdrawal(1, sequence: 2, host.Network));

        Assert.That(host.Queries.GetProvider(Public(1).ToString()), Is.Null);
        Assert.That(host.Queries.ListProviders().Items.Select(p => p.ProviderKey), Is.EqualTo(new[] { Public(2).ToString() }));
        Assert.That(host.Queries.GetHistory(Public(1).ToString()).Select(h => h.Kind), Is.EqualTo(new[] { AnnouncementKind.Offer, AnnouncementKind.Withdrawal }));

        await host.MineAsync(Offer(1, sequence: 3, host.Network));
        Assert.That(host.Queries.GetProvider(Public(1).ToString()), Is.Not.Null);
    }

    [Test]
    public async Task AnExpiredOfferLeavesTheCurrentViewOnceTheChainPassesItsExpiryHeight()
    {
        using var host = new CatalogueTestHost(blocks: 2);
        await host.MineAsync(Offer(1, sequence: 1, host.Network, expiry: 4));
        host.Siad.Extend(2);
        await host.SyncAsync();
        Assert.That(host.Queries.GetProvider(Public(1).ToString()), Is.Not.Null, "height 4: not passed yet");

        await host.MineAsync();

        Assert.That(host.Queries.GetProvider(Public(1).ToString()), Is.Null);
        Assert.That(host.Queries.ListProviders().Total, Is.Zero);
        Assert.That(host.Queries.GetCounts().Offers, Is.Zero);
        Assert.That(host.Queries.GetCounts().Providers, Is.EqualTo(1), "still known, just not current");
    }

    [Test]
    public async Task SiaHostAnnouncementsAreIndexedAndLinkedToTheOfferThatNamesTheirKey()
    {
        using var host = new CatalogueTestHost(blocks: 2);
        await host.MineAsync(Host(7, "host.example.com:9982"), Offer(1, sequence: 1, host.Network, hostKey: Public(7)), Offer(2, sequence: 1, host.Network, hostKey: Public(8)));
        await host.MineAsync(Host(7, "moved.example.com:9982"));

        var linked = host.Queries.GetProvider(Public(1).ToString())!;
        Assert.That(linked.Host, Is.EqualTo(new SiaHostView(Public(7).ToString(), "moved.example.com:9982", 2, 3)));
        Assert.That(host.Queries.GetProvider(Public(2).ToString())!.Host, Is.Null, "no verified announcement for that host key");
        Assert.That(host.Queries.GetProvider(Public(2).ToString())!.HostKey, Is.EqualTo(Public(8).ToString()));

        host.Siad.Rewind(1);
        host.Siad.Extend(1);
        await host.SyncAsync();
        Assert.That(host.Queries.GetProvider(Public(1).ToString())!.Host!.NetAddress, Is.EqualTo("host.example.com:9982"));
        Assert.That(host.Queries.GetCounts().LinkedHosts, Is.EqualTo(1));
    }

    [Test]
    public async Task ListingFiltersAndSortsByPriceVcpusAndLocation()
    {
        using var host = new CatalogueTestHost(blocks: 2);
        await host.MineAsync(Offer(1, 1, host.Network, price: "5 mS"), Offer(2, 1, host.Network, price: "1 mS"), Offer(3, 1, host.Network, price: "9 mS"));

        var byPrice = host.Queries.ListProviders(new ProviderFilter { Sort = ProviderSort.Price });
        var cheap = host.Queries.ListProviders(new ProviderFilter { MaxPricePerHour = Currency.Parse("5 mS") });
        var paged = host.Queries.ListProviders(new ProviderFilter { Sort = ProviderSort.Price, Descending = true, Offset = 1, Limit = 1 });

        Assert.That(byPrice.Items.Select(p => p.ProviderKey), Is.EqualTo(new[] { 2, 1, 3 }.Select(i => Public(i).ToString())));
        Assert.That(cheap.Items.Select(p => p.ProviderKey), Is.EqualTo(new[] { 2, 1 }.Select(i => Public(i).ToString())));
        Assert.That(paged.Total, Is.EqualTo(3));
        Assert.That(paged.Items.Single().ProviderKey, Is.EqualTo(Public(1).ToString()));
        Assert.That(host.Queries.ListProviders(new ProviderFilter { MinVcpus = 3 }).Total, Is.Zero);
        Assert.That(host.Queries.ListProviders(new ProviderFilter { Location = "be-gen-0", MinVcpus = 2 }).Total, Is.EqualTo(3));
        Assert.That(host.Queries.ListProviders(new ProviderFilter { Location = "nowhere" }).Total, Is.Zero);
    }

    [Test]
    public async Task ARestartResumesWithoutDuplicatingOrLosingAnything()
    {
        using var host = new CatalogueTestHost(blocks: 2);
        await host.MineAsync(Offer(1, 1, host.Network), Foreign(1));
        host.Siad.Extend(3, CatalogueTestHost.Carrying(Offer(2, 1, host.Network)));

        await host.Restart().SyncOnceAsync(CancellationToken.None);

        Assert.That(host.Queries.ListProviders().Total, Is.EqualTo(2));
        Assert.That(host.Queries.GetCounts().Foreign, Is.EqualTo(1));
        Assert.That(host.Queries.GetHistory(Public(1).ToString()), Has.Count.EqualTo(1));
    }
}

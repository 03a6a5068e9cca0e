using Microsoft.Extensions.DependencyInjection;
using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Announcements;
using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Discovery.Catalogue;
using Peer2Peer.Sidecar.Storage;
using Peer2Peer.Sidecar.Tests.Support;
using Key = NSec.Cryptography.Key;

namespace Peer2Peer.Sidecar.Tests.Query;

/// <summary>The whole host over a fake chain into which tests mine signed offers from generated providers.</summary>
public sealed class CatalogueHost : IAsyncDisposable
{
    private static readonly string[] Locations = ["be-gen-1", "ch-zrh-1", "us-nyc-1"];
    private readonly Random _random;
    private int _next;

    public CatalogueHost(int seed, IDictionary<string, string?>? settings = null, bool kestrel = false)
    {
        _random = new Random(seed);
        Seed = seed;
        Siad = new FakeSiadClient(blocks: 12);
        Factory = new SidecarFactory(Siad, settings ?? new Dictionary<string, string?> { ["Discovery:ProbeEnabled"] = "false" }, kestrel: kestrel);
        Client = kestrel ? new HttpClient { BaseAddress = Factory.ServerAddress } : Factory.CreateClient();
    }

    public int Seed { get; }

    public FakeSiadClient Siad { get; }

    public SidecarFactory Factory { get; }

    public HttpClient Client { get; }

    /// <summary>Every offer announced so far, by provider ID (the test's own record, to compute expectations).</summary>
    public Dictionary<string, (Key Key, Announcement Announcement)> Offers { get; } = [];

    public Hash256 Network => Siad.Chain[0].Id;

    public Announcement RandomOffer(Key key, ulong sequence)
    {
        var locations = Locations.Where(_ => _random.Next(3) > 0).DefaultIfEmpty(Locations[0]).ToArray();
        return new Announcement
        {
            Network = Network,
            ProviderKey = SiaPublicKey.Ed25519(Ed25519.PublicKeyOf(key)),
            Sequence = sequence,
            ExpiryHeight = 1_000_000,
            Offer = new Offer
            {
                ApiUrl = $"https://g8-{_next}.example.com",
                PayoutAddress = TestKeys.AddressA,
                ChannelKey = SiaPublicKey.Ed25519(Ed25519.PublicKeyOf(key)),
                Locations = locations.Select(l => new OfferLocation(l,
                    Enumerable.Range(1, _random.Next(1, 4)).Select(i =>
                    {
                        var vcpus = (ulong)(1 << _random.Next(0, 4));
                        return new OfferSize((ulong)i, $"size-{vcpus}", vcpus, vcpus * 1024 * (ulong)_random.Next(1, 3), [10, 20],
                            Currency.Parse($"{_random.Next(1, 100)} mS"));
                    }).ToArray(),
                    [new OfferImage(1, "Ubuntu 22.04", 10)])).ToArray(),
            },
        };
    }

    /// <summary>Mines one block announcing <paramref name="count"/> new providers; returns their IDs.</summary>
    public async Task<string[]> AddProvidersAsync(int count)
    {
        var ids = new List<string>();
        var entries = new List<byte[]>();
        for (var i = 0; i < count; i++)
        {
            var key = Ed25519.ImportSeed(Blake2b.Hash(BitConverter.GetBytes(Seed * 100_000 + _next++)).ToArray());
            var announcement = RandomOffer(key, 1);
            Offers[announcement.ProviderKey.ToString()] = (key, announcement);
            entries.Add(AnnouncementCodec.Sign(announcement, key));
            ids.Add(announcement.ProviderKey.ToString());
        }

        await MineAsync(entries);
        return ids.ToArray();
    }

    /// <summary>Re-announces a provider with the next sequence and a new offer.</summary>
    public async Task<Announcement> UpdateAsync(string id)
    {
        var (key, old) = Offers[id];
        var announcement = RandomOffer(key, old.Sequence + 1);
        Offers[id] = (key, announcement);
        await MineAsync([AnnouncementCodec.Sign(announcement, key)]);
        return announcement;
    }

    public async Task MineAsync(IReadOnlyList<byte[]> entries)
    {
        Siad.Extend(1, entries.Select((e, i) => new Transaction { ArbitraryData = [e], MinerFees = [new Currency((ulong)i + 1)] }).ToArray());
        await SyncAsync();
    }

    public Task SyncAsync() => Factory.Services.GetRequiredService<ChainFollower>().SyncOnceAsync(CancellationToken.None);

    /// <summary>Waits, without reading the query snapshot (which would rebuild it), until the background refresh caught up.</summary>
    public async Task UntilQueryCurrentAsync(CancellationToken cancellationToken)
    {
        var index = Factory.Services.GetRequiredService<Peer2Peer.Sidecar.Query.CatalogueIndex>();
        var changes = Factory.Services.GetRequiredService<CatalogueChanges>();
        while (index.SnapshotVersion != changes.Version)
        {
            await Task.Delay(5, cancellationToken);
        }
    }

    /// <summary>Writes probe state for a provider, as the prober would, and signals the change.</summary>
    public void SetHealth(string id, bool online, double uptime24h)
    {
        using (var connection = Factory.Services.GetRequiredService<SidecarDatabase>().Open())
        using (var command = connection.Command(null, """
            INSERT OR REPLACE INTO provider_health (provider_key, online, last_outcome, last_probe_at, latency_ms, uptime_24h, uptime_7d)
            VALUES ($key, $online, $outcome, 0, 5, $uptime, $uptime)
            """, ("$key", id), ("$online", online ? 1 : 0), ("$outcome", online ? "Up" : "Down"), ("$uptime", uptime24h)))
        {
            command.ExecuteNonQuery();
        }

        Factory.Services.GetRequiredService<CatalogueChanges>().Bump();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}

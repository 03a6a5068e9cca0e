using System.Globalization;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Announcements;
using Peer2Peer.Sidecar.Discovery.Catalogue;
using Peer2Peer.Sidecar.Discovery.Probing;
using Peer2Peer.Sidecar.Query;

namespace Peer2Peer.Sidecar.Tests.Query;

/// <summary>
/// The column scan of <see cref="ProviderSearch"/> against the plain definition (filter with
/// <see cref="ProviderQuery.SizeMatches"/>, sort everything, skip to the cursor, take a page) on random snapshots full of
/// ties, walking every page, including cursors whose provider has since left the catalogue.
/// </summary>
[Category("Unit")]
public sealed class ProviderSearchTests
{
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("P2P_TEST_SEED"), out var s) ? s : 20261125;

    [Test]
    public void EveryPageOfRandomQueriesMatchesTheDefinition()
    {
        var random = new Random(Seed);
        for (var round = 0; round < 20; round++)
        {
            var providers = Enumerable.Range(0, random.Next(0, 120)).Select(_ => RandomProvider(random)).ToArray();
            var snapshot = new CatalogueSnapshot(1, 0, providers);
            var shrunk = new CatalogueSnapshot(2, 0, providers.Where(_ => random.Next(3) > 0).ToArray());
            for (var q = 0; q < 25; q++)
            {
                var query = RandomQuery(random);
                ProviderCursor? cursor = null;
                for (var page = 0; page < 200; page++)
                {
                    var paged = query with { After = cursor };
                    // Every other page is read from a snapshot that lost providers, possibly the cursor's own.
                    var target = page % 2 == 1 ? shrunk : snapshot;
                    var actual = ProviderSearch.Run(target, paged);
                    var expected = Reference(target, paged);
                    var context = $"seed {Seed}, round {round}, query {q} ({paged}), page {page}";
                    Assert.That(actual.Total, Is.EqualTo(expected.Total), context);
                    Assert.That(actual.Items.Select(m => (m.Provider.ProviderKey, m.BestSize)), Is.EqualTo(expected.Items.Select(m => (m.Provider.ProviderKey, m.BestSize))), context);
                    Assert.That(actual.Next, Is.EqualTo(expected.Next), context);
                    cursor = actual.Next;
                    if (cursor is null)
                    {
                        break;
                    }
                }
            }
        }
    }

    /// <summary>The definition, written for clarity rather than speed.</summary>
    private static ProviderSearchResult Reference(CatalogueSnapshot snapshot, ProviderQuery query)
    {
        var matches = snapshot.Providers
            .Where(p => !(query.OnlineOnly && !p.Online) && !(query.MinUptime is { } m && (p.Health is null || p.Health.Uptime24h < m)))
            .Select(p => (Provider: p, Best: p.Sizes.Where(query.SizeMatches).Aggregate((CatalogueSize?)null, (best, sz) => best is null || sz.PricePerHour < best.PricePerHour ? sz : best)))
            .Where(m => m.Best is not null)
            .ToList();
        string Value(ProviderView p, CatalogueSize best) => query.Sort switch
        {
            ProviderSortKey.Uptime => (p.Health?.Uptime24h ?? -1).ToString("R", CultureInfo.InvariantCulture),
            ProviderSortKey.Announced => p.LastAnnouncedHeight.ToString(CultureInfo.InvariantCulture),
            _ => best.PricePerHour.Hastings.ToString(CultureInfo.InvariantCulture),
        };
        int CompareValues(string a, string b) => query.Sort == ProviderSortKey.Uptime
            ? double.Parse(a, CultureInfo.InvariantCulture).CompareTo(double.Parse(b, CultureInfo.InvariantCulture))
            : UInt128.Parse(a, CultureInfo.InvariantCulture).CompareTo(UInt128.Parse(b, CultureInfo.InvariantCulture));
        int Order((string Value, string Key) a, (string Value, string Key) b)
        {
            var byValue = CompareValues(a.Value, b.Value) * (query.Descending ? -1 : 1);
            return byValue != 0 ? byValue : string.CompareOrdinal(a.Key, b.Key);
        }

        var sorted = matches.Select(m => (m.Provider, m.Best, Position: (Value: Value(m.Provider, m.Best!), Key: m.Provider.ProviderKey))).ToList();
        sorted.Sort((a, b) => Order(a.Position, b.Position));
        var after = sorted.Where(m => query.After is not { } c || Order(m.Position, (c.Value, c.ProviderId)) > 0).ToList();
        var page = after.Take(query.Limit).ToList();
        var next = after.Count > query.Limit ? new ProviderCursor(query.Sort, query.Descending, page[^1].Position.Value, page[^1].Position.Key) : null;
        return new ProviderSearchResult(page.Select(m => new ProviderMatch(m.Provider, m.Best)).ToArray(), matches.Count, next);
    }

    private static ProviderQuery RandomQuery(Random random) => new()
    {
        Location = Pick(random, null, null, "be-gen-1", "ch-zrh-1", "nowhere"),
        MinVcpus = (ulong)Pick(random, 0, 0, 2, 4),
        MinMemoryMiB = (ulong)Pick(random, 0, 0, 2048),
        SizeName = Pick(random, null, null, null, "small", "LARGE", "unknown"),
        MaxPricePerHour = Pick<Currency?>(random, null, null, Currency.Parse("3 mS")),
        OnlineOnly = random.Next(3) == 0,
        MinUptime = Pick<double?>(random, null, null, null, 0.5),
        Sort = (ProviderSortKey)random.Next(3),
        Descending = random.Next(2) == 0,
        Limit = random.Next(1, 8),
    };

    private static ProviderView RandomProvider(Random random)
    {
        var key = "ed25519:" + Convert.ToHexStringLower(Enumerable.Range(0, 32).Select(_ => (byte)random.Next(256)).ToArray());
        var sizes = Enumerable.Range(0, random.Next(0, 5)).Select(i =>
        {
            var vcpus = (ulong)Pick(random, 1, 2, 4, 8);
            return new CatalogueSize(Pick(random, "be-gen-1", "ch-zrh-1", "us-nyc-1"), (ulong)i + 1, Pick(random, "small", "SMALL", "Large", "large"),
                vcpus, vcpus * 1024, [10], Currency.Parse($"{random.Next(1, 6)} mS"));
        }).ToArray();
        ProviderHealth? health = random.Next(3) == 0 ? null
            : new ProviderHealth(random.Next(4) > 0, ProbeOutcome.Up, DateTimeOffset.UnixEpoch, 5, Pick(random, 0, 0.5, 0.9, 1), 1);
        return new ProviderView(key, 1, "https://example.com", default, key, new Capacity(0, 0, 0), 100, 1, (ulong)random.Next(1, 6),
            default, default, Currency.Parse("1 mS"), null, null, health, sizes, []);
    }

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];
}

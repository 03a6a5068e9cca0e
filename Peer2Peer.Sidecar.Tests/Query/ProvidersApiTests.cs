using System.Net;
using Newtonsoft.Json.Linq;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Announcements;

namespace Peer2Peer.Sidecar.Tests.Query;

/// <summary>GET /api/providers against a host whose catalogue is fed by mined offers; expectations computed from the offers.</summary>
[Category("Unit")]
public sealed class ProvidersApiTests
{
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("P2P_TEST_SEED"), out var s) ? s : 20261125;

    private static async Task<JObject> GetAsync(CatalogueHost host, string query)
    {
        var response = await host.Client.GetAsync("/api/providers" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JObject.Parse(body);
    }

    /// <summary>What the API should answer: cheapest matching size per provider, ordered by (price, ID).</summary>
    private static List<(string Id, Currency Price)> Expected(CatalogueHost host, Func<OfferLocation, OfferSize, bool> sizeMatches, bool descending = false)
    {
        var matches = host.Offers
            .Select(o => (Id: o.Key, Sizes: o.Value.Announcement.Offer!.Locations.SelectMany(l => l.Sizes.Where(sz => sizeMatches(l, sz))).ToArray()))
            .Where(o => o.Sizes.Length > 0)
            .Select(o => (o.Id, Price: o.Sizes.Min(sz => sz.PricePerHour)))
            .ToList();
        return descending
            ? matches.OrderByDescending(m => m.Price.Hastings).ThenBy(m => m.Id, StringComparer.Ordinal).ToList()
            : matches.OrderBy(m => m.Price.Hastings).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
    }

    private static async Task<List<JObject>> AllPagesAsync(CatalogueHost host, string query, int limit)
    {
        var items = new List<JObject>();
        string? cursor = null;
        for (var page = 0; page < 1000; page++)
        {
            var body = await GetAsync(host, $"{query}&limit={limit}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            items.AddRange(body["items"]!.Cast<JObject>());
            Assert.That(body["items"]!.Count(), Is.LessThanOrEqualTo(limit));
            cursor = (string?)body["nextCursor"];
            if (cursor is null)
            {
                return items;
            }
        }

        throw new AssertionException("paging never ended");
    }

    [TestCase("?location=ch-zrh-1")]
    [TestCase("?minVcpus=4")]
    [TestCase("?minMemoryMiB=8192")]
    [TestCase("?size=SIZE-2")]
    [TestCase("?maxPricePerHour=40%20mS")]
    [TestCase("?maxPricePerHour=40000000000000000000000")]
    [TestCase("?location=be-gen-1&minVcpus=2&maxPricePerHour=0.06%20SC")]
    public async Task EveryFilterMatchesTheCheapestQualifyingSize(string query)
    {
        await using var host = new CatalogueHost(Seed);
        await host.AddProvidersAsync(40);
        var filters = System.Web.HttpUtility.ParseQueryString(query);
        Currency? max = filters["maxPricePerHour"] is { } p ? Currency.Parse(p) : null;

        var expected = Expected(host, (l, sz) =>
            (filters["location"] is not { } loc || l.Code == loc)
            && sz.Vcpus >= ulong.Parse(filters["minVcpus"] ?? "0")
            && sz.MemoryMiB >= ulong.Parse(filters["minMemoryMiB"] ?? "0")
            && (filters["size"] is not { } name || string.Equals(sz.Name, name, StringComparison.OrdinalIgnoreCase))
            && (max is null || sz.PricePerHour <= max.Value));
        var body = await GetAsync(host, query + "&limit=200");

        Assert.That((int)body["total"]!, Is.EqualTo(expected.Count), $"seed {Seed}");
        Assert.That(body["items"]!.Select(i => (string)i["id"]!), Is.EqualTo(expected.Select(e => e.Id)), $"seed {Seed}");
        Assert.That(body["items"]!.Select(i => Currency.Parse((string)i["price"]!["pricePerHour"]!)), Is.EqualTo(expected.Select(e => e.Price)));
        Assert.That(expected, Is.Not.Empty, "the filter should match something");
    }

    [Test]
    public async Task SortsByPriceUptimeAndLastAnnouncedInBothDirections()
    {
        await using var host = new CatalogueHost(Seed);
        var first = await host.AddProvidersAsync(10);
        var later = await host.AddProvidersAsync(10);
        for (var i = 0; i < first.Length; i++)
        {
            host.SetHealth(first[i], online: true, uptime24h: i / 10.0);
        }

        var priceDesc = await GetAsync(host, "?sort=price&order=desc&limit=200");
        var uptime = await GetAsync(host, "?sort=uptime&order=desc&limit=200");
        var announced = await GetAsync(host, "?sort=announced&order=desc&limit=200");

        Assert.That(priceDesc["items"]!.Select(i => (string)i["id"]!), Is.EqualTo(Expected(host, (_, _) => true, descending: true).Select(e => e.Id)));
        Assert.That(uptime["items"]!.Take(10).Select(i => (string)i["id"]!), Is.EqualTo(first.Reverse()), "highest uptime first; never probed last");
        Assert.That(announced["items"]!.Take(10).Select(i => (string)i["id"]!), Is.EquivalentTo(later));
    }

    [Test]
    public async Task OnlineOnlyAndMinimumUptimeUseTheProbes()
    {
        await using var host = new CatalogueHost(Seed);
        var ids = await host.AddProvidersAsync(6);
        host.SetHealth(ids[0], online: false, uptime24h: 0.2);
        host.SetHealth(ids[1], online: true, uptime24h: 0.95);
        host.SetHealth(ids[2], online: true, uptime24h: 0.5);

        var online = await GetAsync(host, "?onlineOnly=true&limit=200");
        var reliable = await GetAsync(host, "?minUptime=0.9");

        Assert.That(online["items"]!.Select(i => (string)i["id"]!), Does.Not.Contain(ids[0]));
        Assert.That((int)online["total"]!, Is.EqualTo(5), "never-probed providers count as online");
        Assert.That(reliable["items"]!.Select(i => (string)i["id"]!), Is.EqualTo(new[] { ids[1] }));
        Assert.That((double)reliable["items"]![0]!["uptime24h"]!, Is.EqualTo(0.95));
    }

    [Test]
    public async Task PagingWalksEveryMatchOnceAndTheLastPageHasNoCursor()
    {
        await using var host = new CatalogueHost(Seed);
        await host.AddProvidersAsync(23);

        var walked = await AllPagesAsync(host, "?sort=price", limit: 5);
        var empty = await GetAsync(host, "?location=nowhere");

        Assert.That(walked.Select(i => (string)i["id"]!), Is.EqualTo(Expected(host, (_, _) => true).Select(e => e.Id)));
        Assert.That((int)empty["total"]!, Is.Zero);
        Assert.That(empty["items"]!, Is.Empty);
        Assert.That(empty["nextCursor"]!.Type, Is.EqualTo(JTokenType.Null));
    }

    [Test]
    public async Task ACursorStaysStableWhileProvidersAreAddedAndUpdated()
    {
        await using var host = new CatalogueHost(Seed);
        var original = await host.AddProvidersAsync(15);
        var firstPage = await GetAsync(host, "?sort=announced&limit=5");
        var seen = firstPage["items"]!.Select(i => (string)i["id"]!).ToList();

        await host.AddProvidersAsync(5);
        var rest = new List<string>();
        var cursor = (string?)firstPage["nextCursor"];
        while (cursor is not null)
        {
            var page = await GetAsync(host, "?sort=announced&limit=5&cursor=" + Uri.EscapeDataString(cursor));
            rest.AddRange(page["items"]!.Select(i => (string)i["id"]!));
            cursor = (string?)page["nextCursor"];
        }

        Assert.That(seen.Concat(rest), Is.Unique, "no provider twice");
        Assert.That(seen.Concat(rest), Is.SupersetOf(original), "no provider of the first listing skipped");
    }

    [Test]
    public async Task ItemsCarryEverythingAConsumerNeedsToBuy()
    {
        await using var host = new CatalogueHost(Seed);
        var id = (await host.AddProvidersAsync(1))[0];
        var offer = host.Offers[id].Announcement.Offer!;

        var item = (JObject)(await GetAsync(host, ""))["items"]![0]!;
        var detail = JObject.Parse(await host.Client.GetStringAsync("/api/providers/" + Uri.EscapeDataString(id)));

        Assert.That((string)item["apiUrl"]!, Is.EqualTo(offer.ApiUrl));
        Assert.That(item["locations"]!.Values<string>(), Is.EquivalentTo(offer.Locations.Select(l => l.Code)));
        Assert.That(item["sizes"]!.Count(), Is.EqualTo(offer.Locations.Sum(l => l.Sizes.Count)));
        Assert.That((string)item["sizes"]![0]!["pricePerHourSc"]!, Is.EqualTo(offer.Locations[0].Sizes[0].PricePerHour.ToSiacoinString()));
        Assert.That(item["images"]!.Count(), Is.EqualTo(offer.Locations.Count));
        Assert.That((string)item["payoutAddress"]!, Is.EqualTo(offer.PayoutAddress.ToString()));
        Assert.That((ulong)item["announcedHeight"]!, Is.EqualTo(host.Siad.TipHeight));
        Assert.That((string)item["transactionId"]!, Is.EqualTo(host.Siad.Chain[^1].Transactions[0].Id.ToString()));
        Assert.That((bool)item["online"]!, Is.True);
        Assert.That((string)detail["id"]!, Is.EqualTo(id));
    }

    [TestCase("?minVcpus=-1", "minVcpus")]
    [TestCase("?minVcpus=lots", "minVcpus")]
    [TestCase("?minMemoryMiB=1.5", "minMemoryMiB")]
    [TestCase("?maxPricePerHour=cheap", "maxPricePerHour")]
    [TestCase("?onlineOnly=maybe", "onlineOnly")]
    [TestCase("?minUptime=2", "minUptime")]
    [TestCase("?sort=name", "sort")]
    [TestCase("?order=up", "order")]
    [TestCase("?limit=0", "limit")]
    [TestCase("?limit=201", "limit")]
    [TestCase("?cursor=garbage", "cursor")]
    [TestCase("?cursor=MXwwfDB8eHx5", "cursor")]
    public async Task AMalformedOrOutOfRangeParameterIsA400NamingIt(string query, string parameter)
    {
        await using var host = new CatalogueHost(Seed);

        var response = await host.Client.GetAsync("/api/providers" + query);
        var problem = JObject.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((string)problem["code"]!, Is.EqualTo("invalid-parameter"));
        Assert.That(((JObject)problem["errors"]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { parameter }));
        Assert.That((string)problem["title"]!, Does.Contain(parameter));
    }

    [Test]
    public async Task ACursorFromAnotherSortIsRefused()
    {
        await using var host = new CatalogueHost(Seed);
        await host.AddProvidersAsync(4);
        var cursor = (string)(await GetAsync(host, "?sort=price&limit=1"))["nextCursor"]!;

        var response = await host.Client.GetAsync("/api/providers?sort=announced&limit=1&cursor=" + Uri.EscapeDataString(cursor));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("another sort"));
    }

    [Test]
    public async Task AnUnknownProviderIsA404ProblemAndHistoryShowsOrphanedAnnouncements()
    {
        await using var host = new CatalogueHost(Seed);
        var id = (await host.AddProvidersAsync(1))[0];
        await host.UpdateAsync(id);
        host.Siad.Rewind(1);
        host.Siad.Extend(2);
        await host.SyncAsync();

        var missing = await host.Client.GetAsync("/api/providers/" + Uri.EscapeDataString("ed25519:" + new string('0', 64)));
        var history = JObject.Parse(await host.Client.GetStringAsync($"/api/providers/{Uri.EscapeDataString(id)}/history"));
        var current = JObject.Parse(await host.Client.GetStringAsync("/api/providers/" + Uri.EscapeDataString(id)));

        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((string)JObject.Parse(await missing.Content.ReadAsStringAsync())["code"]!, Is.EqualTo("provider-not-found"));
        Assert.That(history["announcements"]!.Select(a => ((ulong)a["sequence"]!, (bool)a["orphaned"]!)), Is.EqualTo(new[] { (1UL, false), (2UL, true) }));
        Assert.That((ulong)current["sequence"]!, Is.EqualTo(1), "sequence 2 was orphaned: 1 is current again");
    }
}

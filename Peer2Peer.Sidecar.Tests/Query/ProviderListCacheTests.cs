using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Peer2Peer.Sidecar.Api;
using Peer2Peer.Sidecar.Query;

namespace Peer2Peer.Sidecar.Tests.Query;

/// <summary>The serialized-answer cache of GET /api/providers: same answers as without it, never one of an older snapshot.</summary>
[Category("Unit")]
public sealed class ProviderListCacheTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static async Task<string> GetAsync(CatalogueHost host, string query)
    {
        var response = await host.Client.GetAsync("/api/providers" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("application/json; charset=utf-8"));
        return body;
    }

    [Test]
    public async Task ARepeatedQueryIsServedFromTheCacheUntilTheCatalogueChanges()
    {
        await using var host = new CatalogueHost(20261125);
        await host.AddProvidersAsync(6);
        var cache = host.Factory.Services.GetRequiredService<ProviderListCache>();

        var first = await GetAsync(host, "?sort=price&order=desc&limit=4");
        var (hits, misses) = (cache.Hits, cache.Misses);
        var again = await GetAsync(host, "?limit=4&order=DESC&sort=Price");
        Assert.That(again, Is.EqualTo(first), "the same parsed query shares one answer");
        Assert.That((cache.Hits - hits, cache.Misses - misses), Is.EqualTo((1L, 0L)));

        await host.AddProvidersAsync(2);
        var after = await GetAsync(host, "?sort=price&order=desc&limit=4");
        Assert.That((int)JObject.Parse(after)["total"]!, Is.EqualTo(8), "a catalogue change is visible at once");
        Assert.That(cache.Misses - misses, Is.EqualTo(1));
    }

    [Test]
    public async Task PagesWithDifferentCursorsAreDifferentEntries()
    {
        await using var host = new CatalogueHost(20261125);
        await host.AddProvidersAsync(7);

        var first = JObject.Parse(await GetAsync(host, "?sort=announced&limit=3"));
        var cursor = Uri.EscapeDataString((string)first["nextCursor"]!);
        var second = JObject.Parse(await GetAsync(host, "?sort=announced&limit=3&cursor=" + cursor));
        var secondAgain = JObject.Parse(await GetAsync(host, "?sort=announced&limit=3&cursor=" + cursor));

        Assert.That(second["items"]!.Select(i => (string)i["id"]!), Is.Not.EquivalentTo(first["items"]!.Select(i => (string)i["id"]!)));
        Assert.That(secondAgain.ToString(), Is.EqualTo(second.ToString()));
    }

    [Test]
    public void WhenFullItStartsOverAndAnOlderSnapshotIsAnsweredUncached()
    {
        var cache = new ProviderListCache(Web, maxEntries: 2, maxBytes: long.MaxValue);
        var renders = 0;
        ProviderListResponse Render()
        {
            renders++;
            return new ProviderListResponse(renders, 1, null, 0, []);
        }

        var v1 = new CatalogueSnapshot(1, 0, []);
        var v2 = new CatalogueSnapshot(2, 0, []);
        cache.GetOrRender(v1, new ProviderQuery { Limit = 1 }, Render);
        cache.GetOrRender(v1, new ProviderQuery { Limit = 2 }, Render);
        Assert.That(cache.Count, Is.EqualTo(2));
        cache.GetOrRender(v1, new ProviderQuery { Limit = 3 }, Render);
        Assert.That(cache.Count, Is.Zero, "full: started over");

        var fresh = cache.GetOrRender(v2, new ProviderQuery { Limit = 1 }, Render);
        var stale = cache.GetOrRender(v1, new ProviderQuery { Limit = 1 }, Render);
        var staleAgain = cache.GetOrRender(v1, new ProviderQuery { Limit = 1 }, Render);
        Assert.That(JObject.Parse(System.Text.Encoding.UTF8.GetString(fresh))["total"]!.Value<int>(), Is.EqualTo(4));
        Assert.That(stale, Is.Not.EqualTo(staleAgain), "a request on an older snapshot is rendered each time, never cached");
        Assert.That(cache.GetOrRender(v2, new ProviderQuery { Limit = 1 }, Render), Is.SameAs(fresh));
    }

    [Test]
    public void TheByteBoundAlsoStartsOver()
    {
        var cache = new ProviderListCache(Web, maxEntries: 100, maxBytes: 150);
        var snapshot = new CatalogueSnapshot(1, 0, []);
        for (var limit = 1; limit <= 3; limit++)
        {
            cache.GetOrRender(snapshot, new ProviderQuery { Limit = limit }, () => new ProviderListResponse(0, limit, null, 0, []));
        }

        Assert.That(cache.Count, Is.LessThan(3));
    }

    [Test]
    public async Task TheOpenApiDocumentStillDescribesTheListResponse()
    {
        await using var host = new CatalogueHost(20261125);

        var document = JObject.Parse(await host.Client.GetStringAsync("/openapi/v1.json"));
        var ok = document["paths"]!["/api/providers"]!["get"]!["responses"]!["200"]!;

        Assert.That(ok["content"]!["application/json"]!["schema"]!.ToString(), Does.Contain("ProviderListResponse"));
    }
}

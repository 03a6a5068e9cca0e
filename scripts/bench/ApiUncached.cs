using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Api;
using Peer2Peer.Sidecar.Discovery.Catalogue;
using Peer2Peer.Sidecar.Hosting;
using Peer2Peer.Sidecar.Query;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Bench;

/// <summary>
/// What a list request costs when its answer is not cached (first request after a catalogue change, or a query nobody
/// asked before): snapshot load, then search, mapping and serialization of representative queries, in-process.
/// </summary>
internal static class ApiUncached
{
    public static int Run(int providers, string? keep)
    {
        var data = Path.GetFullPath(keep ?? Path.Combine(Path.GetTempPath(), $"p2p-bench-api-uncached-{providers}"));
        if (!File.Exists(Path.Combine(data, SidecarDatabase.FileName)))
        {
            ApiCatalogueFill.Fill(data, providers);
        }

        var changes = new CatalogueChanges();
        changes.Bump();
        var index = new CatalogueIndex(new SidecarDatabase(Options.Create(new SidecarOptions { DataDirectory = data })), changes,
            new CatalogueEventLog(TimeProvider.System), TimeProvider.System, NullLogger<CatalogueIndex>.Instance);
        var watch = Stopwatch.StartNew();
        var snapshot = index.Current();
        Console.WriteLine($"Uncached list requests: snapshot of {snapshot.Providers.Count:N0} providers loaded in {watch.Elapsed.TotalSeconds:F1} s, {Environment.ProcessorCount} cores");
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        foreach (var (name, query) in new (string, ProviderQuery)[]
                 {
                     ("sort=price", new ProviderQuery { Limit = 30 }),
                     ("sort=uptime&order=desc", new ProviderQuery { Limit = 30, Sort = ProviderSortKey.Uptime, Descending = true }),
                     ("location, maxPricePerHour=0.1 SC, onlineOnly", new ProviderQuery { Limit = 30, Location = "ch-zrh-1", MaxPricePerHour = Currency.Parse("0.1 SC"), OnlineOnly = true }),
                 })
        {
            var paged = query with { After = ProviderSearch.Run(snapshot, query).Next };
            ProviderSearchResult result = null!;
            ProviderItem[] items = [];
            var search = Time(() => result = ProviderSearch.Run(snapshot, paged));
            var map = Time(() => items = result.Items.Select(ProviderMapping.ToItem).ToArray());
            var serialize = Time(() => JsonSerializer.SerializeToUtf8Bytes(new ProviderListResponse(result.Total, query.Limit, null, 0, items), json));
            Console.WriteLine($"{name + " (2nd page)",-44} search {search:F2} ms, map {map:F2} ms, serialize {serialize:F2} ms");
        }

        return 0;
    }

    /// <summary>Mean milliseconds of <paramref name="action"/> over about half a second, after a warm-up.</summary>
    private static double Time(Action action)
    {
        for (var i = 0; i < 5; i++)
        {
            action();
        }

        var watch = Stopwatch.StartNew();
        var runs = 0;
        while (watch.ElapsedMilliseconds < 500)
        {
            action();
            runs++;
        }

        return watch.Elapsed.TotalMilliseconds / runs;
    }
}

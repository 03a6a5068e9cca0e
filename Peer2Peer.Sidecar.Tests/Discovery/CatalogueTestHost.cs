using System.Diagnostics.Metrics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Discovery;
using Peer2Peer.Sidecar.Discovery.Catalogue;
using Peer2Peer.Sidecar.Siad;
using Peer2Peer.Sidecar.Storage;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Discovery;

/// <summary>A fake chain, a migrated temp database and a follower whose only subscriber is the catalogue.</summary>
public sealed class CatalogueTestHost : IDisposable
{
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public CatalogueTestHost(int blocks = 1)
    {
        Siad = new FakeSiadClient(blocks);
        Metrics = new DiscoveryMetrics(_meters.GetRequiredService<IMeterFactory>());
        Accepted = new MetricCollector<long>(_meters.GetRequiredService<IMeterFactory>(), DiscoveryMetrics.MeterName, "sidecar.announcements.accepted");
        Rejected = new MetricCollector<long>(_meters.GetRequiredService<IMeterFactory>(), DiscoveryMetrics.MeterName, "sidecar.announcements.rejected");
        Queries = new CatalogueQueries(Chain.Database);
    }

    public ChainTestHost Chain { get; } = new();

    public FakeSiadClient Siad { get; }

    public DiscoveryMetrics Metrics { get; }

    public MetricCollector<long> Accepted { get; }

    public MetricCollector<long> Rejected { get; }

    public CatalogueQueries Queries { get; }

    public SidecarDatabase Database => Chain.Database;

    public Hash256 Network => Siad.Chain[0].Id;

    /// <summary>A new follower and subscriber over the same database: what a restarted process has.</summary>
    public ChainFollower Restart(params IChainSubscriber[] after) =>
        Chain.Follower(Siad, [new CatalogueSubscriber(Metrics, new CatalogueChanges(), NullLogger<CatalogueSubscriber>.Instance), .. after], batchSize: 7);

    /// <summary>Mines one block carrying one transaction with the entries, then syncs.</summary>
    public async Task MineAsync(params byte[][] entries)
    {
        Siad.Extend(1, Carrying(entries));
        await SyncAsync();
    }

    public Task SyncAsync() => Follower.SyncOnceAsync(CancellationToken.None);

    public ChainFollower Follower => _follower ??= Restart();

    private ChainFollower? _follower;

    public static Transaction Carrying(params byte[][] entries) => new() { ArbitraryData = entries };

    public void Dispose()
    {
        Accepted.Dispose();
        Rejected.Dispose();
        _meters.Dispose();
        Chain.Dispose();
    }

    /// <summary>The chain-derived catalogue as comparable text (orphaned history excluded: a fresh scan never saw it).</summary>
    public static IReadOnlyList<string> Snapshot(SidecarDatabase database)
    {
        string[] queries =
        [
            "SELECT * FROM providers ORDER BY provider_key",
            "SELECT * FROM offer_sizes ORDER BY provider_key, location_index, size_index",
            "SELECT * FROM offer_images ORDER BY provider_key, location_index, image_index",
            "SELECT provider_key, sequence, kind, expiry_height, height, block_id, transaction_id, transaction_index, entry_index, entry FROM announcements WHERE orphaned = 0 ORDER BY height, transaction_index, entry_index",
            "SELECT * FROM host_announcements WHERE orphaned = 0 ORDER BY height, transaction_index, entry_index",
            "SELECT * FROM sia_hosts ORDER BY host_key",
            "SELECT * FROM scan_counts ORDER BY height, reason",
            "SELECT * FROM scan_totals WHERE count <> 0 ORDER BY reason",
        ];
        using var connection = database.Open();
        var rows = new List<string>();
        foreach (var sql in queries)
        {
            rows.Add($"-- {sql}");
            using var command = connection.Command(null, sql);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Show(reader, i))));
            }
        }

        return rows;
    }

    private static string Show(SqliteDataReader reader, int i) => reader.GetValue(i) switch
    {
        byte[] blob => Convert.ToHexString(blob),
        DBNull => "null",
        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}

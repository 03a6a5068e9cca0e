using Microsoft.Data.Sqlite;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Announcements;
using Peer2Peer.Sidecar.Discovery.Probing;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Discovery.Catalogue;

public static partial class ProviderRepository
{
    private const string ProviderColumns = """
        p.provider_key, p.sequence, p.api_url, p.payout_address, p.channel_key, p.max_vcpus, p.max_memory_mib, p.max_machines,
        p.expiry_height, p.first_announced_height, p.last_announced_height, p.last_announced_block, p.last_announced_transaction, p.min_price,
        p.host_key, s.net_address, s.first_seen_height, s.last_announced_height,
        h.online, h.last_outcome, h.last_probe_at, h.latency_ms, h.uptime_24h, h.uptime_7d
        """;

    private const string ProviderJoins = """
        FROM providers p
        LEFT JOIN sia_hosts s ON s.host_key = p.host_key
        LEFT JOIN provider_health h ON h.provider_key = p.provider_key
        """;

    /// <summary>Current providers (offer not expired at <paramref name="height"/>) matching the filter, sorted and paged.</summary>
    public static ProviderPage List(SqliteConnection connection, ulong height, ProviderFilter filter)
    {
        // A provider matches when one of its sizes meets every size filter; sorts use its best matching size.
        const string matching = """
            WITH matching AS (
                SELECT provider_key, MIN(price) AS price, MAX(vcpus) AS vcpus, MAX(memory_mib) AS memory
                FROM offer_sizes
                WHERE ($location IS NULL OR location = $location) AND vcpus >= $vcpus AND memory_mib >= $memory AND ($maxPrice IS NULL OR price <= $maxPrice)
                GROUP BY provider_key)
            """;
        const string where = "WHERE p.expiry_height >= $height AND ($online = 0 OR COALESCE(h.online, 1) = 1)";
        var order = filter.Sort switch
        {
            ProviderSort.Vcpus => "m.vcpus",
            ProviderSort.Memory => "m.memory",
            ProviderSort.LastAnnounced => "p.last_announced_height",
            ProviderSort.Uptime => "COALESCE(h.uptime_7d, 0)",
            _ => "m.price",
        };
        var direction = filter.Descending ? "DESC" : "ASC";
        (string, object?)[] parameters =
        [
            ("$location", filter.Location), ("$vcpus", Clamp(filter.MinVcpus)), ("$memory", Clamp(filter.MinMemoryMiB)),
            ("$maxPrice", filter.MaxPricePerHour?.ToBlob()), ("$height", height.ToColumn()), ("$online", filter.OnlineOnly ? 1 : 0),
            ("$limit", Math.Clamp(filter.Limit, 0, 1000)), ("$offset", Math.Max(0, filter.Offset)),
        ];

        int total;
        using (var count = connection.Command(null, $"{matching} SELECT COUNT(*) FROM matching m JOIN providers p ON p.provider_key = m.provider_key LEFT JOIN provider_health h ON h.provider_key = p.provider_key {where}", parameters))
        {
            total = Convert.ToInt32(count.ExecuteScalar());
        }

        var items = new List<ProviderView>();
        using (var select = connection.Command(null, $"{matching} SELECT {ProviderColumns} FROM matching m JOIN providers p ON p.provider_key = m.provider_key LEFT JOIN sia_hosts s ON s.host_key = p.host_key LEFT JOIN provider_health h ON h.provider_key = p.provider_key {where} ORDER BY {order} {direction}, p.provider_key LIMIT $limit OFFSET $offset", parameters))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                items.Add(ReadProvider(reader));
            }
        }

        return new ProviderPage(items.Select(p => WithOffer(connection, p)).ToArray(), total);
    }

    /// <summary>The provider's current offer, or null when it has none (never announced, withdrawn, or expired at <paramref name="height"/>).</summary>
    public static ProviderView? Get(SqliteConnection connection, ulong height, string providerKey)
    {
        using var select = connection.Command(null, $"SELECT {ProviderColumns} {ProviderJoins} WHERE p.provider_key = $key AND p.expiry_height >= $height",
            ("$key", providerKey), ("$height", height.ToColumn()));
        using var reader = select.ExecuteReader();
        return reader.Read() ? WithOffer(connection, ReadProvider(reader)) : null;
    }

    /// <summary>Every accepted announcement of the provider, oldest first, orphaned ones included and flagged.</summary>
    public static IReadOnlyList<AnnouncementRecord> History(SqliteConnection connection, string providerKey, bool includeOrphaned)
    {
        using var select = connection.Command(null, """
            SELECT sequence, kind, height, block_id, transaction_id, expiry_height, orphaned FROM announcements
            WHERE provider_key = $key AND ($orphaned = 1 OR orphaned = 0) ORDER BY height, transaction_index, entry_index, id
            """, ("$key", providerKey), ("$orphaned", includeOrphaned ? 1 : 0));
        using var reader = select.ExecuteReader();
        var history = new List<AnnouncementRecord>();
        while (reader.Read())
        {
            history.Add(new AnnouncementRecord((ulong)reader.GetInt64(0), Enum.Parse<AnnouncementKind>(reader.GetString(1)), reader.GetHeight(2),
                reader.GetHash(3), reader.GetHash(4), (ulong)reader.GetInt64(5), reader.GetInt64(6) != 0));
        }

        return history;
    }

    public static CatalogueCounts Counts(SqliteConnection connection, ulong? height)
    {
        using var select = connection.Command(null, """
            SELECT
                (SELECT COUNT(DISTINCT provider_key) FROM announcements WHERE orphaned = 0),
                (SELECT COUNT(*) FROM providers WHERE expiry_height >= $height),
                (SELECT COUNT(*) FROM offer_sizes o JOIN providers p ON p.provider_key = o.provider_key WHERE p.expiry_height >= $height),
                (SELECT COUNT(*) FROM sia_hosts),
                (SELECT COUNT(*) FROM providers p JOIN sia_hosts s ON s.host_key = p.host_key WHERE p.expiry_height >= $height),
                (SELECT COUNT(*) FROM providers p LEFT JOIN provider_health h ON h.provider_key = p.provider_key WHERE p.expiry_height >= $height AND COALESCE(h.online, 1) = 1),
                (SELECT COUNT(*) FROM announcements WHERE orphaned = 0) + (SELECT COUNT(*) FROM host_announcements WHERE orphaned = 0)
            """, ("$height", (height ?? 0).ToColumn()));
        using var reader = select.ExecuteReader();
        reader.Read();
        var skipped = ScanCountRepository.Totals(connection);
        var rejected = skipped.Where(s => s.Key != ScanTally.Foreign).ToDictionary(s => s.Key, s => s.Value);
        return new CatalogueCounts(height, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
            reader.GetInt64(5), reader.GetInt64(6), skipped.GetValueOrDefault(ScanTally.Foreign), rejected);
    }

    private static long Clamp(ulong value) => value > long.MaxValue ? long.MaxValue : (long)value;

    private static ProviderView ReadProvider(SqliteDataReader r)
    {
        var host = r.IsDBNull(15) ? null : new SiaHostView(r.GetString(14), r.GetString(15), r.GetHeight(16), r.GetHeight(17));
        var health = r.IsDBNull(18) ? null : new ProviderHealth(r.GetInt64(18) != 0, Enum.Parse<ProbeOutcome>(r.GetString(19)),
            DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(20)), r.IsDBNull(21) ? null : r.GetInt64(21), r.GetDouble(22), r.GetDouble(23));
        return new ProviderView(r.GetString(0), (ulong)r.GetInt64(1), r.GetString(2), new UnlockHash(r.GetHash(3)), r.GetString(4),
            new Capacity((ulong)r.GetInt64(5), (ulong)r.GetInt64(6), (ulong)r.GetInt64(7)), (ulong)r.GetInt64(8), r.GetHeight(9), r.GetHeight(10),
            r.GetHash(11), r.GetHash(12), r.GetCurrency(13), r.IsDBNull(14) ? null : r.GetString(14), host, health, [], []);
    }

    private static ProviderView WithOffer(SqliteConnection connection, ProviderView provider)
    {
        var sizes = new List<CatalogueSize>();
        using (var select = connection.Command(null, """
            SELECT location, size_id, name, vcpus, memory_mib, disks_gib, price FROM offer_sizes
            WHERE provider_key = $key ORDER BY location_index, size_index
            """, ("$key", provider.ProviderKey)))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                var disks = reader.GetString(5).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ulong.Parse).ToArray();
                sizes.Add(new CatalogueSize(reader.GetString(0), (ulong)reader.GetInt64(1), reader.GetString(2), (ulong)reader.GetInt64(3),
                    (ulong)reader.GetInt64(4), disks, reader.GetCurrency(6)));
            }
        }

        var images = new List<CatalogueImage>();
        using (var select = connection.Command(null, """
            SELECT location, image_id, name, min_disk_gib FROM offer_images WHERE provider_key = $key ORDER BY location_index, image_index
            """, ("$key", provider.ProviderKey)))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                images.Add(new CatalogueImage(reader.GetString(0), (ulong)reader.GetInt64(1), reader.GetString(2), (ulong)reader.GetInt64(3)));
            }
        }

        return provider with { Sizes = sizes, Images = images };
    }
}

using Microsoft.Data.Sqlite;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Discovery.Catalogue;

public static partial class ProviderRepository
{
    /// <summary>Every current provider with its sizes and images, in three queries (the query index loads its snapshot with it).</summary>
    public static IReadOnlyList<ProviderView> All(SqliteConnection connection, ulong height)
    {
        var providers = new List<ProviderView>();
        using (var select = connection.Command(null, $"SELECT {ProviderColumns} {ProviderJoins} WHERE p.expiry_height >= $height ORDER BY p.provider_key",
                   ("$height", height.ToColumn())))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                providers.Add(ReadProvider(reader));
            }
        }

        var sizes = new Dictionary<string, List<CatalogueSize>>(StringComparer.Ordinal);
        using (var select = connection.Command(null, """
            SELECT o.provider_key, o.location, o.size_id, o.name, o.vcpus, o.memory_mib, o.disks_gib, o.price FROM offer_sizes o
            JOIN providers p ON p.provider_key = o.provider_key WHERE p.expiry_height >= $height ORDER BY o.provider_key, o.location_index, o.size_index
            """, ("$height", height.ToColumn())))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                var disks = reader.GetString(6).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ulong.Parse).ToArray();
                Group(sizes, reader.GetString(0)).Add(new CatalogueSize(reader.GetString(1), (ulong)reader.GetInt64(2), reader.GetString(3),
                    (ulong)reader.GetInt64(4), (ulong)reader.GetInt64(5), disks, reader.GetCurrency(7)));
            }
        }

        var images = new Dictionary<string, List<CatalogueImage>>(StringComparer.Ordinal);
        using (var select = connection.Command(null, """
            SELECT i.provider_key, i.location, i.image_id, i.name, i.min_disk_gib FROM offer_images i
            JOIN providers p ON p.provider_key = i.provider_key WHERE p.expiry_height >= $height ORDER BY i.provider_key, i.location_index, i.image_index
            """, ("$height", height.ToColumn())))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                Group(images, reader.GetString(0)).Add(new CatalogueImage(reader.GetString(1), (ulong)reader.GetInt64(2), reader.GetString(3), (ulong)reader.GetInt64(4)));
            }
        }

        return providers.Select(p => p with
        {
            Sizes = sizes.GetValueOrDefault(p.ProviderKey) ?? [],
            Images = images.GetValueOrDefault(p.ProviderKey) ?? [],
        }).ToArray();
    }

    private static List<T> Group<T>(Dictionary<string, List<T>> groups, string key)
    {
        if (!groups.TryGetValue(key, out var list))
        {
            list = [];
            groups[key] = list;
        }

        return list;
    }
}

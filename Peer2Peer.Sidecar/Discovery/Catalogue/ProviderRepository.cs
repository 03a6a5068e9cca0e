using Microsoft.Data.Sqlite;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Announcements;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Discovery.Catalogue;

/// <summary>
/// The provider aggregate's writes: announcement history and the current offer derived from it. The current offer of a
/// key is always the one of its highest-sequence non-orphaned announcement, so a reorg only has to flag and rebuild.
/// </summary>
public static partial class ProviderRepository
{
    /// <summary>Records a verified announcement if its sequence is above the provider's current one; false for a replay.</summary>
    public static bool Accept(SqliteTransaction transaction, Announcement announcement, byte[] entry, EntryPosition at)
    {
        var key = announcement.ProviderKey.ToString();
        if (CurrentSequence(transaction, key) is { } current && (long)announcement.Sequence <= current)
        {
            return false;
        }

        transaction.Prepared("""
            INSERT INTO announcements (provider_key, sequence, kind, expiry_height, height, block_id, transaction_id, transaction_index, entry_index, entry, orphaned)
            VALUES ($key, $sequence, $kind, $expiry, $height, $block, $txn, $txnIndex, $entryIndex, $entry, 0)
            ON CONFLICT (block_id, transaction_index, entry_index) DO UPDATE SET orphaned = 0, height = excluded.height
            """,
            ("$key", key), ("$sequence", (long)announcement.Sequence), ("$kind", announcement.Kind.ToString()),
            ("$expiry", CatalogueLimits.ClampHeight(announcement.ExpiryHeight)), ("$height", at.Height.ToColumn()), ("$block", at.BlockId.ToBlob()),
            ("$txn", at.TransactionId.ToBlob()), ("$txnIndex", at.TransactionIndex), ("$entryIndex", at.EntryIndex), ("$entry", entry))
            .ExecuteNonQuery();

        WriteCurrent(transaction, key, announcement, at.Height, at.BlockId, at.TransactionId);
        return true;
    }

    /// <summary>Flags the announcements of a reorganized-away block and returns the providers whose offer must be rebuilt.</summary>
    public static IReadOnlyList<string> Orphan(SqliteTransaction transaction, Hash256 blockId)
    {
        var keys = new List<string>();
        using (var reader = transaction.Prepared("SELECT DISTINCT provider_key FROM announcements WHERE block_id = $block AND orphaned = 0", ("$block", blockId.ToBlob())).ExecuteReader())
        {
            while (reader.Read())
            {
                keys.Add(reader.GetString(0));
            }
        }

        transaction.Prepared("UPDATE announcements SET orphaned = 1 WHERE block_id = $block", ("$block", blockId.ToBlob())).ExecuteNonQuery();
        return keys;
    }

    /// <summary>Makes the provider's current offer that of its latest non-orphaned announcement again (or none).</summary>
    public static void Rebuild(SqliteTransaction transaction, string key)
    {
        // Written afresh, so that the first-announced height is that of what remains.
        Delete(transaction, key);
        using var reader = transaction.Prepared("""
            SELECT entry, height, block_id, transaction_id FROM announcements
            WHERE provider_key = $key AND orphaned = 0 ORDER BY sequence DESC LIMIT 1
            """, ("$key", key)).ExecuteReader();
        // The entry was verified when it was accepted; decoding it again cannot fail unless the row was tampered with.
        if (reader.Read() && AnnouncementCodec.Decode((byte[])reader.GetValue(0)).Announcement is { } announcement)
        {
            WriteCurrent(transaction, key, announcement, reader.GetHeight(1), reader.GetHash(2), reader.GetHash(3));
        }
    }

    private static long? CurrentSequence(SqliteTransaction transaction, string key)
    {
        return transaction.Prepared("SELECT MAX(sequence) FROM announcements WHERE provider_key = $key AND orphaned = 0", ("$key", key))
            .ExecuteScalar() is long sequence ? sequence : null;
    }

    private static void Delete(SqliteTransaction transaction, string key)
    {
        transaction.Prepared("DELETE FROM providers WHERE provider_key = $key", ("$key", key)).ExecuteNonQuery();
    }

    /// <summary>
    /// Makes <paramref name="announcement"/> the provider's current offer. The provider row is updated in place when it
    /// exists (its first-announced height cannot change when a higher sequence is accepted), so only the indexed columns
    /// that changed are rewritten; the sizes and images are replaced.
    /// </summary>
    private static void WriteCurrent(SqliteTransaction transaction, string key, Announcement announcement, ulong height, Hash256 blockId, Hash256 transactionId)
    {
        if (announcement.Offer is not { } offer)
        {
            Delete(transaction, key);
            return;
        }

        var minPrice = offer.Locations.SelectMany(l => l.Sizes).Min(s => s.PricePerHour);
        transaction.Prepared("""
            INSERT INTO providers (provider_key, sequence, api_url, payout_address, channel_key, host_key, max_vcpus, max_memory_mib, max_machines,
                expiry_height, first_announced_height, last_announced_height, last_announced_block, last_announced_transaction, min_price)
            VALUES ($key, $sequence, $url, $payout, $channel, $host, $vcpus, $memory, $machines, $expiry,
                COALESCE((SELECT first_announced_height FROM providers WHERE provider_key = $key),
                    (SELECT MIN(height) FROM announcements WHERE provider_key = $key AND orphaned = 0)), $height, $block, $txn, $price)
            ON CONFLICT (provider_key) DO UPDATE SET
                sequence = excluded.sequence, api_url = excluded.api_url, payout_address = excluded.payout_address,
                channel_key = excluded.channel_key, host_key = excluded.host_key, max_vcpus = excluded.max_vcpus,
                max_memory_mib = excluded.max_memory_mib, max_machines = excluded.max_machines, expiry_height = excluded.expiry_height,
                last_announced_height = excluded.last_announced_height, last_announced_block = excluded.last_announced_block,
                last_announced_transaction = excluded.last_announced_transaction, min_price = excluded.min_price
            """,
            ("$key", key), ("$sequence", (long)announcement.Sequence), ("$url", offer.ApiUrl), ("$payout", offer.PayoutAddress.Hash.ToBlob()),
            ("$channel", offer.ChannelKey.ToString()), ("$host", offer.HostKey?.ToString()), ("$vcpus", (long)offer.Capacity.MaxVcpus),
            ("$memory", (long)offer.Capacity.MaxMemoryMiB), ("$machines", (long)offer.Capacity.MaxMachines),
            ("$expiry", CatalogueLimits.ClampHeight(announcement.ExpiryHeight)), ("$height", height.ToColumn()), ("$block", blockId.ToBlob()),
            ("$txn", transactionId.ToBlob()), ("$price", minPrice.ToBlob()))
            .ExecuteNonQuery();
        transaction.Prepared("DELETE FROM offer_sizes WHERE provider_key = $key", ("$key", key)).ExecuteNonQuery();
        transaction.Prepared("DELETE FROM offer_images WHERE provider_key = $key", ("$key", key)).ExecuteNonQuery();

        for (var l = 0; l < offer.Locations.Count; l++)
        {
            var location = offer.Locations[l];
            for (var s = 0; s < location.Sizes.Count; s++)
            {
                var size = location.Sizes[s];
                transaction.Prepared("""
                    INSERT INTO offer_sizes (provider_key, location_index, size_index, location, size_id, name, vcpus, memory_mib, disks_gib, price)
                    VALUES ($key, $l, $s, $location, $id, $name, $vcpus, $memory, $disks, $price)
                    """,
                    ("$key", key), ("$l", l), ("$s", s), ("$location", location.Code), ("$id", (long)size.Id), ("$name", size.Name),
                    ("$vcpus", (long)size.Vcpus), ("$memory", (long)size.MemoryMiB), ("$disks", string.Join(',', size.DiskSizesGiB)), ("$price", size.PricePerHour.ToBlob()))
                    .ExecuteNonQuery();
            }

            for (var i = 0; i < location.Images.Count; i++)
            {
                var image = location.Images[i];
                transaction.Prepared("""
                    INSERT INTO offer_images (provider_key, location_index, image_index, location, image_id, name, min_disk_gib)
                    VALUES ($key, $l, $i, $location, $id, $name, $disk)
                    """,
                    ("$key", key), ("$l", l), ("$i", i), ("$location", location.Code), ("$id", (long)image.Id), ("$name", image.Name), ("$disk", (long)image.MinDiskGiB))
                    .ExecuteNonQuery();
            }
        }
    }
}

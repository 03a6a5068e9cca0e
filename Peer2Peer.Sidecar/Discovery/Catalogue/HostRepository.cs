using Microsoft.Data.Sqlite;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Discovery.Catalogue;

/// <summary>Sia host announcements (SIAD.md §7) and each host's latest address on the current chain.</summary>
public static class HostRepository
{
    public static void Record(SqliteTransaction transaction, HostAnnouncement announcement, EntryPosition at)
    {
        var key = announcement.PublicKey.ToString();
        transaction.Prepared("""
            INSERT INTO host_announcements (host_key, net_address, height, block_id, transaction_index, entry_index, orphaned)
            VALUES ($key, $address, $height, $block, $txnIndex, $entryIndex, 0)
            ON CONFLICT (block_id, transaction_index, entry_index) DO UPDATE SET orphaned = 0, height = excluded.height
            """,
            ("$key", key), ("$address", announcement.NetAddress), ("$height", at.Height.ToColumn()), ("$block", at.BlockId.ToBlob()),
            ("$txnIndex", at.TransactionIndex), ("$entryIndex", at.EntryIndex)).ExecuteNonQuery();
        Rebuild(transaction, key);
    }

    /// <summary>Flags a reorganized-away block's host announcements and rebuilds the hosts they touched.</summary>
    public static void Orphan(SqliteTransaction transaction, Hash256 blockId)
    {
        var keys = new List<string>();
        using (var reader = transaction.Prepared("SELECT DISTINCT host_key FROM host_announcements WHERE block_id = $block AND orphaned = 0", ("$block", blockId.ToBlob())).ExecuteReader())
        {
            while (reader.Read())
            {
                keys.Add(reader.GetString(0));
            }
        }

        transaction.Prepared("UPDATE host_announcements SET orphaned = 1 WHERE block_id = $block", ("$block", blockId.ToBlob())).ExecuteNonQuery();
        foreach (var key in keys)
        {
            Rebuild(transaction, key);
        }
    }

    private static void Rebuild(SqliteTransaction transaction, string key)
    {
        transaction.Prepared("DELETE FROM sia_hosts WHERE host_key = $key", ("$key", key)).ExecuteNonQuery();

        // Like siad's hostdb, the newest announcement sets the address; unlike it, a reorg forgets what it orphaned.
        transaction.Prepared("""
            INSERT INTO sia_hosts (host_key, net_address, first_seen_height, last_announced_height)
            SELECT host_key, net_address, (SELECT MIN(height) FROM host_announcements WHERE host_key = $key AND orphaned = 0), height
            FROM host_announcements WHERE host_key = $key AND orphaned = 0
            ORDER BY height DESC, transaction_index DESC, entry_index DESC LIMIT 1
            """, ("$key", key)).ExecuteNonQuery();
    }
}

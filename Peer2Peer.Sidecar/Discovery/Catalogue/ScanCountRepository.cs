using Microsoft.Data.Sqlite;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Discovery.Catalogue;

/// <summary>Skipped entries per block and reason; a reverted block takes its counts with it.</summary>
public static class ScanCountRepository
{
    internal static void Record(SqliteTransaction transaction, ulong height, Hash256 blockId, ScanTally tally)
    {
        foreach (var (reason, count) in tally.Skipped)
        {
            transaction.Prepared("""
                INSERT INTO scan_counts (block_id, height, reason, count) VALUES ($block, $height, $reason, $count)
                ON CONFLICT (block_id, reason) DO UPDATE SET count = excluded.count, height = excluded.height
                """, ("$block", blockId.ToBlob()), ("$height", height.ToColumn()), ("$reason", reason), ("$count", count))
                .ExecuteNonQuery();
        }
    }

    public static void Remove(SqliteTransaction transaction, Hash256 blockId)
    {
        using var delete = transaction.Connection!.Command(transaction, "DELETE FROM scan_counts WHERE block_id = $block", ("$block", blockId.ToBlob()));
        delete.ExecuteNonQuery();
    }

    /// <summary>Totals by reason over the current chain.</summary>
    public static IReadOnlyDictionary<string, long> Totals(SqliteConnection connection)
    {
        using var select = connection.Command(null, "SELECT reason, SUM(count) FROM scan_counts GROUP BY reason ORDER BY reason");
        using var reader = select.ExecuteReader();
        var totals = new SortedDictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            totals[reader.GetString(0)] = reader.GetInt64(1);
        }

        return totals;
    }
}

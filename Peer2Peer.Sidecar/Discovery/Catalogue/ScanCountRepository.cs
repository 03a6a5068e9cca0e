using Microsoft.Data.Sqlite;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Discovery.Catalogue;

/// <summary>Skipped entries per block and reason, and their totals; a reverted block takes its counts with it.</summary>
public static class ScanCountRepository
{
    internal static void Record(SqliteTransaction transaction, ulong height, ScanTally tally)
    {
        foreach (var (reason, count) in tally.Skipped)
        {
            transaction.Prepared("INSERT INTO scan_counts (height, reason, count) VALUES ($height, $reason, $count)",
                ("$height", height.ToColumn()), ("$reason", reason), ("$count", count)).ExecuteNonQuery();
            AddToTotal(transaction, reason, count);
        }
    }

    /// <summary>Removes the counts of the block at <paramref name="height"/>, the tip being reverted.</summary>
    public static void Remove(SqliteTransaction transaction, ulong height)
    {
        var counts = new List<(string Reason, long Count)>();
        using (var reader = transaction.Prepared("SELECT reason, count FROM scan_counts WHERE height = $height", ("$height", height.ToColumn())).ExecuteReader())
        {
            while (reader.Read())
            {
                counts.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }

        foreach (var (reason, count) in counts)
        {
            AddToTotal(transaction, reason, -count);
        }

        transaction.Prepared("DELETE FROM scan_counts WHERE height = $height", ("$height", height.ToColumn())).ExecuteNonQuery();
    }

    /// <summary>Totals by reason over the current chain.</summary>
    public static IReadOnlyDictionary<string, long> Totals(SqliteConnection connection)
    {
        using var select = connection.Command(null, "SELECT reason, count FROM scan_totals WHERE count <> 0 ORDER BY reason");
        using var reader = select.ExecuteReader();
        var totals = new SortedDictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            totals[reader.GetString(0)] = reader.GetInt64(1);
        }

        return totals;
    }

    private static void AddToTotal(SqliteTransaction transaction, string reason, long count) =>
        transaction.Prepared("""
            INSERT INTO scan_totals (reason, count) VALUES ($reason, $count)
            ON CONFLICT (reason) DO UPDATE SET count = count + excluded.count
            """, ("$reason", reason), ("$count", count)).ExecuteNonQuery();
}

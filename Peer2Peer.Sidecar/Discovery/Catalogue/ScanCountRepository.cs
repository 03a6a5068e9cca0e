using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Discovery.Catalogue;

/// <summary>Skipped entries per block and reason, and their totals; a reverted block takes its counts with it.</summary>
public static class ScanCountRepository
{
    /// <summary>
    /// Records the skip counts of a batch's blocks: one statement for all their rows (a JSON array SQLite unpacks) and one
    /// per reason for the totals, instead of two per block: every block has at least its miner's foreign entry.
    /// </summary>
    internal static void Record(SqliteTransaction transaction, IReadOnlyList<(ulong Height, ScanTally Tally)> blocks)
    {
        var totals = new ScanTally();
        var rows = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(rows))
        {
            json.WriteStartArray();
            foreach (var (height, tally) in blocks)
            {
                foreach (var (reason, count) in tally.Skipped)
                {
                    json.WriteStartArray();
                    json.WriteNumberValue(height.ToColumn());
                    json.WriteStringValue(reason);
                    json.WriteNumberValue(count);
                    json.WriteEndArray();
                }

                totals.Add(tally);
            }

            json.WriteEndArray();
        }

        if (totals.Skipped.Count == 0)
        {
            return;
        }

        transaction.Prepared("""
            INSERT INTO scan_counts (height, reason, count)
            SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each($rows)
            """, ("$rows", Encoding.UTF8.GetString(rows.WrittenSpan))).ExecuteNonQuery();
        foreach (var (reason, count) in totals.Skipped)
        {
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

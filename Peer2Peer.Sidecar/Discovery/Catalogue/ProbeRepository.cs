using Microsoft.Data.Sqlite;
using Peer2Peer.Sidecar.Discovery.Probing;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Discovery.Catalogue;

/// <summary>Probe results and each provider's health summary (online, latency, uptime over 24 h and 7 d).</summary>
public static class ProbeRepository
{
    public static readonly TimeSpan ShortWindow = TimeSpan.FromHours(24);
    public static readonly TimeSpan LongWindow = TimeSpan.FromDays(7);

    public sealed record Target(string ProviderKey, string ApiUrl);

    /// <summary>Every provider with a current offer, expired ones excluded.</summary>
    public static IReadOnlyList<Target> Targets(SqliteConnection connection, ulong height)
    {
        using var select = connection.Command(null, "SELECT provider_key, api_url FROM providers WHERE expiry_height >= $height ORDER BY provider_key",
            ("$height", height.ToColumn()));
        using var reader = select.ExecuteReader();
        var targets = new List<Target>();
        while (reader.Read())
        {
            targets.Add(new Target(reader.GetString(0), reader.GetString(1)));
        }

        return targets;
    }

    /// <summary>Stores a probe and recomputes the provider's health from the results inside the uptime windows.</summary>
    public static void Record(SqliteTransaction transaction, string providerKey, ProbeResult result, DateTimeOffset at)
    {
        var connection = transaction.Connection!;
        var now = at.ToUnixTimeMilliseconds();
        long? latency = result.Latency is { } l ? (long)Math.Round(l.TotalMilliseconds) : null;
        using (var insert = connection.Command(transaction, """
            INSERT INTO probe_results (provider_key, probed_at, outcome, latency_ms, status_code, detail)
            VALUES ($key, $at, $outcome, $latency, $status, $detail)
            """, ("$key", providerKey), ("$at", now), ("$outcome", result.Outcome.ToString()), ("$latency", latency),
            ("$status", result.StatusCode), ("$detail", result.Detail)))
        {
            insert.ExecuteNonQuery();
        }

        using var health = connection.Command(transaction, """
            INSERT INTO provider_health (provider_key, online, last_outcome, last_probe_at, latency_ms, uptime_24h, uptime_7d)
            SELECT $key, $online, $outcome, $at, $latency,
                COALESCE(1.0 * SUM(CASE WHEN probed_at > $since24h AND outcome = 'Up' THEN 1 ELSE 0 END) / NULLIF(SUM(CASE WHEN probed_at > $since24h THEN 1 ELSE 0 END), 0), 0),
                COALESCE(1.0 * SUM(CASE WHEN outcome = 'Up' THEN 1 ELSE 0 END) / NULLIF(COUNT(*), 0), 0)
            FROM probe_results WHERE provider_key = $key AND probed_at > $since7d AND probed_at <= $at
            ON CONFLICT (provider_key) DO UPDATE SET online = excluded.online, last_outcome = excluded.last_outcome,
                last_probe_at = excluded.last_probe_at, latency_ms = excluded.latency_ms, uptime_24h = excluded.uptime_24h, uptime_7d = excluded.uptime_7d
            """, ("$key", providerKey), ("$online", result.Outcome == ProbeOutcome.Down ? 0 : 1), ("$outcome", result.Outcome.ToString()),
            ("$at", now), ("$latency", latency), ("$since24h", now - (long)ShortWindow.TotalMilliseconds), ("$since7d", now - (long)LongWindow.TotalMilliseconds));
        health.ExecuteNonQuery();
    }

    /// <summary>Drops results older than the long window; they no longer count towards any uptime.</summary>
    public static int Prune(SqliteTransaction transaction, DateTimeOffset now)
    {
        using var delete = transaction.Connection!.Command(transaction, "DELETE FROM probe_results WHERE probed_at <= $before",
            ("$before", now.ToUnixTimeMilliseconds() - (long)LongWindow.TotalMilliseconds));
        return delete.ExecuteNonQuery();
    }

    public static IReadOnlyList<(DateTimeOffset At, ProbeResult Result)> Recent(SqliteConnection connection, string providerKey, int limit)
    {
        using var select = connection.Command(null, """
            SELECT probed_at, outcome, latency_ms, status_code, detail FROM probe_results WHERE provider_key = $key ORDER BY probed_at DESC LIMIT $limit
            """, ("$key", providerKey), ("$limit", limit));
        using var reader = select.ExecuteReader();
        var results = new List<(DateTimeOffset, ProbeResult)>();
        while (reader.Read())
        {
            results.Add((DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), new ProbeResult(Enum.Parse<ProbeOutcome>(reader.GetString(1)),
                reader.IsDBNull(2) ? null : TimeSpan.FromMilliseconds(reader.GetInt64(2)), reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4))));
        }

        return results;
    }
}

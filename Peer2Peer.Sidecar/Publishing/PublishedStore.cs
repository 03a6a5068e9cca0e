using Microsoft.Data.Sqlite;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Publishing;

public sealed record PublishedAnnouncement(
    ulong Sequence, string Kind, Hash256? OfferDigest, ulong ExpiryHeight, byte[] Entry, Hash256? TransactionId, DateTimeOffset CreatedAt, ulong? ConfirmedHeight);

/// <summary>The provider's own announcement history (table <c>published_announcements</c>).</summary>
public sealed class PublishedStore(SidecarDatabase database)
{
    public PublishedAnnouncement? Latest()
    {
        using var connection = database.Open();
        using var command = connection.Command(null,
            "SELECT sequence, kind, offer_digest, expiry_height, entry, transaction_id, created_at, confirmed_height FROM published_announcements ORDER BY sequence DESC LIMIT 1");
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    /// <summary>Claims the next sequence number for <paramref name="entry"/> before it is funded.</summary>
    public void Add(ulong sequence, string kind, Hash256? digest, ulong expiryHeight, byte[] entry, DateTimeOffset now)
    {
        using var connection = database.Open();
        using var command = connection.Command(null,
            "INSERT INTO published_announcements (sequence, kind, offer_digest, expiry_height, entry, created_at) VALUES ($seq, $kind, $digest, $expiry, $entry, $at)",
            ("$seq", sequence.ToColumn()), ("$kind", kind), ("$digest", digest?.ToBlob()), ("$expiry", expiryHeight.ToColumn()), ("$entry", entry), ("$at", now.ToString("O")));
        command.ExecuteNonQuery();
    }

    public void SetTransaction(ulong sequence, Hash256 transactionId) =>
        Execute("UPDATE published_announcements SET transaction_id = $id, confirmed_height = NULL WHERE sequence = $seq", ("$id", transactionId.ToBlob()), ("$seq", sequence.ToColumn()));

    public void SetConfirmed(ulong sequence, ulong? height) =>
        Execute("UPDATE published_announcements SET confirmed_height = $height WHERE sequence = $seq", ("$height", height?.ToColumn()), ("$seq", sequence.ToColumn()));

    private void Execute(string sql, params (string, object?)[] parameters)
    {
        using var connection = database.Open();
        using var command = connection.Command(null, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static PublishedAnnouncement Read(SqliteDataReader r) => new(
        r.GetHeight(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetHash(2), r.GetHeight(3), (byte[])r.GetValue(4),
        r.IsDBNull(5) ? null : r.GetHash(5), DateTimeOffset.Parse(r.GetString(6), System.Globalization.CultureInfo.InvariantCulture),
        r.IsDBNull(7) ? null : r.GetHeight(7));
}

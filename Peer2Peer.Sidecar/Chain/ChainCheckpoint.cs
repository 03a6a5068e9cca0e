using Microsoft.Data.Sqlite;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Chain;

/// <summary>The follower's progress: the blocks it applied (table <c>chain_blocks</c>).</summary>
public sealed record ChainPoint(ulong Height, Hash256 Id);

public static class ChainCheckpoint
{
    public static ChainPoint? Tip(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.Command(transaction, "SELECT height, id FROM chain_blocks ORDER BY height DESC LIMIT 1");
        using var reader = command.ExecuteReader();
        return reader.Read() ? new ChainPoint(reader.GetHeight(0), reader.GetHash(1)) : null;
    }

    public static void Push(SqliteTransaction transaction, ulong height, Block block, Hash256 id) =>
        transaction.Prepared(
            "INSERT INTO chain_blocks (height, id, parent_id, timestamp) VALUES ($height, $id, $parent, $timestamp)",
            ("$height", height.ToColumn()), ("$id", id.ToBlob()), ("$parent", block.ParentId.ToBlob()), ("$timestamp", block.Timestamp.ToColumn()))
            .ExecuteNonQuery();

    public static void Pop(SqliteConnection connection, SqliteTransaction transaction, ulong height)
    {
        using var command = connection.Command(transaction, "DELETE FROM chain_blocks WHERE height = $height", ("$height", height.ToColumn()));
        command.ExecuteNonQuery();
    }
}

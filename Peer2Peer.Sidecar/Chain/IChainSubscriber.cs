using Microsoft.Data.Sqlite;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Siad;

namespace Peer2Peer.Sidecar.Chain;

/// <summary>
/// A capability that keeps state derived from the chain (funding outputs, the catalogue, channels). The follower calls
/// it inside the same SQLite transaction that moves its checkpoint, so state and checkpoint never disagree.
/// Every method must treat block contents as hostile: skip and count what does not parse, never throw for data.
/// </summary>
public interface IChainSubscriber
{
    /// <summary>
    /// The part of applying <paramref name="block"/> that needs neither the database nor the blocks before it (decoding,
    /// signature checks). The follower runs it on the task that fetched the block, beside the other fetches, and hands
    /// the result to <see cref="Apply"/>: the one thread that applies blocks in order then does only what must be in
    /// order. Must be thread-safe; may run for a block that is never applied.
    /// </summary>
    object? Prepare(ChainBlock block) => null;

    /// <summary>Apply the effects of <paramref name="block"/>, the new tip; <paramref name="prepared"/> is what <see cref="Prepare"/> returned for it.</summary>
    void Apply(ChainBlock block, object? prepared, SqliteTransaction transaction);

    /// <summary>Undo exactly what applying block <paramref name="blockId"/> at <paramref name="height"/> did (the tip is being reorganized away).</summary>
    void Revert(ulong height, Hash256 blockId, SqliteTransaction transaction);

    /// <summary>
    /// Called in a batch's transaction just before it commits, once for all the blocks applied in it: write what was
    /// kept in memory for them. Not called for a batch that rolls back.
    /// </summary>
    void BeforeCommit(SqliteTransaction transaction)
    {
    }

    /// <summary>Called after a transaction with applied or reverted blocks committed (refresh caches, notify).</summary>
    void Committed()
    {
    }
}

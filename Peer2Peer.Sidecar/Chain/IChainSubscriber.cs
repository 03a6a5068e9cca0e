using Microsoft.Data.Sqlite;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Siad;

namespace Peer2Peer.Sidecar.Chain;

/// <summary>
/// A capability that keeps state derived from the chain (funding outputs, the catalogue, channels). The follower calls
/// it inside the same SQLite transaction that moves its checkpoint, so state and checkpoint never disagree.
/// Both methods must treat block contents as hostile: skip and count what does not parse, never throw for data.
/// </summary>
public interface IChainSubscriber
{
    /// <summary>Apply the effects of <paramref name="block"/>, the new tip.</summary>
    void Apply(ChainBlock block, SqliteTransaction transaction);

    /// <summary>Undo exactly what applying block <paramref name="blockId"/> at <paramref name="height"/> did (the tip is being reorganized away).</summary>
    void Revert(ulong height, Hash256 blockId, SqliteTransaction transaction);

    /// <summary>Called after a transaction with applied or reverted blocks committed (refresh caches, notify).</summary>
    void Committed()
    {
    }
}

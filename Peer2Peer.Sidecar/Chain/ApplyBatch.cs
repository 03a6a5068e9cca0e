using Microsoft.Data.Sqlite;
using Peer2Peer.Sidecar.Siad;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Chain;

/// <summary>
/// The follower's write transactions during one sync: blocks applied by every subscriber and pushed onto the checkpoint,
/// committed together. One connection serves every batch of the sync, so its prepared statements are prepared once; a
/// transaction opens with its first block, so a follower with nothing to apply never takes the write lock.
/// </summary>
internal sealed class ApplyBatch(SidecarDatabase database, IChainSubscriber[] subscribers, int maxBlocks, TimeProvider time) : IDisposable
{
    /// <summary>How long the write lock may be held while the next block is still on its way (other writers wait meanwhile).</summary>
    private static readonly TimeSpan MaxOpen = TimeSpan.FromMilliseconds(250);

    private SqliteConnection? _connection;
    private SqliteTransaction? _transaction;
    private long _openedAt;
    private int _blocks;
    private ChainPoint? _tip;

    /// <summary>A subscriber or the commit threw: the batch can only be rolled back.</summary>
    public bool Failed { get; private set; }

    public bool IsFull => _blocks >= maxBlocks;

    public bool HasBlocks => _blocks > 0;

    /// <summary>How much longer the batch may wait for its next block before it should be committed.</summary>
    public TimeSpan WaitLeft => MaxOpen - time.GetElapsedTime(_openedAt);

    public void Apply(PreparedBlock prepared)
    {
        var block = prepared.Block;
        if (_transaction is null)
        {
            _connection ??= database.Open();
            _transaction = _connection.BeginTransaction();
            _openedAt = time.GetTimestamp();
        }

        try
        {
            for (var i = 0; i < subscribers.Length; i++)
            {
                subscribers[i].Apply(block, prepared.Prepared[i], _transaction);
            }

            ChainCheckpoint.Push(_transaction, block.Height, block.Block, block.Id);
        }
        catch
        {
            Failed = true;
            throw;
        }

        _blocks++;
        _tip = new ChainPoint(block.Height, block.Id);
    }

    /// <summary>Commits the blocks applied since the last commit; null when there were none.</summary>
    public (int Blocks, ChainPoint Tip)? Commit()
    {
        if (_transaction is null || _blocks == 0 || Failed)
        {
            return null;
        }

        try
        {
            foreach (var subscriber in subscribers)
            {
                subscriber.BeforeCommit(_transaction);
            }

            _transaction.Commit();
        }
        catch
        {
            Failed = true;
            throw;
        }

        var committed = (_blocks, _tip!);
        EndTransaction();
        return committed;
    }

    /// <summary>Rolls back whatever was not committed.</summary>
    public void Dispose()
    {
        EndTransaction();
        _connection?.Dispose();
        _connection = null;
    }

    private void EndTransaction()
    {
        _transaction?.Dispose();
        _transaction = null;
        _blocks = 0;
    }
}

using Microsoft.Extensions.Options;
using Peer2Peer.Sidecar.Siad;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Chain;

/// <summary>
/// The sidecar's only block loop. It walks siad's chain from its checkpoint, hands each block to every
/// <see cref="IChainSubscriber"/> inside the transaction that advances the checkpoint, and on a reorganization
/// reverts its tip block by block until the node's chain and its own agree again. A kill at any instant leaves
/// checkpoint and derived state consistent; the next start resumes from the checkpoint.
/// </summary>
public sealed partial class ChainFollower(
    ISiadClient siad,
    SiadConnection connection,
    SidecarDatabase database,
    IEnumerable<IChainSubscriber> subscribers,
    IOptions<ChainFollowerOptions> options,
    TimeProvider time,
    ILogger<ChainFollower> logger) : BackgroundService
{
    private readonly IChainSubscriber[] _subscribers = subscribers.ToArray();
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _syncLock = new(1, 1);
    private ChainFollowerStatus _status = ChainFollowerStatus.Initial;
    private long _reorganizations;
    private long _revertedBlocks;

    public ChainFollowerStatus Status => _status;

    /// <summary>Raised after blocks were applied or reverted (the checkpoint moved).</summary>
    public event Action<ChainPoint?>? CheckpointChanged;

    /// <summary>Polls now instead of at the next interval.</summary>
    public void Wake() => Volatile.Read(ref _wake).TrySetResult();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _status = _status with { State = SyncState.WaitingForSiad };
        try
        {
            await connection.WhenReadyAsync(stoppingToken);
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            _status = _status with { State = SyncState.Failing, LastError = connection.Problem };
            return;
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var backoff = TimeSpan.FromSeconds(5);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Value.PollInterval;
            // A Wake() during this round cuts the following wait short.
            Interlocked.Exchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            try
            {
                await SyncOnceAsync(stoppingToken);
                backoff = TimeSpan.FromSeconds(5);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Never let one bad poll stop the host: report, back off, try again.
                _status = _status with { State = SyncState.Failing, LastError = e.Message };
                LogSyncFailed(logger, e.GetType().Name, e.Message, backoff.TotalSeconds);
                wait = backoff;
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            }

            try
            {
                await Task.WhenAny(Volatile.Read(ref _wake).Task, Task.Delay(wait, time, stoppingToken));
                stoppingToken.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Catches up with siad's current tip (reorganizing if needed) and returns; used by the loop and by tests.</summary>
    public async Task SyncOnceAsync(CancellationToken cancellationToken)
    {
        await _syncLock.WaitAsync(cancellationToken);
        try
        {
            var progress = new SyncProgress(time, options.Value.ProgressInterval);
            var reorganizing = false;
            while (true)
            {
                var tip = await siad.GetConsensusAsync(cancellationToken);
                ChainPoint? checkpoint;
                using (var read = database.Open())
                {
                    checkpoint = ChainCheckpoint.Tip(read);
                }

                Report(checkpoint, tip.Height, progress);
                if (checkpoint is not null && checkpoint.Height >= tip.Height)
                {
                    if (checkpoint.Height == tip.Height && checkpoint.Id == tip.CurrentBlock)
                    {
                        _status = _status with { State = SyncState.Synced, LastError = null };
                        return;
                    }

                    reorganizing = CountReorganization(reorganizing);
                    RevertTip(checkpoint);
                    continue;
                }

                var (applied, diverged) = await ApplyUpToAsync(checkpoint, tip.Height, progress, cancellationToken);
                if (diverged && checkpoint is not null && applied == 0)
                {
                    reorganizing = CountReorganization(reorganizing);
                    RevertTip(checkpoint);
                }
                else if (applied > 0)
                {
                    reorganizing = false;
                }
            }
        }
        finally
        {
            _syncLock.Release();
        }
    }

    /// <summary>
    /// Streams the blocks above <paramref name="checkpoint"/> up to <paramref name="tipHeight"/> through the subscribers:
    /// <see cref="ChainFollowerOptions.FetchConcurrency"/> requests stay in flight ahead of the block being applied, and
    /// each block is dropped once applied, so memory stays flat and short-lived however long the sync. Stops at the first
    /// block that does not extend the chain applied so far (the node reorganized) or that the node no longer has.
    /// </summary>
    private async Task<(int Applied, bool Diverged)> ApplyUpToAsync(ChainPoint? checkpoint, ulong tipHeight, SyncProgress progress, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var inFlight = new SemaphoreSlim(options.Value.FetchConcurrency);
        // Fetched blocks may run ahead of the one being applied, so that a slow block (a commit, a GC pause) leaves
        // the requests in flight instead of the fetchers idle.
        var lookahead = options.Value.FetchConcurrency * 4;
        var window = new Queue<Task<PreparedBlock?>>();
        var next = checkpoint is null ? 0 : checkpoint.Height + 1;
        using var batch = new ApplyBatch(database, _subscribers, options.Value.BatchSize, time);
        var last = checkpoint;
        var applied = 0;
        try
        {
            while (true)
            {
                while (window.Count < lookahead && next <= tipHeight)
                {
                    window.Enqueue(FetchAsync(next++, inFlight, stop.Token));
                }

                if (window.Count == 0)
                {
                    return (applied, false);
                }

                var head = window.Dequeue();
                await CommitIfSlowAsync(head, batch, tipHeight, progress, stop.Token);
                if (await head is not { } prepared)
                {
                    return (applied, false);
                }

                var block = prepared.Block;
                if (last is not null && block.Block.ParentId != last.Id)
                {
                    return (applied, true);
                }

                batch.Apply(prepared);
                last = new ChainPoint(block.Height, block.Id);
                applied++;
                if (batch.IsFull)
                {
                    Commit(batch, tipHeight, progress);
                }
            }
        }
        finally
        {
            // Whatever ends the stream, the blocks applied so far are consistent with their checkpoint: keep them,
            // unless a subscriber failed in the middle of a block (then the batch is rolled back by Dispose).
            if (!batch.Failed)
            {
                Commit(batch, tipHeight, progress);
            }

            await stop.CancelAsync();
            foreach (var pending in window)
            {
                await pending.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Other writers wait while a batch is open: a block slow to come commits what is applied so far.</summary>
    private async Task CommitIfSlowAsync(Task<PreparedBlock?> next, ApplyBatch batch, ulong tipHeight, SyncProgress progress, CancellationToken cancellationToken)
    {
        if (next.IsCompleted || !batch.HasBlocks)
        {
            return;
        }

        if (batch.WaitLeft > TimeSpan.Zero)
        {
            try
            {
                await next.WaitAsync(batch.WaitLeft, time, cancellationToken);
            }
            catch (TimeoutException)
            {
            }
        }

        if (!next.IsCompleted)
        {
            Commit(batch, tipHeight, progress);
        }
    }

    /// <summary>Fetches the block at <paramref name="height"/> and runs the subscribers' preparation on it, off the apply loop.</summary>
    private async Task<PreparedBlock?> FetchAsync(ulong height, SemaphoreSlim inFlight, CancellationToken cancellationToken)
    {
        ChainBlock? block;
        await inFlight.WaitAsync(cancellationToken);
        try
        {
            block = await siad.GetBlockAsync(height, cancellationToken);
        }
        finally
        {
            inFlight.Release();
        }

        return block is null ? null : PreparedBlock.Of(block, _subscribers);
    }

    private void Commit(ApplyBatch batch, ulong tipHeight, SyncProgress progress)
    {
        if (batch.Commit() is { } committed)
        {
            progress.Count(committed.Blocks);
            Committed(committed.Tip);
            Report(committed.Tip, tipHeight, progress);
        }
    }

    private void RevertTip(ChainPoint checkpoint)
    {
        using (var connection = database.Open())
        using (var transaction = connection.BeginTransaction())
        {
            for (var i = _subscribers.Length - 1; i >= 0; i--)
            {
                _subscribers[i].Revert(checkpoint.Height, checkpoint.Id, transaction);
            }

            ChainCheckpoint.Pop(connection, transaction, checkpoint.Height);
            transaction.Commit();
        }

        Interlocked.Increment(ref _revertedBlocks);

        LogReverted(logger, checkpoint.Height, checkpoint.Id.ToString());
        using var read = database.Open();
        Committed(ChainCheckpoint.Tip(read));
    }

    /// <summary>Consecutive reverts are one reorganization.</summary>
    private bool CountReorganization(bool alreadyCounted)
    {
        if (!alreadyCounted)
        {
            Interlocked.Increment(ref _reorganizations);
        }

        return true;
    }

    private void Committed(ChainPoint? checkpoint)
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.Committed();
        }

        _status = _status with { CheckpointHeight = checkpoint?.Height, CheckpointId = checkpoint?.Id, Reorganizations = _reorganizations, RevertedBlocks = _revertedBlocks };
        CheckpointChanged?.Invoke(checkpoint);
    }

    private void Report(ChainPoint? checkpoint, ulong tipHeight, SyncProgress progress)
    {
        var done = checkpoint is null ? 0 : checkpoint.Height + 1;
        var total = tipHeight + 1;
        var percent = Math.Min(100.0, 100.0 * done / total);
        var rate = progress.BlocksPerSecond;
        TimeSpan? eta = rate > 0 ? TimeSpan.FromSeconds((total - Math.Min(done, total)) / rate.Value) : null;
        _status = _status with
        {
            State = done >= total ? SyncState.Synced : SyncState.Syncing,
            CheckpointHeight = checkpoint?.Height,
            CheckpointId = checkpoint?.Id,
            TipHeight = tipHeight,
            Percent = Math.Round(percent, 2),
            BlocksPerSecond = rate is null ? null : Math.Round(rate.Value, 1),
            EstimatedRemaining = eta,
        };
        if (progress.ShouldLog() && done < total)
        {
            LogProgress(logger, done, total, percent, rate ?? 0, eta?.ToString(@"hh\:mm\:ss") ?? "?");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain sync: {Done}/{Total} blocks ({Percent:F1}%), {Rate:F0} blocks/s, ETA {Eta}")]
    private static partial void LogProgress(ILogger logger, ulong done, ulong total, double percent, double rate, string eta);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reorganization: reverted block {Height} {BlockId}")]
    private static partial void LogReverted(ILogger logger, ulong height, string blockId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chain sync failed ({Error}: {Message}); retrying in {Seconds} s")]
    private static partial void LogSyncFailed(ILogger logger, string error, string message, double seconds);
}

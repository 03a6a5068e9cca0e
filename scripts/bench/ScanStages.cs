using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Siad;
using Peer2Peer.Sidecar.Siad.Dtos;

namespace Peer2Peer.Bench;

/// <summary>Wall time, the process's CPU time and GC pauses of one stage, printed per block.</summary>
internal readonly record struct CpuClock(long StartTicks, TimeSpan StartCpu, TimeSpan StartPause, int StartGen1)
{
    public static CpuClock Start() =>
        new(Stopwatch.GetTimestamp(), Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalPauseDuration(), GC.CollectionCount(1));

    /// <summary>Prints the stage's blocks/s and CPU time per block; returns blocks/s.</summary>
    public double Print(string stage, ulong blocks)
    {
        var wall = Stopwatch.GetElapsedTime(StartTicks);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - StartCpu;
        var rate = blocks / wall.TotalSeconds;
        var pause = GC.GetTotalPauseDuration() - StartPause;
        Console.WriteLine($"{stage,-44} {rate,10:N0} blocks/s, {cpu.TotalMicroseconds / blocks,6:F1} µs CPU/block, GC paused {pause.TotalMilliseconds / wall.TotalMilliseconds * 100,4:F1} % ({GC.CollectionCount(1) - StartGen1} gen1+)");
        return rate;
    }
}

/// <summary>A subscriber that adds up the time it takes.</summary>
internal sealed class TimedSubscriber(IChainSubscriber inner) : IChainSubscriber
{
    private long _ticks;
    private long _prepareTicks;

    public string Name => inner.GetType().Name;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, _ticks);

    public TimeSpan PrepareElapsed => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _prepareTicks));

    public object? Prepare(ChainBlock block)
    {
        var start = Stopwatch.GetTimestamp();
        var prepared = inner.Prepare(block);
        Interlocked.Add(ref _prepareTicks, Stopwatch.GetTimestamp() - start);
        return prepared;
    }

    public void Apply(ChainBlock block, object? prepared, SqliteTransaction transaction)
    {
        var start = Stopwatch.GetTimestamp();
        inner.Apply(block, prepared, transaction);
        _ticks += Stopwatch.GetTimestamp() - start;
    }

    public void Revert(ulong height, Hash256 blockId, SqliteTransaction transaction) => inner.Revert(height, blockId, transaction);

    public void BeforeCommit(SqliteTransaction transaction)
    {
        var start = Stopwatch.GetTimestamp();
        inner.BeforeCommit(transaction);
        _ticks += Stopwatch.GetTimestamp() - start;
    }

    public void Committed() => inner.Committed();
}

/// <summary>Serves blocks already fetched, so that the follower's own cost shows without the API's.</summary>
internal sealed class MemorySiad(ChainBlock[] blocks) : ISiadClient
{
    public Task<ConsensusTip> GetConsensusAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new ConsensusTip(true, (ulong)blocks.Length - 1, blocks[^1].Id));

    public Task<ChainBlock?> GetBlockAsync(ulong height, CancellationToken cancellationToken) =>
        Task.FromResult(height < (ulong)blocks.Length ? blocks[height] : null);

    public Task<SiadVersion> GetVersionAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<DaemonConstantsResponse> GetConstantsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<TransactionFee> GetTransactionFeeAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task BroadcastAsync(Transaction transaction, IReadOnlyList<Transaction> parents, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<bool> IsConfirmedAsync(Hash256 transactionId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<WalletResponse> GetWalletAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<Hash256>> SendSiacoinsAsync(Currency amount, UnlockHash destination, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<HostResponse> GetHostAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task AnnounceHostAsync(string? netAddress, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<HostDbEntry>> GetAllHostsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}

using System.Buffers.Binary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Peer2Peer.Devnet.Sia.Hosts;
using Peer2Peer.Devnet.Sia.Pool;
using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Devnet.Sia.Chain;

/// <summary>
/// The one chain every devnet node shares, with its transaction pool and host database, behind one lock.
/// Blocks are mined on demand (no proof of work): each carries the pool's transactions, a miner payout of
/// coinbase + fees and, like siad's miner, a leading NonSia arbitrary-data transaction that makes it unique.
/// </summary>
public sealed class DevnetChain
{
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly byte[] _minerEntropy;
    private ulong _mined;

    public DevnetChain(SiadProfile profile, TimeProvider? time = null, ILoggerFactory? loggers = null, byte[]? seed = null)
    {
        Profile = profile;
        _time = time ?? TimeProvider.System;
        _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger("Peer2Peer.Devnet.Sia.Chain");
        _minerEntropy = Blake2b.Hash([.. "devnet miner"u8, .. seed ?? []]).ToArray();
        State = new ChainState(profile, Genesis.For(profile));
        Pool = new TransactionPool(State, _logger);
        HostDb = new HostDb(profile);
    }

    public SiadProfile Profile { get; }

    /// <summary>The lock around <see cref="State"/>, <see cref="Pool"/> and <see cref="HostDb"/>.</summary>
    public object Sync { get; } = new();

    public ChainState State { get; }

    public TransactionPool Pool { get; }

    public HostDb HostDb { get; }

    public TimeProvider Time => _time;

    /// <summary>Raised (outside the lock) after blocks were applied or reverted.</summary>
    public event Action? Changed;

    public ulong Height
    {
        get
        {
            lock (Sync)
            {
                return State.Height;
            }
        }
    }

    public Hash256 TipId
    {
        get
        {
            lock (Sync)
            {
                return State.TipId;
            }
        }
    }

    /// <summary>Mines one block holding the pool's transactions, paying <paramref name="payoutAddress"/>.</summary>
    public Block Mine(UnlockHash payoutAddress) => Mine(1, payoutAddress)[0];

    public IReadOnlyList<Block> Mine(int count, UnlockHash payoutAddress)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var blocks = new List<Block>(count);
        lock (Sync)
        {
            for (var i = 0; i < count; i++)
            {
                blocks.Add(MineLocked(payoutAddress));
            }
        }

        if (count > 0)
        {
            _logger.LogDebug("Mined {Count} block(s), height now {Height}", count, Height);
            Changed?.Invoke();
        }

        return blocks;
    }

    /// <summary>Validates and applies a block built elsewhere (e.g. a captured chain); proof of work is not checked.</summary>
    public void AcceptBlock(Block block)
    {
        lock (Sync)
        {
            State.ApplyBlock(block);
            AfterApply(block);
        }

        Changed?.Invoke();
    }

    /// <summary>Offers a transaction set to the pool; null when accepted (or already known), else the reason.</summary>
    public string? Submit(IReadOnlyList<Transaction> set)
    {
        lock (Sync)
        {
            return Pool.Accept(set);
        }
    }

    /// <summary>
    /// Replaces the last <paramref name="depth"/> blocks with <paramref name="depth"/> + 1 new ones (so the new branch is
    /// longer). The reverted blocks' transactions go back to the pool (and so into the new blocks where still valid) when
    /// <paramref name="reincludeTransactions"/>, else they are dropped.
    /// </summary>
    public IReadOnlyList<Block> Reorganize(int depth, bool reincludeTransactions, UnlockHash payoutAddress)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        var mined = new List<Block>();
        lock (Sync)
        {
            if ((ulong)depth > State.Height || depth > State.RevertableDepth)
            {
                throw new InvalidOperationException($"cannot revert {depth} blocks at height {State.Height}");
            }

            var reverted = new List<Block>();
            for (var i = 0; i < depth; i++)
            {
                reverted.Insert(0, State.RevertTip());
            }

            if (reincludeTransactions)
            {
                Pool.Revalidate(reverted.SelectMany(b => b.Transactions));
            }
            else
            {
                var dropped = reverted.SelectMany(b => b.Transactions).Select(t => t.Id).ToHashSet();
                var kept = Pool.Transactions.Where(t => !dropped.Contains(t.Id)).ToArray();
                Pool.Clear();
                Pool.Revalidate(kept);
            }

            for (var i = 0; i <= depth; i++)
            {
                mined.Add(MineLocked(payoutAddress));
            }

            _logger.LogDebug("Reorganized {Depth} block(s), height now {Height}", depth, State.Height);
        }

        Changed?.Invoke();
        return mined;
    }

    /// <summary>Runs <paramref name="read"/> under the chain lock.</summary>
    public T Read<T>(Func<DevnetChain, T> read)
    {
        lock (Sync)
        {
            return read(this);
        }
    }

    private Block MineLocked(UnlockHash payoutAddress)
    {
        var marker = new byte[32];
        Specifier.NonSia.CopyTo(marker);
        Span<byte> input = stackalloc byte[40];
        _minerEntropy.CopyTo(input);
        BinaryPrimitives.WriteUInt64LittleEndian(input[32..], _mined++);
        Blake2b.Hash(input).ToArray().AsSpan(0, 16).CopyTo(marker.AsSpan(16));
        var minerTransaction = new Transaction { ArbitraryData = [marker] };

        var transactions = Pool.SelectForBlock(DevConstants.BlockSizeLimit - 10_000);
        var fees = Currency.Sum(transactions.SelectMany(t => t.MinerFees));
        var now = (ulong)Math.Max(0, _time.GetUtcNow().ToUnixTimeSeconds());
        var block = new Block
        {
            ParentId = State.TipId,
            Nonce = 0,
            Timestamp = Math.Max(now, Math.Max(State.MedianTimestamp(), State.Tip.Timestamp)),
            MinerPayouts = [new SiacoinOutput { Value = DevConstants.Coinbase(State.Height + 1) + fees, UnlockHash = payoutAddress }],
            Transactions = [minerTransaction, .. transactions],
        };

        State.ApplyBlock(block);
        AfterApply(block);
        return block;
    }

    private void AfterApply(Block block)
    {
        Pool.Revalidate();
        HostDb.ProcessBlock(block, State.Height, _time.GetUtcNow());
    }
}

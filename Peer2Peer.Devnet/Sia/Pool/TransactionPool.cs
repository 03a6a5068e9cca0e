using Microsoft.Extensions.Logging;
using Peer2Peer.Devnet.Sia.Chain;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Devnet.Sia.Pool;

/// <summary>
/// Unconfirmed transactions, kept valid in order on top of the chain's tip. A set that touches objects of pooled
/// transactions is validated after them (siad's "has prereqs" path); any other set against the chain alone.
/// Not thread-safe: <see cref="DevnetChain"/> locks.
/// </summary>
public sealed class TransactionPool(ChainState chain, ILogger logger)
{
    /// <summary>siad requires fees only once the pool holds this much.</summary>
    public const int FeeFreeSize = 500_000;

    /// <summary>Per byte; what GET /tpool/fee reports on a quiet pool.</summary>
    public static Currency MinimumFee { get; } = new(10_000_000_000_000_000_000UL);

    public static Currency MaximumFee { get; } = MinimumFee * 3;

    private readonly List<Transaction> _transactions = [];
    private readonly Dictionary<Hash256, Transaction> _byId = [];

    /// <summary>Encoded bytes of all pooled transactions, kept as they come and go (re-encoding the pool on every submission was quadratic).</summary>
    private int _size;

    public IReadOnlyList<Transaction> Transactions => _transactions;

    public int Count => _transactions.Count;

    public bool Contains(Hash256 id) => _byId.ContainsKey(id);

    public bool TryGet(Hash256 id, out Transaction? transaction) => _byId.TryGetValue(id, out transaction);

    /// <summary>Null when the set is now in the pool (or already was, or is confirmed); else the reason without the API's prefix.</summary>
    public string? Accept(IReadOnlyList<Transaction> set)
    {
        if (set.Count == 0)
        {
            return PoolErrors.EmptySet;
        }

        if (Standardness.Check(set, chain.Profile) is { } nonStandard)
        {
            return nonStandard;
        }

        var fresh = set.Where(t => !_byId.ContainsKey(t.Id) && !chain.IsConfirmed(t.Id)).ToArray();
        if (fresh.Length == 0)
        {
            return null;
        }

        if (PoolSize() + fresh.Sum(t => t.EncodedSize) >= FeeFreeSize && !PaysEnough(fresh))
        {
            return PoolErrors.LowMinerFees;
        }

        var hasPrereqs = TouchesPool(fresh);
        var mark = chain.JournalPosition;
        var newHeight = chain.Height + 1;
        try
        {
            if (hasPrereqs)
            {
                foreach (var pooled in _transactions)
                {
                    chain.ApplyTransaction(pooled, newHeight);
                }
            }

            foreach (var transaction in fresh)
            {
                if (chain.ValidateTransaction(transaction) is { } invalid)
                {
                    return hasPrereqs ? SiadProfile.PrereqsInvalid(invalid) : chain.Profile.StandaloneInvalid(invalid);
                }

                chain.ApplyTransaction(transaction, newHeight);
            }
        }
        catch (ConsensusException e)
        {
            return hasPrereqs ? SiadProfile.PrereqsInvalid(e.Message) : chain.Profile.StandaloneInvalid(e.Message);
        }
        finally
        {
            chain.RollbackTo(mark);
        }

        foreach (var transaction in fresh)
        {
            _transactions.Add(transaction);
            _size += transaction.EncodedSize;
            _byId[transaction.Id] = transaction;
        }

        return null;
    }

    /// <summary>
    /// Re-checks every pooled transaction in order against the new tip (after a block or a reorg) and drops the ones that
    /// are confirmed or no longer valid. <paramref name="returned"/> (transactions of reverted blocks) go first.
    /// </summary>
    public void Revalidate(IEnumerable<Transaction>? returned = null)
    {
        var candidates = (returned ?? []).Concat(_transactions).ToArray();
        _transactions.Clear();
        _size = 0;
        _byId.Clear();
        var mark = chain.JournalPosition;
        var newHeight = chain.Height + 1;
        try
        {
            foreach (var transaction in candidates)
            {
                var id = transaction.Id;
                if (_byId.ContainsKey(id) || chain.IsConfirmed(id))
                {
                    continue;
                }

                if (chain.ValidateTransaction(transaction) is { } invalid)
                {
                    logger.LogDebug("Dropped pooled transaction {TransactionId}: {Reason}", id, invalid);
                    continue;
                }

                var before = chain.JournalPosition;
                try
                {
                    chain.ApplyTransaction(transaction, newHeight);
                }
                catch (ConsensusException e)
                {
                    chain.RollbackTo(before);
                    logger.LogDebug("Dropped pooled transaction {TransactionId}: {Reason}", id, e.Message);
                    continue;
                }

                _transactions.Add(transaction);
                _size += transaction.EncodedSize;
                _byId[id] = transaction;
            }
        }
        finally
        {
            chain.RollbackTo(mark);
        }
    }

    public void Clear()
    {
        _transactions.Clear();
        _size = 0;
        _byId.Clear();
    }

    /// <summary>Pooled transactions that fit in a block, in pool order (each valid after the previous ones).</summary>
    public IReadOnlyList<Transaction> SelectForBlock(int budget)
    {
        var selected = new List<Transaction>();
        foreach (var transaction in _transactions)
        {
            var size = transaction.EncodedSize;
            if (size > budget)
            {
                break;
            }

            budget -= size;
            selected.Add(transaction);
        }

        return selected;
    }

    private int PoolSize() => _size;

    private bool PaysEnough(IReadOnlyList<Transaction> set)
    {
        // siad: once the pool holds 500 kB, fees must reach size × SC × (poolSize / 3 MB)^3 / 1000 per byte.
        var size = set.Sum(t => t.EncodedSize);
        var ratio = (double)PoolSize() / 3_000_000;
        var perByte = (UInt128)(1e24 * ratio * ratio * ratio / 1000);
        var required = new Currency(perByte * (UInt128)size);
        return Currency.Sum(set.SelectMany(t => t.MinerFees)) >= required;
    }

    private bool TouchesPool(IReadOnlyList<Transaction> set)
    {
        var objects = new HashSet<Hash256>();
        foreach (var pooled in _transactions)
        {
            foreach (var id in ObjectIds(pooled))
            {
                objects.Add(id);
            }
        }

        return set.SelectMany(ObjectIds).Any(objects.Contains);
    }

    /// <summary>Every object a transaction creates or consumes (siad's ObjectIDs).</summary>
    private static IEnumerable<Hash256> ObjectIds(Transaction t)
    {
        foreach (var input in t.SiacoinInputs)
        {
            yield return input.ParentId;
        }

        for (var i = 0; i < t.SiacoinOutputs.Count; i++)
        {
            yield return t.SiacoinOutputId(i);
        }

        for (var i = 0; i < t.FileContracts.Count; i++)
        {
            yield return t.FileContractId(i);
        }

        foreach (var revision in t.FileContractRevisions)
        {
            yield return revision.ParentId;
        }

        foreach (var proof in t.StorageProofs)
        {
            yield return proof.ParentId;
        }

        foreach (var input in t.SiafundInputs)
        {
            yield return input.ParentId;
        }

        for (var i = 0; i < t.SiafundOutputs.Count; i++)
        {
            yield return t.SiafundOutputId(i);
        }
    }
}

using Peer2Peer.Devnet.Sia.Chain;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Devnet.Sia.Wallet;

public sealed partial class DevnetWallet
{
    private static readonly Specifier SiacoinInputType = Specifier.FromName("siacoin input");
    private static readonly Specifier MinerPayoutType = Specifier.FromName("miner payout");
    private static readonly Specifier MinerFeeType = Specifier.FromName("miner fee");

    /// <summary>Confirmed wallet transactions with heights in [start, end] (GET /wallet/transactions).</summary>
    public IReadOnlyList<ProcessedTransaction> Confirmed(ulong start, ulong end)
    {
        lock (_chain.Sync)
        {
            var state = _chain.State;
            if (start > state.Height || start > end)
            {
                throw new WalletException(WalletErrors.OutOfBounds);
            }

            var result = new List<ProcessedTransaction>();
            for (var height = start; height <= Math.Min(end, state.Height); height++)
            {
                result.AddRange(ProcessBlock(state, height));
            }

            return result;
        }
    }

    public IReadOnlyList<ProcessedTransaction> Unconfirmed()
    {
        lock (_chain.Sync)
        {
            return UnconfirmedLocked();
        }
    }

    /// <summary>GET /wallet/transaction/:id: a confirmed or pooled wallet transaction, or null.</summary>
    public ProcessedTransaction? Find(Hash256 id)
    {
        lock (_chain.Sync)
        {
            var state = _chain.State;
            if (state.TryGetConfirmed(id, out var location))
            {
                return ProcessBlock(state, location.Height).FirstOrDefault(p => p.TransactionId == id);
            }

            if (state.TryGetHeight(id, out var blockHeight))
            {
                return ProcessBlock(state, blockHeight).FirstOrDefault(p => p.TransactionId == id);
            }

            return UnconfirmedLocked().FirstOrDefault(p => p.TransactionId == id);
        }
    }

    private List<ProcessedTransaction> UnconfirmedLocked()
    {
        var poolOutputs = new Dictionary<Hash256, SiacoinOutput>();
        var result = new List<ProcessedTransaction>();
        foreach (var transaction in _chain.Pool.Transactions)
        {
            var processed = Process(transaction, ProcessedTransaction.Unconfirmed, ProcessedTransaction.Unconfirmed, poolOutputs);
            for (var i = 0; i < transaction.SiacoinOutputs.Count; i++)
            {
                poolOutputs[transaction.SiacoinOutputId(i)] = transaction.SiacoinOutputs[i];
            }

            if (processed is not null)
            {
                result.Add(processed);
            }
        }

        return result;
    }

    private IEnumerable<ProcessedTransaction> ProcessBlock(ChainState state, ulong height)
    {
        var block = state.BlockAt(height);
        var blockId = state.IdAt(height);
        if (block.MinerPayouts.Any(p => Owns(p.UnlockHash)))
        {
            var outputs = block.MinerPayouts.Select((p, i) => new ProcessedOutput(
                block.MinerPayoutId(i), MinerPayoutType, height + DevConstants.MaturityDelay, Owns(p.UnlockHash), p.UnlockHash, p.Value)).ToArray();
            yield return new ProcessedTransaction(null, blockId, height, block.Timestamp, null, outputs);
        }

        foreach (var transaction in block.Transactions)
        {
            if (Process(transaction, height, block.Timestamp, null) is { } processed)
            {
                yield return processed;
            }
        }
    }

    private ProcessedTransaction? Process(Transaction transaction, ulong height, ulong timestamp, Dictionary<Hash256, SiacoinOutput>? poolOutputs)
    {
        var state = _chain.State;
        var inputs = transaction.SiacoinInputs.Select(input =>
        {
            var address = input.UnlockConditions.UnlockHash();
            var value = state.TryGetCreatedOutput(input.ParentId, out var created) ? created.Output.Value
                : poolOutputs is not null && poolOutputs.TryGetValue(input.ParentId, out var pooled) ? pooled.Value
                : Currency.Zero;
            return new ProcessedInput(input.ParentId, SiacoinInputType, Owns(address), address, value);
        }).ToArray();
        var outputs = transaction.SiacoinOutputs.Select((o, i) => new ProcessedOutput(
            transaction.SiacoinOutputId(i), Specifier.SiacoinOutput, height, Owns(o.UnlockHash), o.UnlockHash, o.Value)).ToList();
        if (!inputs.Any(i => i.WalletAddress) && !outputs.Any(o => o.WalletAddress))
        {
            return null;
        }

        var feeMaturity = height == ProcessedTransaction.Unconfirmed ? height : height + DevConstants.MaturityDelay;
        outputs.AddRange(transaction.MinerFees.Select(fee => new ProcessedOutput(default, MinerFeeType, feeMaturity, false, UnlockHash.Void, fee)));
        return new ProcessedTransaction(transaction, transaction.Id, height, timestamp, inputs, outputs);
    }
}

using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Keys;
using Peer2Peer.Sidecar.Siad;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Funding;

/// <summary>
/// Learns the hot address's outputs from blocks: payments to it (IDs derived as siad does), spends of them,
/// confirmations of our pending transactions and of top-ups. A reverted block undoes exactly its own rows.
/// </summary>
public sealed class FundingSubscriber(KeyRing keys) : IChainSubscriber
{
    private readonly Lazy<UnlockHash> _address = new(() => keys.FundingAddress);

    /// <summary>
    /// Our unspent outputs and pending transactions, read once per follower transaction: nearly every input and
    /// transaction on the chain is someone else's, and looking each one up in SQL was a large share of the scan.
    /// Kept per transaction, so a rolled-back batch cannot leave it stale.
    /// </summary>
    private readonly ConditionalWeakTable<SqliteTransaction, Known> _known = new();

    public void Apply(ChainBlock block, object? prepared, SqliteTransaction transaction)
    {
        var address = _address.Value;
        var known = _known.GetValue(transaction, Load);
        foreach (var txn in block.Block.Transactions)
        {
            foreach (var input in txn.SiacoinInputs)
            {
                if (known.Unspent.Remove(input.ParentId))
                {
                    FundingStore.SpendOutput(transaction, input.ParentId, block.Height, block.Id);
                }
            }

            var paysUs = txn.SiacoinOutputs.Any(o => o.UnlockHash == address);
            if (!paysUs && known.Pending.Count == 0)
            {
                continue;
            }

            var id = txn.Id;
            for (var i = 0; i < txn.SiacoinOutputs.Count; i++)
            {
                if (txn.SiacoinOutputs[i].UnlockHash == address)
                {
                    var outputId = txn.SiacoinOutputId(i);
                    FundingStore.AddOutput(transaction, outputId, txn.SiacoinOutputs[i].Value, block.Height, block.Id);
                    known.Unspent.Add(outputId);
                }
            }

            if (known.Pending.Contains(id))
            {
                FundingStore.ConfirmPending(transaction, id, block.Height, block.Id);
            }

            if (paysUs)
            {
                FundingStore.MarkTopUpSeen(transaction, id, block.Height, block.Id);
            }
        }
    }

    public void Revert(ulong height, Hash256 blockId, SqliteTransaction transaction)
    {
        FundingStore.RevertBlock(transaction, blockId);
        _known.Remove(transaction);
    }

    private static Known Load(SqliteTransaction transaction)
    {
        var connection = transaction.Connection!;
        var unspent = FundingStore.Unspent(connection, transaction).Select(o => o.Id).ToHashSet();
        using var command = connection.Command(transaction, "SELECT transaction_id FROM funding_pending");
        using var reader = command.ExecuteReader();
        var pending = new HashSet<Hash256>();
        while (reader.Read())
        {
            pending.Add(reader.GetHash(0));
        }

        return new Known(unspent, pending);
    }

    private sealed record Known(HashSet<Hash256> Unspent, HashSet<Hash256> Pending);
}

using Microsoft.Data.Sqlite;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Keys;
using Peer2Peer.Sidecar.Siad;

namespace Peer2Peer.Sidecar.Funding;

/// <summary>
/// Learns the hot address's outputs from blocks: payments to it (IDs derived as siad does), spends of them,
/// confirmations of our pending transactions and of top-ups. A reverted block undoes exactly its own rows.
/// </summary>
public sealed class FundingSubscriber(KeyRing keys) : IChainSubscriber
{
    private readonly Lazy<UnlockHash> _address = new(() => keys.FundingAddress);

    public void Apply(ChainBlock block, SqliteTransaction transaction)
    {
        var address = _address.Value;
        foreach (var txn in block.Block.Transactions)
        {
            var id = txn.Id;
            foreach (var input in txn.SiacoinInputs)
            {
                FundingStore.SpendOutput(transaction, input.ParentId, block.Height, block.Id);
            }

            var paysUs = false;
            for (var i = 0; i < txn.SiacoinOutputs.Count; i++)
            {
                if (txn.SiacoinOutputs[i].UnlockHash == address)
                {
                    FundingStore.AddOutput(transaction, txn.SiacoinOutputId(i), txn.SiacoinOutputs[i].Value, block.Height, block.Id);
                    paysUs = true;
                }
            }

            FundingStore.ConfirmPending(transaction, id, block.Height, block.Id);
            if (paysUs)
            {
                FundingStore.MarkTopUpSeen(transaction, id, block.Height, block.Id);
            }
        }
    }

    public void Revert(ulong height, Hash256 blockId, SqliteTransaction transaction) => FundingStore.RevertBlock(transaction, blockId);
}

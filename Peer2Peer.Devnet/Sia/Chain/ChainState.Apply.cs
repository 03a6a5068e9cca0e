using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Devnet.Sia.Chain;

public sealed partial class ChainState
{
    private void ApplyGenesis(Block genesis)
    {
        PushBlock(genesis, genesis.Id);
        foreach (var transaction in genesis.Transactions)
        {
            for (var i = 0; i < transaction.SiacoinOutputs.Count; i++)
            {
                AddSiacoinOutput(transaction.SiacoinOutputId(i), transaction.SiacoinOutputs[i]);
                RecordCreated(transaction.SiacoinOutputId(i), transaction.SiacoinOutputs[i], 0);
            }

            for (var i = 0; i < transaction.SiafundOutputs.Count; i++)
            {
                AddSiafundOutput(transaction.SiafundOutputId(i), transaction.SiafundOutputs[i]);
            }
        }

        _journal.Clear();
        _blockJournalStart.Add(0);
        _journalBase = 0;
    }

    /// <summary>
    /// Validates <paramref name="block"/> as a child of the tip (proof of work is not checked) and applies it.
    /// On any failure the state is left untouched and a <see cref="ConsensusException"/> carries siad's reason.
    /// </summary>
    public void ApplyBlock(Block block)
    {
        if (block.ParentId != TipId)
        {
            throw new ConsensusException(ConsensusErrors.OrphanBlock);
        }

        var newHeight = Height + 1;
        CheckHeader(block, newHeight);
        var id = block.Id;
        var mark = JournalPosition;
        try
        {
            for (var i = 0; i < block.Transactions.Count; i++)
            {
                var transaction = block.Transactions[i];
                if (ValidateTransaction(transaction) is { } error)
                {
                    throw new ConsensusException(error);
                }

                ApplyTransaction(transaction, newHeight);
                SetConfirmed(transaction.Id, new TransactionLocation(newHeight, i));
            }

            ApplyMaintenance(block, id, newHeight);
            PushBlock(block, id);
        }
        catch (Exception e) when (e is ConsensusException or OverflowException or InvalidOperationException or ArgumentException)
        {
            RollbackTo(mark);
            throw e as ConsensusException ?? new ConsensusException(e.Message);
        }

        _blockJournalStart.Add(mark);
        PruneUndo();
    }

    /// <summary>Undoes the tip block and returns it.</summary>
    public Block RevertTip()
    {
        if (Height == 0)
        {
            throw new InvalidOperationException("cannot revert the genesis block");
        }

        var mark = _blockJournalStart[^1];
        if (mark < _journalBase)
        {
            throw new InvalidOperationException($"undo data is only kept for the last {MaxUndoDepth} blocks");
        }

        var block = Tip;
        RollbackTo(mark);
        _blockJournalStart.RemoveAt(_blockJournalStart.Count - 1);
        return block;
    }

    private void CheckHeader(Block block, ulong newHeight)
    {
        if (block.Timestamp < MedianTimestamp())
        {
            throw new ConsensusException(ConsensusErrors.EarlyTimestamp);
        }

        if (!Profile.Is133 && newHeight >= DevConstants.AsicHardforkHeight && block.Nonce % DevConstants.AsicNonceFactor != 0)
        {
            throw new ConsensusException(ConsensusErrors.BadNonce);
        }

        var encoder = new SiaEncoder(4096);
        block.EncodeTo(encoder);
        if (encoder.Length > DevConstants.BlockSizeLimit)
        {
            throw new ConsensusException(ConsensusErrors.LargeBlock);
        }

        try
        {
            var fees = Currency.Sum(block.Transactions.SelectMany(t => t.MinerFees));
            var payouts = Currency.Zero;
            foreach (var payout in block.MinerPayouts)
            {
                if (payout.Value.IsZero)
                {
                    throw new ConsensusException(ConsensusErrors.BadMinerPayouts);
                }

                payouts += payout.Value;
            }

            if (payouts != DevConstants.Coinbase(newHeight) + fees)
            {
                throw new ConsensusException(ConsensusErrors.BadMinerPayouts);
            }
        }
        catch (OverflowException)
        {
            throw new ConsensusException(ConsensusErrors.BadMinerPayouts);
        }
    }

    /// <summary>The median timestamp of the last 11 blocks (genesis repeated when the chain is shorter): a child may not be earlier.</summary>
    public ulong MedianTimestamp()
    {
        var window = new ulong[DevConstants.MedianTimestampWindow];
        for (var i = 0; i < window.Length; i++)
        {
            var height = (long)Height - i;
            window[i] = _blocks[(int)Math.Max(height, 0)].Timestamp;
        }

        Array.Sort(window);
        return window[window.Length / 2];
    }

    /// <summary>Applies a transaction already known to be valid at the tip, as part of the block at <paramref name="newHeight"/>.</summary>
    public void ApplyTransaction(Transaction transaction, ulong newHeight)
    {
        var tipHeight = newHeight - 1;
        foreach (var input in transaction.SiacoinInputs)
        {
            RemoveSiacoinOutput(input.ParentId);
        }

        for (var i = 0; i < transaction.SiacoinOutputs.Count; i++)
        {
            var id = transaction.SiacoinOutputId(i);
            AddSiacoinOutput(id, transaction.SiacoinOutputs[i]);
            RecordCreated(id, transaction.SiacoinOutputs[i], newHeight);
        }

        for (var i = 0; i < transaction.FileContracts.Count; i++)
        {
            var contract = transaction.FileContracts[i];
            AddFileContract(transaction.FileContractId(i), contract);
            SetSiafundPool(SiafundPool + Profile.Rules.Tax(tipHeight, contract.Payout));
        }

        foreach (var revision in transaction.FileContractRevisions)
        {
            var old = _fileContracts[revision.ParentId];
            ReviseFileContract(revision.ParentId, old with
            {
                FileSize = revision.NewFileSize,
                FileMerkleRoot = revision.NewFileMerkleRoot,
                WindowStart = revision.NewWindowStart,
                WindowEnd = revision.NewWindowEnd,
                ValidProofOutputs = revision.NewValidProofOutputs,
                MissedProofOutputs = revision.NewMissedProofOutputs,
                UnlockHash = revision.NewUnlockHash,
                RevisionNumber = revision.NewRevisionNumber,
            });
        }

        foreach (var proof in transaction.StorageProofs)
        {
            var contract = _fileContracts[proof.ParentId];
            for (var i = 0; i < contract.ValidProofOutputs.Count; i++)
            {
                AddDelayed(newHeight + DevConstants.MaturityDelay, SiaIds.StorageProofOutputId(proof.ParentId, true, i), contract.ValidProofOutputs[i]);
            }

            RemoveFileContract(proof.ParentId);
        }

        foreach (var input in transaction.SiafundInputs)
        {
            var spent = _siafundOutputs[input.ParentId];
            var claim = new Currency((SiafundPool - spent.ClaimStart).Hastings / DevConstants.SiafundCount * spent.Value.Hastings);
            if (!claim.IsZero)
            {
                AddDelayed(newHeight + DevConstants.MaturityDelay, SiaIds.SiafundClaimOutputId(input.ParentId),
                    new SiacoinOutput { Value = claim, UnlockHash = input.ClaimUnlockHash });
            }

            RemoveSiafundOutput(input.ParentId);
        }

        for (var i = 0; i < transaction.SiafundOutputs.Count; i++)
        {
            AddSiafundOutput(transaction.SiafundOutputId(i), transaction.SiafundOutputs[i] with { ClaimStart = SiafundPool });
        }
    }

    private void ApplyMaintenance(Block block, Hash256 id, ulong newHeight)
    {
        for (var i = 0; i < block.MinerPayouts.Count; i++)
        {
            AddDelayed(newHeight + DevConstants.MaturityDelay, SiaIds.MinerPayoutId(id, i), block.MinerPayouts[i]);
        }

        if (_delayed.TryGetValue(newHeight, out var matured))
        {
            foreach (var (outputId, output) in matured.ToArray())
            {
                AddSiacoinOutput(outputId, output);
                matured.Remove(outputId);
                _journal.Add(() => matured.Add(outputId, output));
            }
        }

        if (_expirations.TryGetValue(newHeight, out var expiring))
        {
            foreach (var contractId in expiring.ToArray())
            {
                var contract = _fileContracts[contractId];
                for (var i = 0; i < contract.MissedProofOutputs.Count; i++)
                {
                    AddDelayed(newHeight + DevConstants.MaturityDelay, SiaIds.StorageProofOutputId(contractId, false, i), contract.MissedProofOutputs[i]);
                }

                RemoveFileContract(contractId);
            }
        }
    }
}

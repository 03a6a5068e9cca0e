using Peer2Peer.Sia.Signing;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Devnet.Sia.Chain;

public sealed partial class ChainState
{
    /// <summary>From the Oak hardfork (dev 100) 1.5.x caps a transaction at 64 kB.</summary>
    private const int OakTransactionSizeLimit = 64_000;
    private const ulong OakHardforkHeight = 100;

    /// <summary>
    /// siad's validTransaction at the tip height: standalone rules (size, storage-proof rules, repeats, minimum values,
    /// contracts, revisions, timelocks, signatures), then against the state (outputs exist and match their unlock
    /// conditions, sums, storage proofs, revisions, siafunds). Null when valid, else siad's reason.
    /// </summary>
    public string? ValidateTransaction(Transaction transaction)
    {
        try
        {
            return Standalone(transaction, Height) ?? AgainstState(transaction, Height);
        }
        catch (OverflowException)
        {
            // Sums that overflow 128 bits can never balance.
            return ConsensusErrors.SiacoinInputOutputMismatch;
        }
    }

    private string? Standalone(Transaction t, ulong h)
    {
        var size = t.EncodedSize;
        if (size > DevConstants.BlockSizeLimit - 5_000 || (!Profile.Is133 && h >= OakHardforkHeight && size > OakTransactionSizeLimit))
        {
            return ConsensusErrors.TransactionTooLarge;
        }

        if (t.StorageProofs.Count > 0
            && (t.SiacoinOutputs.Count > 0 || t.FileContracts.Count > 0 || t.FileContractRevisions.Count > 0 || t.SiafundOutputs.Count > 0))
        {
            return ConsensusErrors.StorageProofWithOutputs;
        }

        if (!NoRepeats(t))
        {
            return ConsensusErrors.DoubleSpend;
        }

        if (MinimumValues(t) is { } minimum)
        {
            return minimum;
        }

        foreach (var contract in t.FileContracts)
        {
            if (contract.WindowStart <= h)
            {
                return ConsensusErrors.FileContractWindowStartViolation;
            }

            if (contract.WindowEnd <= contract.WindowStart)
            {
                return ConsensusErrors.FileContractWindowEndViolation;
            }

            var postTax = contract.Payout - Profile.Rules.Tax(h, contract.Payout);
            if (Currency.Sum(contract.ValidProofOutputs.Select(o => o.Value)) != postTax
                || Currency.Sum(contract.MissedProofOutputs.Select(o => o.Value)) != postTax)
            {
                return ConsensusErrors.FileContractOutputSumViolation;
            }
        }

        foreach (var revision in t.FileContractRevisions)
        {
            if (revision.NewWindowStart <= h)
            {
                return ConsensusErrors.FileContractWindowStartViolation;
            }

            if (revision.NewWindowEnd <= revision.NewWindowStart)
            {
                return ConsensusErrors.FileContractWindowEndViolation;
            }

            if (Currency.Sum(revision.NewValidProofOutputs.Select(o => o.Value)) != Currency.Sum(revision.NewMissedProofOutputs.Select(o => o.Value)))
            {
                return ConsensusErrors.FileContractOutputSumViolation;
            }
        }

        var conditions = t.SiacoinInputs.Select(i => i.UnlockConditions)
            .Concat(t.FileContractRevisions.Select(r => r.UnlockConditions))
            .Concat(t.SiafundInputs.Select(i => i.UnlockConditions));
        if (conditions.Any(c => c.Timelock > h))
        {
            return ConsensusErrors.TimelockNotSatisfied;
        }

        return SignatureVerifier.Verify(t, Profile.Rules, h);
    }

    private static bool NoRepeats(Transaction t)
    {
        var siacoin = new HashSet<Hash256>();
        if (t.SiacoinInputs.Any(i => !siacoin.Add(i.ParentId)))
        {
            return false;
        }

        var contracts = new HashSet<Hash256>();
        if (t.StorageProofs.Any(p => !contracts.Add(p.ParentId)) || t.FileContractRevisions.Any(r => !contracts.Add(r.ParentId)))
        {
            return false;
        }

        var siafund = new HashSet<Hash256>();
        return t.SiafundInputs.All(i => siafund.Add(i.ParentId));
    }

    private static string? MinimumValues(Transaction t)
    {
        if (t.SiacoinOutputs.Any(o => o.Value.IsZero) || t.FileContracts.Any(c => c.Payout.IsZero))
        {
            return ConsensusErrors.ZeroOutput;
        }

        foreach (var output in t.SiafundOutputs)
        {
            if (!output.ClaimStart.IsZero)
            {
                return ConsensusErrors.NonZeroClaimStart;
            }

            if (output.Value.IsZero)
            {
                return ConsensusErrors.ZeroOutput;
            }
        }

        return t.MinerFees.Any(f => f.IsZero) ? ConsensusErrors.ZeroMinerFee : null;
    }

    private string? AgainstState(Transaction t, ulong h)
    {
        var inputSum = Currency.Zero;
        foreach (var input in t.SiacoinInputs)
        {
            if (!_siacoinOutputs.TryGetValue(input.ParentId, out var spent))
            {
                return ConsensusErrors.MissingSiacoinOutput;
            }

            if (input.UnlockConditions.UnlockHash() != spent.UnlockHash)
            {
                return ConsensusErrors.WrongUnlockConditions;
            }

            inputSum += spent.Value;
        }

        var outputSum = Currency.Sum(t.SiacoinOutputs.Select(o => o.Value)) + Currency.Sum(t.FileContracts.Select(c => c.Payout))
            + Currency.Sum(t.MinerFees);
        if (inputSum != outputSum)
        {
            return ConsensusErrors.SiacoinInputOutputMismatch;
        }

        foreach (var proof in t.StorageProofs)
        {
            if (!_fileContracts.TryGetValue(proof.ParentId, out var contract))
            {
                return ConsensusErrors.UnrecognizedFileContractId;
            }

            if (contract.WindowStart - 1 > h)
            {
                return ConsensusErrors.UnfinishedFileContract;
            }

            // Contents are only checked for non-empty files; the devnet does not verify Merkle proofs of data.
            if (contract.FileSize > 0)
            {
                return ConsensusErrors.InvalidStorageProof;
            }
        }

        foreach (var revision in t.FileContractRevisions)
        {
            if (!_fileContracts.TryGetValue(revision.ParentId, out var contract))
            {
                return ConsensusErrors.NilItem;
            }

            if (h > contract.WindowStart)
            {
                return ConsensusErrors.LateRevision;
            }

            if (contract.RevisionNumber >= revision.NewRevisionNumber)
            {
                return ConsensusErrors.LowRevisionNumber;
            }

            if (revision.UnlockConditions.UnlockHash() != contract.UnlockHash)
            {
                return ConsensusErrors.WrongUnlockConditions;
            }

            var old = Currency.Sum(contract.ValidProofOutputs.Select(o => o.Value));
            if (Currency.Sum(revision.NewValidProofOutputs.Select(o => o.Value)) != old
                || Currency.Sum(revision.NewMissedProofOutputs.Select(o => o.Value)) != old)
            {
                return ConsensusErrors.AlteredRevisionPayouts;
            }
        }

        var siafundIn = Currency.Zero;
        foreach (var input in t.SiafundInputs)
        {
            if (!_siafundOutputs.TryGetValue(input.ParentId, out var spent))
            {
                return ConsensusErrors.MissingSiafundOutput;
            }

            if (input.UnlockConditions.UnlockHash() != spent.UnlockHash)
            {
                return ConsensusErrors.WrongUnlockConditions;
            }

            siafundIn += spent.Value;
        }

        return siafundIn != Currency.Sum(t.SiafundOutputs.Select(o => o.Value)) ? ConsensusErrors.SiafundInputOutputMismatch : null;
    }
}

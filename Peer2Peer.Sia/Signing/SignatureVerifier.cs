using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sia.Signing;

/// <summary>
/// Checks a transaction's signatures the way siad's consensus does (NebulousLabs/Sia types/signatures.go):
/// covered-fields rules, one entry per required key, key index and timelock, Ed25519 verification.
/// Returns null when valid, else siad's reason.
/// </summary>
public static class SignatureVerifier
{
    public const string CoveredFieldsViolation = "covered fields violation";
    public const string SortedUniqueViolation = "sorted unique violation";
    public const string DoubleSpend = "transaction contains a double-spend";
    public const string FrivolousSignature = "transaction contains a frivolous signature";
    public const string PublicKeyOveruse = "public key was used multiple times while signing transaction";
    public const string InvalidPublicKeyIndex = "transaction contains a signature that points to a nonexistent public key";
    public const string PrematureSignature = "timelock on signature has not expired";
    public const string EntropyKey = "transaction tries to sign an entproy public key";
    public const string InvalidSignature = "invalid signature";
    public const string MissingSignatures = "transaction has inputs with missing signatures";

    public static string? Verify(Transaction transaction, ChainRules rules, ulong height)
    {
        if (CheckCoveredFields(transaction) is { } coveredError)
        {
            return coveredError;
        }

        var remaining = new Dictionary<Hash256, (UnlockConditions Conditions, ulong Remaining, HashSet<ulong> Used)>();
        foreach (var (parent, conditions) in Parents(transaction))
        {
            if (!remaining.TryAdd(parent, (conditions, conditions.SignaturesRequired, [])))
            {
                return DoubleSpend;
            }
        }

        var prefix = rules.ReplayPrefix(height);
        Span<byte> message = stackalloc byte[Hash256.Size];
        for (var i = 0; i < transaction.TransactionSignatures.Count; i++)
        {
            var signature = transaction.TransactionSignatures[i];
            if (!remaining.TryGetValue(signature.ParentId, out var entry) || entry.Remaining == 0)
            {
                return FrivolousSignature;
            }

            if (entry.Used.Contains(signature.PublicKeyIndex))
            {
                return PublicKeyOveruse;
            }

            if (signature.PublicKeyIndex >= (ulong)entry.Conditions.PublicKeys.Count)
            {
                return InvalidPublicKeyIndex;
            }

            if (signature.Timelock > height)
            {
                return PrematureSignature;
            }

            var key = entry.Conditions.PublicKeys[(int)signature.PublicKeyIndex];
            if (key.Algorithm == Specifier.Entropy)
            {
                return EntropyKey;
            }

            // Unknown algorithms verify, so that new ones can be soft-forked in.
            if (key.Algorithm == Specifier.Ed25519)
            {
                SigHash.Compute(transaction, i, prefix).CopyTo(message);
                if (!Ed25519.Verify(key.Key.Span, message, signature.Signature))
                {
                    return InvalidSignature;
                }
            }

            entry.Used.Add(signature.PublicKeyIndex);
            remaining[signature.ParentId] = entry with { Remaining = entry.Remaining - 1 };
        }

        return remaining.Values.Any(e => e.Remaining != 0) ? MissingSignatures : null;
    }

    /// <summary>The unlock conditions that guard the input or contract a signature's parent ID names.</summary>
    public static UnlockConditions? ConditionsOf(Transaction transaction, Hash256 parentId)
    {
        foreach (var (parent, conditions) in Parents(transaction))
        {
            if (parent == parentId)
            {
                return conditions;
            }
        }

        return null;
    }

    private static IEnumerable<(Hash256 Parent, UnlockConditions Conditions)> Parents(Transaction transaction) =>
        transaction.SiacoinInputs.Select(i => (i.ParentId, i.UnlockConditions))
            .Concat(transaction.FileContractRevisions.Select(r => (r.ParentId, r.UnlockConditions)))
            .Concat(transaction.SiafundInputs.Select(i => (i.ParentId, i.UnlockConditions)));

    private static string? CheckCoveredFields(Transaction transaction)
    {
        int[] lengths =
        [
            transaction.SiacoinInputs.Count, transaction.SiacoinOutputs.Count, transaction.FileContracts.Count,
            transaction.FileContractRevisions.Count, transaction.StorageProofs.Count, transaction.SiafundInputs.Count,
            transaction.SiafundOutputs.Count, transaction.MinerFees.Count, transaction.ArbitraryData.Count,
            transaction.TransactionSignatures.Count,
        ];
        foreach (var signature in transaction.TransactionSignatures)
        {
            var lists = signature.CoveredFields.Lists;
            if (signature.CoveredFields.WholeTransaction && lists[..^1].Any(l => l.Count != 0))
            {
                return CoveredFieldsViolation;
            }

            for (var f = 0; f < lists.Length; f++)
            {
                if (!SortedUnique(lists[f], lengths[f]))
                {
                    return SortedUniqueViolation;
                }
            }
        }

        return null;
    }

    private static bool SortedUnique(IReadOnlyList<ulong> indexes, int length)
    {
        for (var i = 0; i < indexes.Count; i++)
        {
            if (indexes[i] >= (ulong)length || (i > 0 && indexes[i] <= indexes[i - 1]))
            {
                return false;
            }
        }

        return true;
    }
}

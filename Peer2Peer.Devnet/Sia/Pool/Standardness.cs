using Peer2Peer.Sia.Types;

namespace Peer2Peer.Devnet.Sia.Pool;

/// <summary>The pool's admission rules that consensus does not impose (SIAD.md §3.7).</summary>
public static class Standardness
{
    public const int TransactionSizeLimit = 32_000;
    public const int TransactionSetSizeLimit = 250_000;

    public static string? Check(IReadOnlyList<Transaction> set, SiadProfile profile)
    {
        var total = 0;
        foreach (var transaction in set)
        {
            var size = transaction.EncodedSize;
            if (size > TransactionSizeLimit)
            {
                return PoolErrors.LargeTransaction;
            }

            total += size;
            var conditions = transaction.SiacoinInputs.Select(i => i.UnlockConditions)
                .Concat(transaction.SiafundInputs.Select(i => i.UnlockConditions))
                .Concat(transaction.FileContractRevisions.Select(r => r.UnlockConditions));
            if (conditions.SelectMany(c => c.PublicKeys).Any(k => k.Algorithm != Specifier.Ed25519 && k.Algorithm != Specifier.Entropy))
            {
                return PoolErrors.UnrecognizedKeyType;
            }

            if (transaction.ArbitraryData.Any(data => !profile.IsStandardPrefix(data)))
            {
                return PoolErrors.InvalidArbPrefix;
            }
        }

        return total > TransactionSetSizeLimit ? PoolErrors.LargeTransactionSet : null;
    }
}

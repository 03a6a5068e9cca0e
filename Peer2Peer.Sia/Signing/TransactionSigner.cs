using Peer2Peer.Sia.Crypto;
using Key = NSec.Cryptography.Key;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sia.Signing;

/// <summary>Fills in transaction signatures with keys the caller holds (the sidecar never asks siad to sign).</summary>
public static class TransactionSigner
{
    /// <summary>Returns a copy of <paramref name="transaction"/> whose signature at <paramref name="signatureIndex"/> is made by <paramref name="key"/>.</summary>
    public static Transaction Sign(Transaction transaction, int signatureIndex, Key key, ChainRules rules, ulong height)
    {
        var hash = SigHash.Compute(transaction, signatureIndex, rules, height);
        Span<byte> message = stackalloc byte[Hash256.Size];
        hash.CopyTo(message);
        var signature = Ed25519.Sign(key, message);

        var signatures = transaction.TransactionSignatures.ToArray();
        signatures[signatureIndex] = signatures[signatureIndex] with { Signature = signature.ToArray() };
        return transaction with { TransactionSignatures = signatures };
    }

    /// <summary>Signs every signature entry whose parent is spent or revised with conditions holding <paramref name="key"/>'s public key.</summary>
    public static Transaction SignAll(Transaction transaction, Key key, ChainRules rules, ulong height)
    {
        var publicKey = SiaPublicKey.Ed25519(Ed25519.PublicKeyOf(key));
        for (var i = 0; i < transaction.TransactionSignatures.Count; i++)
        {
            var entry = transaction.TransactionSignatures[i];
            var conditions = SignatureVerifier.ConditionsOf(transaction, entry.ParentId);
            if (conditions is not null && entry.PublicKeyIndex < (ulong)conditions.PublicKeys.Count
                && conditions.PublicKeys[(int)entry.PublicKeyIndex].Equals(publicKey))
            {
                transaction = Sign(transaction, i, key, rules, height);
            }
        }

        return transaction;
    }
}

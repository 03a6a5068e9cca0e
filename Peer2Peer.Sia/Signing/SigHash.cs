using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sia.Signing;

/// <summary>The hash a transaction signature signs (SIAD.md §6.3).</summary>
public static class SigHash
{
    public static Hash256 Compute(Transaction transaction, int signatureIndex, ChainRules rules, ulong height) =>
        Compute(transaction, signatureIndex, rules.ReplayPrefix(height));

    /// <summary>
    /// Whole-transaction signatures hash every field but the signatures, then the signature's parent, key index and
    /// timelock; partial ones hash exactly the covered elements. Either way covered signatures come last.
    /// Covered indexes must be in range (<see cref="SignatureVerifier"/> checks that first).
    /// </summary>
    public static Hash256 Compute(Transaction transaction, int signatureIndex, ReadOnlySpan<byte> replayPrefix)
    {
        var signature = transaction.TransactionSignatures[signatureIndex];
        var covered = signature.CoveredFields;
        var encoder = new SiaEncoder(1024);
        if (covered.WholeTransaction)
        {
            encoder.WriteCount(transaction.SiacoinInputs.Count);
            foreach (var input in transaction.SiacoinInputs)
            {
                encoder.WriteFixed(replayPrefix);
                input.EncodeTo(encoder);
            }

            encoder.WriteList(transaction.SiacoinOutputs);
            encoder.WriteList(transaction.FileContracts);
            encoder.WriteList(transaction.FileContractRevisions);
            encoder.WriteList(transaction.StorageProofs);
            encoder.WriteCount(transaction.SiafundInputs.Count);
            foreach (var input in transaction.SiafundInputs)
            {
                encoder.WriteFixed(replayPrefix);
                input.EncodeTo(encoder);
            }

            encoder.WriteList(transaction.SiafundOutputs);
            encoder.WriteList(transaction.MinerFees);
            encoder.WriteBytesList(transaction.ArbitraryData);
            signature.ParentId.EncodeTo(encoder);
            encoder.WriteUInt64(signature.PublicKeyIndex);
            encoder.WriteUInt64(signature.Timelock);
        }
        else
        {
            foreach (var i in covered.SiacoinInputs)
            {
                encoder.WriteFixed(replayPrefix);
                transaction.SiacoinInputs[checked((int)i)].EncodeTo(encoder);
            }

            WriteCovered(encoder, transaction.SiacoinOutputs, covered.SiacoinOutputs);
            WriteCovered(encoder, transaction.FileContracts, covered.FileContracts);
            WriteCovered(encoder, transaction.FileContractRevisions, covered.FileContractRevisions);
            WriteCovered(encoder, transaction.StorageProofs, covered.StorageProofs);
            foreach (var i in covered.SiafundInputs)
            {
                encoder.WriteFixed(replayPrefix);
                transaction.SiafundInputs[checked((int)i)].EncodeTo(encoder);
            }

            WriteCovered(encoder, transaction.SiafundOutputs, covered.SiafundOutputs);
            WriteCovered(encoder, transaction.MinerFees, covered.MinerFees);
            foreach (var i in covered.ArbitraryData)
            {
                encoder.WritePrefixedBytes(transaction.ArbitraryData[checked((int)i)]);
            }
        }

        WriteCovered(encoder, transaction.TransactionSignatures, covered.TransactionSignatures);
        return Blake2b.Hash(encoder.WrittenSpan);
    }

    private static void WriteCovered<T>(SiaEncoder encoder, IReadOnlyList<T> items, IReadOnlyList<ulong> indexes) where T : ISiaObject<T>
    {
        foreach (var i in indexes)
        {
            items[checked((int)i)].EncodeTo(encoder);
        }
    }
}

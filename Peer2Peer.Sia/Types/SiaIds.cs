using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Encoding;

namespace Peer2Peer.Sia.Types;

/// <summary>ID derivations (SIAD.md §5.4).</summary>
public static class SiaIds
{
    /// <summary>H(specifier || transaction without signatures || u64(index)): siacoin/siafund output and file contract IDs.</summary>
    public static Hash256 Derive(Specifier specifier, Transaction transaction, int index)
    {
        var encoder = new SiaEncoder();
        specifier.EncodeTo(encoder);
        transaction.EncodeWithoutSignatures(encoder);
        encoder.WriteCount(index);
        return Blake2b.Hash(encoder.WrittenSpan);
    }

    /// <summary>H("storage proof" || contract ID || valid?1:0 || u64(index)): the outputs a contract pays when it resolves.</summary>
    public static Hash256 StorageProofOutputId(Hash256 fileContractId, bool valid, int index)
    {
        var encoder = new SiaEncoder(64);
        Specifier.StorageProof.EncodeTo(encoder);
        fileContractId.EncodeTo(encoder);
        encoder.WriteBool(valid);
        encoder.WriteCount(index);
        return Blake2b.Hash(encoder.WrittenSpan);
    }

    /// <summary>H(block ID || u64(index)).</summary>
    public static Hash256 MinerPayoutId(Hash256 blockId, int index)
    {
        var encoder = new SiaEncoder(40);
        blockId.EncodeTo(encoder);
        encoder.WriteCount(index);
        return Blake2b.Hash(encoder.WrittenSpan);
    }

    /// <summary>The output a siafund output's claim pays: H(siafund output ID).</summary>
    public static Hash256 SiafundClaimOutputId(Hash256 siafundOutputId)
    {
        Span<byte> bytes = stackalloc byte[Hash256.Size];
        siafundOutputId.CopyTo(bytes);
        return Blake2b.Hash(bytes);
    }
}

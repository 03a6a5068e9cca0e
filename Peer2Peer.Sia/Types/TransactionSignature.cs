using Newtonsoft.Json;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Json;

namespace Peer2Peer.Sia.Types;

/// <summary>One signature of a transaction: whose input (ParentId), which key, what it covers, and the bytes.</summary>
[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record TransactionSignature : ISiaObject<TransactionSignature>
{
    public Hash256 ParentId { get; init; }

    public ulong PublicKeyIndex { get; init; }

    public ulong Timelock { get; init; }

    public CoveredFields CoveredFields { get; init; } = new();

    /// <summary>A variable-length byte string in Sia's encoding (64 bytes for Ed25519); base64 in JSON.</summary>
    public byte[] Signature { get; init; } = [];

    public static int MinEncodedSize => 32 + 8 + 8 + CoveredFields.MinEncodedSize + 8;

    public void EncodeTo(SiaEncoder encoder)
    {
        ParentId.EncodeTo(encoder);
        encoder.WriteUInt64(PublicKeyIndex);
        encoder.WriteUInt64(Timelock);
        CoveredFields.EncodeTo(encoder);
        encoder.WritePrefixedBytes(Signature);
    }

    public static TransactionSignature DecodeFrom(ref SiaDecoder decoder) => new()
    {
        ParentId = Hash256.DecodeFrom(ref decoder),
        PublicKeyIndex = decoder.ReadUInt64(),
        Timelock = decoder.ReadUInt64(),
        CoveredFields = CoveredFields.DecodeFrom(ref decoder),
        Signature = decoder.ReadPrefixedBytes(),
    };

    public bool Equals(TransactionSignature? other) => SiaEquality.Equal(this, other);

    public override int GetHashCode() => SiaEquality.HashCode(this);
}

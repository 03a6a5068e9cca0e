using Newtonsoft.Json;
using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Json;

namespace Peer2Peer.Sia.Types;

/// <summary>Who may spend an output: a timelock, public keys and how many of them must sign.</summary>
[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record UnlockConditions : ISiaObject<UnlockConditions>
{
    public ulong Timelock { get; init; }

    [JsonConverter(typeof(NullAsEmptyListConverter<SiaPublicKey>))]
    public IReadOnlyList<SiaPublicKey> PublicKeys { get; init; } = [];

    public ulong SignaturesRequired { get; init; }

    public static int MinEncodedSize => 24;

    /// <summary>The standard single-key conditions every wallet address uses.</summary>
    public static UnlockConditions Standard(SiaPublicKey key) => new() { PublicKeys = [key], SignaturesRequired = 1 };

    public static UnlockConditions Standard(ReadOnlySpan<byte> ed25519Key) => Standard(SiaPublicKey.Ed25519(ed25519Key));

    /// <summary>The address of these conditions: Merkle root of timelock, each key, signatures required.</summary>
    public UnlockHash UnlockHash()
    {
        var tree = new MerkleTree();
        var encoder = new SiaEncoder(64);
        encoder.WriteUInt64(Timelock);
        tree.AddLeaf(encoder.WrittenSpan);
        foreach (var key in PublicKeys)
        {
            encoder.Reset();
            key.EncodeTo(encoder);
            tree.AddLeaf(encoder.WrittenSpan);
        }

        encoder.Reset();
        encoder.WriteUInt64(SignaturesRequired);
        tree.AddLeaf(encoder.WrittenSpan);
        return new UnlockHash(tree.Root());
    }

    public void EncodeTo(SiaEncoder encoder)
    {
        encoder.WriteUInt64(Timelock);
        encoder.WriteList(PublicKeys);
        encoder.WriteUInt64(SignaturesRequired);
    }

    public static UnlockConditions DecodeFrom(ref SiaDecoder decoder) => new()
    {
        Timelock = decoder.ReadUInt64(),
        PublicKeys = decoder.ReadList<SiaPublicKey>(),
        SignaturesRequired = decoder.ReadUInt64(),
    };

    public bool Equals(UnlockConditions? other) => SiaEquality.Equal(this, other);

    public override int GetHashCode() => SiaEquality.HashCode(this);
}

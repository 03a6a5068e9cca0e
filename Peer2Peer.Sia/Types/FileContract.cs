using Newtonsoft.Json;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Json;

namespace Peer2Peer.Sia.Types;

/// <summary>A file contract (SIAD.md §8); with FileSize 0 it is the payment channel of the billing capability.</summary>
[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record FileContract : ISiaObject<FileContract>
{
    public ulong FileSize { get; init; }

    public Hash256 FileMerkleRoot { get; init; }

    public ulong WindowStart { get; init; }

    public ulong WindowEnd { get; init; }

    public Currency Payout { get; init; }

    [JsonConverter(typeof(NullAsEmptyListConverter<SiacoinOutput>))]
    public IReadOnlyList<SiacoinOutput> ValidProofOutputs { get; init; } = [];

    [JsonConverter(typeof(NullAsEmptyListConverter<SiacoinOutput>))]
    public IReadOnlyList<SiacoinOutput> MissedProofOutputs { get; init; } = [];

    public UnlockHash UnlockHash { get; init; }

    public ulong RevisionNumber { get; init; }

    public static int MinEncodedSize => 8 + 32 + 8 + 8 + 8 + 8 + 8 + 32 + 8;

    public void EncodeTo(SiaEncoder encoder)
    {
        encoder.WriteUInt64(FileSize);
        FileMerkleRoot.EncodeTo(encoder);
        encoder.WriteUInt64(WindowStart);
        encoder.WriteUInt64(WindowEnd);
        Payout.EncodeTo(encoder);
        encoder.WriteList(ValidProofOutputs);
        encoder.WriteList(MissedProofOutputs);
        UnlockHash.EncodeTo(encoder);
        encoder.WriteUInt64(RevisionNumber);
    }

    public static FileContract DecodeFrom(ref SiaDecoder decoder) => new()
    {
        FileSize = decoder.ReadUInt64(),
        FileMerkleRoot = Hash256.DecodeFrom(ref decoder),
        WindowStart = decoder.ReadUInt64(),
        WindowEnd = decoder.ReadUInt64(),
        Payout = Currency.DecodeFrom(ref decoder),
        ValidProofOutputs = decoder.ReadList<SiacoinOutput>(),
        MissedProofOutputs = decoder.ReadList<SiacoinOutput>(),
        UnlockHash = UnlockHash.DecodeFrom(ref decoder),
        RevisionNumber = decoder.ReadUInt64(),
    };

    public bool Equals(FileContract? other) => SiaEquality.Equal(this, other);

    public override int GetHashCode() => SiaEquality.HashCode(this);
}

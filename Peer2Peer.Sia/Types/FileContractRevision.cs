using Newtonsoft.Json;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Json;

namespace Peer2Peer.Sia.Types;

/// <summary>A new state for an open file contract; ParentId is the contract's ID.</summary>
[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record FileContractRevision : ISiaObject<FileContractRevision>
{
    public Hash256 ParentId { get; init; }

    public UnlockConditions UnlockConditions { get; init; } = new();

    public ulong NewRevisionNumber { get; init; }

    public ulong NewFileSize { get; init; }

    public Hash256 NewFileMerkleRoot { get; init; }

    public ulong NewWindowStart { get; init; }

    public ulong NewWindowEnd { get; init; }

    [JsonConverter(typeof(NullAsEmptyListConverter<SiacoinOutput>))]
    public IReadOnlyList<SiacoinOutput> NewValidProofOutputs { get; init; } = [];

    [JsonConverter(typeof(NullAsEmptyListConverter<SiacoinOutput>))]
    public IReadOnlyList<SiacoinOutput> NewMissedProofOutputs { get; init; } = [];

    public UnlockHash NewUnlockHash { get; init; }

    public static int MinEncodedSize => 32 + UnlockConditions.MinEncodedSize + 8 + 8 + 32 + 8 + 8 + 8 + 8 + 32;

    public void EncodeTo(SiaEncoder encoder)
    {
        ParentId.EncodeTo(encoder);
        UnlockConditions.EncodeTo(encoder);
        encoder.WriteUInt64(NewRevisionNumber);
        encoder.WriteUInt64(NewFileSize);
        NewFileMerkleRoot.EncodeTo(encoder);
        encoder.WriteUInt64(NewWindowStart);
        encoder.WriteUInt64(NewWindowEnd);
        encoder.WriteList(NewValidProofOutputs);
        encoder.WriteList(NewMissedProofOutputs);
        NewUnlockHash.EncodeTo(encoder);
    }

    public static FileContractRevision DecodeFrom(ref SiaDecoder decoder) => new()
    {
        ParentId = Hash256.DecodeFrom(ref decoder),
        UnlockConditions = UnlockConditions.DecodeFrom(ref decoder),
        NewRevisionNumber = decoder.ReadUInt64(),
        NewFileSize = decoder.ReadUInt64(),
        NewFileMerkleRoot = Hash256.DecodeFrom(ref decoder),
        NewWindowStart = decoder.ReadUInt64(),
        NewWindowEnd = decoder.ReadUInt64(),
        NewValidProofOutputs = decoder.ReadList<SiacoinOutput>(),
        NewMissedProofOutputs = decoder.ReadList<SiacoinOutput>(),
        NewUnlockHash = UnlockHash.DecodeFrom(ref decoder),
    };

    public bool Equals(FileContractRevision? other) => SiaEquality.Equal(this, other);

    public override int GetHashCode() => SiaEquality.HashCode(this);
}

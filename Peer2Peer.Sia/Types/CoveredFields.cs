using Newtonsoft.Json;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Json;

namespace Peer2Peer.Sia.Types;

/// <summary>Which parts of a transaction a signature covers: the whole transaction, or listed elements.</summary>
[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record CoveredFields : ISiaObject<CoveredFields>
{
    public bool WholeTransaction { get; init; }

    [JsonConverter(typeof(NullAsEmptyListConverter<ulong>))]
    public IReadOnlyList<ulong> SiacoinInputs { get; init; } = [];

    [JsonConverter(typeof(NullAsEmptyListConverter<ulong>))]
    public IReadOnlyList<ulong> SiacoinOutputs { get; init; } = [];

    [JsonConverter(typeof(NullAsEmptyListConverter<ulong>))]
    public IReadOnlyList<ulong> FileContracts { get; init; } = [];

    [JsonConverter(typeof(NullAsEmptyListConverter<ulong>))]
    public IReadOnlyList<ulong> FileContractRevisions { get; init; } = [];

    [JsonConverter(typeof(NullAsEmptyListConverter<ulong>))]
    public IReadOnlyList<ulong> StorageProofs { get; init; } = [];

    [JsonConverter(typeof(NullAsEmptyListConverter<ulong>))]
    public IReadOnlyList<ulong> SiafundInputs { get; init; } = [];

    [JsonConverter(typeof(NullAsEmptyListConverter<ulong>))]
    public IReadOnlyList<ulong> SiafundOutputs { get; init; } = [];

    [JsonConverter(typeof(NullAsEmptyListConverter<ulong>))]
    public IReadOnlyList<ulong> MinerFees { get; init; } = [];

    [JsonConverter(typeof(NullAsEmptyListConverter<ulong>))]
    public IReadOnlyList<ulong> ArbitraryData { get; init; } = [];

    [JsonConverter(typeof(NullAsEmptyListConverter<ulong>))]
    public IReadOnlyList<ulong> TransactionSignatures { get; init; } = [];

    public static int MinEncodedSize => 1 + 10 * 8;

    public static CoveredFields Whole { get; } = new() { WholeTransaction = true };

    /// <summary>What a payment-channel revision signature covers: only the first revision (SIAD.md §8.4).</summary>
    public static CoveredFields FirstRevision { get; } = new() { FileContractRevisions = [0] };

    /// <summary>The ten index lists in encoding order.</summary>
    [JsonIgnore]
    public IReadOnlyList<ulong>[] Lists =>
    [
        SiacoinInputs, SiacoinOutputs, FileContracts, FileContractRevisions, StorageProofs,
        SiafundInputs, SiafundOutputs, MinerFees, ArbitraryData, TransactionSignatures,
    ];

    public void EncodeTo(SiaEncoder encoder)
    {
        encoder.WriteBool(WholeTransaction);
        foreach (var list in Lists)
        {
            encoder.WriteUInt64List(list);
        }
    }

    public static CoveredFields DecodeFrom(ref SiaDecoder decoder) => new()
    {
        WholeTransaction = decoder.ReadBool(),
        SiacoinInputs = decoder.ReadUInt64List(),
        SiacoinOutputs = decoder.ReadUInt64List(),
        FileContracts = decoder.ReadUInt64List(),
        FileContractRevisions = decoder.ReadUInt64List(),
        StorageProofs = decoder.ReadUInt64List(),
        SiafundInputs = decoder.ReadUInt64List(),
        SiafundOutputs = decoder.ReadUInt64List(),
        MinerFees = decoder.ReadUInt64List(),
        ArbitraryData = decoder.ReadUInt64List(),
        TransactionSignatures = decoder.ReadUInt64List(),
    };

    public bool Equals(CoveredFields? other) => SiaEquality.Equal(this, other);

    public override int GetHashCode() => SiaEquality.HashCode(this);
}

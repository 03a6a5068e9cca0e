using Newtonsoft.Json;
using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Json;

namespace Peer2Peer.Sia.Types;

/// <summary>A Sia v1 transaction; field order is encoding order (SIAD.md §6.1).</summary>
[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record Transaction : ISiaObject<Transaction>
{
    /// <summary>siad's pool refuses larger transactions (SIAD.md §3.7).</summary>
    public const int MaxStandardSize = 32_000;

    [JsonConverter(typeof(NullAsEmptyListConverter<SiacoinInput>))]
    public IReadOnlyList<SiacoinInput> SiacoinInputs { get; init; } = [];

    [JsonConverter(typeof(NullAsEmptyListConverter<SiacoinOutput>))]
    public IReadOnlyList<SiacoinOutput> SiacoinOutputs { get; init; } = [];

    [JsonConverter(typeof(NullAsEmptyListConverter<FileContract>))]
    public IReadOnlyList<FileContract> FileContracts { get; init; } = [];

    [JsonConverter(typeof(NullAsEmptyListConverter<FileContractRevision>))]
    public IReadOnlyList<FileContractRevision> FileContractRevisions { get; init; } = [];

    [JsonConverter(typeof(NullAsEmptyListConverter<StorageProof>))]
    public IReadOnlyList<StorageProof> StorageProofs { get; init; } = [];

    [JsonConverter(typeof(NullAsEmptyListConverter<SiafundInput>))]
    public IReadOnlyList<SiafundInput> SiafundInputs { get; init; } = [];

    [JsonConverter(typeof(NullAsEmptyListConverter<SiafundOutput>))]
    public IReadOnlyList<SiafundOutput> SiafundOutputs { get; init; } = [];

    [JsonConverter(typeof(NullAsEmptyListConverter<Currency>))]
    public IReadOnlyList<Currency> MinerFees { get; init; } = [];

    [JsonConverter(typeof(NullAsEmptyListConverter<byte[]>))]
    public IReadOnlyList<byte[]> ArbitraryData { get; init; } = [];

    [JsonConverter(typeof(NullAsEmptyListConverter<TransactionSignature>))]
    public IReadOnlyList<TransactionSignature> TransactionSignatures { get; init; } = [];

    public static int MinEncodedSize => 10 * 8;

    /// <summary>The transaction ID: the hash of the encoding without signatures, so signing never changes it.</summary>
    [JsonIgnore]
    public Hash256 Id
    {
        get
        {
            var encoder = new SiaEncoder();
            EncodeWithoutSignatures(encoder);
            return Blake2b.Hash(encoder.WrittenSpan);
        }
    }

    /// <summary>The encoded size in bytes, signatures included.</summary>
    [JsonIgnore]
    public int EncodedSize => SiaEncoding.Encode(this).Length;

    public Hash256 SiacoinOutputId(int index) => SiaIds.Derive(Specifier.SiacoinOutput, this, index);

    public Hash256 SiafundOutputId(int index) => SiaIds.Derive(Specifier.SiafundOutput, this, index);

    public Hash256 FileContractId(int index) => SiaIds.Derive(Specifier.FileContract, this, index);

    public void EncodeTo(SiaEncoder encoder)
    {
        EncodeWithoutSignatures(encoder);
        encoder.WriteList(TransactionSignatures);
    }

    /// <summary>The first nine fields: what the ID and the output IDs hash.</summary>
    public void EncodeWithoutSignatures(SiaEncoder encoder)
    {
        encoder.WriteList(SiacoinInputs);
        encoder.WriteList(SiacoinOutputs);
        encoder.WriteList(FileContracts);
        encoder.WriteList(FileContractRevisions);
        encoder.WriteList(StorageProofs);
        encoder.WriteList(SiafundInputs);
        encoder.WriteList(SiafundOutputs);
        encoder.WriteList(MinerFees);
        encoder.WriteBytesList(ArbitraryData);
    }

    public static Transaction DecodeFrom(ref SiaDecoder decoder) => new()
    {
        SiacoinInputs = decoder.ReadList<SiacoinInput>(),
        SiacoinOutputs = decoder.ReadList<SiacoinOutput>(),
        FileContracts = decoder.ReadList<FileContract>(),
        FileContractRevisions = decoder.ReadList<FileContractRevision>(),
        StorageProofs = decoder.ReadList<StorageProof>(),
        SiafundInputs = decoder.ReadList<SiafundInput>(),
        SiafundOutputs = decoder.ReadList<SiafundOutput>(),
        MinerFees = decoder.ReadList<Currency>(),
        ArbitraryData = decoder.ReadBytesList(),
        TransactionSignatures = decoder.ReadList<TransactionSignature>(),
    };

    public bool Equals(Transaction? other) => SiaEquality.Equal(this, other);

    public override int GetHashCode() => SiaEquality.HashCode(this);
}

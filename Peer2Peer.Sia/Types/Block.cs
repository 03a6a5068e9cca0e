using Newtonsoft.Json;
using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Json;

namespace Peer2Peer.Sia.Types;

/// <summary>A block: header fields, miner payouts and transactions. Its ID is the hash of its 80-byte header.</summary>
[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record Block : ISiaObject<Block>
{
    public Hash256 ParentId { get; init; }

    /// <summary>The 8 nonce bytes read as little-endian; JSON is an array of 8 numbers.</summary>
    [JsonConverter(typeof(NonceJsonConverter))]
    public ulong Nonce { get; init; }

    public ulong Timestamp { get; init; }

    [JsonConverter(typeof(NullAsEmptyListConverter<SiacoinOutput>))]
    public IReadOnlyList<SiacoinOutput> MinerPayouts { get; init; } = [];

    [JsonConverter(typeof(NullAsEmptyListConverter<Transaction>))]
    public IReadOnlyList<Transaction> Transactions { get; init; } = [];

    public static int MinEncodedSize => 32 + 8 + 8 + 8 + 8;

    [JsonIgnore]
    public Hash256 Id => Header.Id;

    [JsonIgnore]
    public BlockHeader Header => new(ParentId, Nonce, Timestamp, MerkleRoot());

    public Hash256 MinerPayoutId(int index) => SiaIds.MinerPayoutId(Id, index);

    /// <summary>Merkle root over each miner payout's encoding, then each transaction's full encoding.</summary>
    public Hash256 MerkleRoot()
    {
        var tree = new MerkleTree();
        var encoder = new SiaEncoder(1024);
        foreach (var payout in MinerPayouts)
        {
            encoder.Reset();
            payout.EncodeTo(encoder);
            tree.AddLeaf(encoder.WrittenSpan);
        }

        foreach (var transaction in Transactions)
        {
            encoder.Reset();
            transaction.EncodeTo(encoder);
            tree.AddLeaf(encoder.WrittenSpan);
        }

        return tree.Root();
    }

    public void EncodeTo(SiaEncoder encoder)
    {
        ParentId.EncodeTo(encoder);
        encoder.WriteUInt64(Nonce);
        encoder.WriteUInt64(Timestamp);
        encoder.WriteList(MinerPayouts);
        encoder.WriteList(Transactions);
    }

    public static Block DecodeFrom(ref SiaDecoder decoder) => new()
    {
        ParentId = Hash256.DecodeFrom(ref decoder),
        Nonce = decoder.ReadUInt64(),
        Timestamp = decoder.ReadUInt64(),
        MinerPayouts = decoder.ReadList<SiacoinOutput>(),
        Transactions = decoder.ReadList<Transaction>(),
    };

    public bool Equals(Block? other) => SiaEquality.Equal(this, other);

    public override int GetHashCode() => SiaEquality.HashCode(this);
}

/// <summary>The 80 bytes a block ID hashes (and a miner grinds): parent, nonce, timestamp, Merkle root.</summary>
public readonly record struct BlockHeader(Hash256 ParentId, ulong Nonce, ulong Timestamp, Hash256 MerkleRoot) : ISiaObject<BlockHeader>
{
    public const int Size = 80;

    public static int MinEncodedSize => Size;

    public Hash256 Id => Blake2b.Hash(SiaEncoding.Encode(this));

    public void EncodeTo(SiaEncoder encoder)
    {
        ParentId.EncodeTo(encoder);
        encoder.WriteUInt64(Nonce);
        encoder.WriteUInt64(Timestamp);
        MerkleRoot.EncodeTo(encoder);
    }

    public static BlockHeader DecodeFrom(ref SiaDecoder decoder) =>
        new(Hash256.DecodeFrom(ref decoder), decoder.ReadUInt64(), decoder.ReadUInt64(), Hash256.DecodeFrom(ref decoder));
}

using Newtonsoft.Json;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Json;

namespace Peer2Peer.Sia.Types;

/// <summary>Proof that a contract's data is stored; for a zero-size contract a zero segment and no hashes.</summary>
[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record StorageProof : ISiaObject<StorageProof>
{
    public const int SegmentSize = 64;

    public Hash256 ParentId { get; init; }

    /// <summary>Exactly 64 bytes; JSON is an array of 64 numbers.</summary>
    [JsonConverter(typeof(ByteArrayAsNumbersConverter))]
    public byte[] Segment { get; init; } = new byte[SegmentSize];

    [JsonConverter(typeof(NullAsEmptyListConverter<Hash256>))]
    public IReadOnlyList<Hash256> HashSet { get; init; } = [];

    public static int MinEncodedSize => 32 + SegmentSize + 8;

    public void EncodeTo(SiaEncoder encoder)
    {
        if (Segment.Length != SegmentSize)
        {
            throw new InvalidOperationException($"a storage proof segment is {SegmentSize} bytes, got {Segment.Length}");
        }

        ParentId.EncodeTo(encoder);
        encoder.WriteFixed(Segment);
        encoder.WriteList(HashSet);
    }

    public static StorageProof DecodeFrom(ref SiaDecoder decoder) => new()
    {
        ParentId = Hash256.DecodeFrom(ref decoder),
        Segment = decoder.ReadFixed(SegmentSize).ToArray(),
        HashSet = decoder.ReadList<Hash256>(),
    };

    public bool Equals(StorageProof? other) => SiaEquality.Equal(this, other);

    public override int GetHashCode() => SiaEquality.HashCode(this);
}

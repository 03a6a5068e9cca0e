using Newtonsoft.Json;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Json;

namespace Peer2Peer.Sia.Types;

[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record SiacoinInput : ISiaObject<SiacoinInput>
{
    public Hash256 ParentId { get; init; }

    public UnlockConditions UnlockConditions { get; init; } = new();

    public static int MinEncodedSize => Hash256.Size + UnlockConditions.MinEncodedSize;

    public void EncodeTo(SiaEncoder encoder)
    {
        ParentId.EncodeTo(encoder);
        UnlockConditions.EncodeTo(encoder);
    }

    public static SiacoinInput DecodeFrom(ref SiaDecoder decoder) => new()
    {
        ParentId = Hash256.DecodeFrom(ref decoder),
        UnlockConditions = UnlockConditions.DecodeFrom(ref decoder),
    };
}

[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record SiacoinOutput : ISiaObject<SiacoinOutput>
{
    public Currency Value { get; init; }

    public UnlockHash UnlockHash { get; init; }

    public static int MinEncodedSize => Currency.MinEncodedSize + Hash256.Size;

    public void EncodeTo(SiaEncoder encoder)
    {
        Value.EncodeTo(encoder);
        UnlockHash.EncodeTo(encoder);
    }

    public static SiacoinOutput DecodeFrom(ref SiaDecoder decoder) => new()
    {
        Value = Currency.DecodeFrom(ref decoder),
        UnlockHash = UnlockHash.DecodeFrom(ref decoder),
    };
}

[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record SiafundInput : ISiaObject<SiafundInput>
{
    public Hash256 ParentId { get; init; }

    public UnlockConditions UnlockConditions { get; init; } = new();

    public UnlockHash ClaimUnlockHash { get; init; }

    public static int MinEncodedSize => Hash256.Size + UnlockConditions.MinEncodedSize + Hash256.Size;

    public void EncodeTo(SiaEncoder encoder)
    {
        ParentId.EncodeTo(encoder);
        UnlockConditions.EncodeTo(encoder);
        ClaimUnlockHash.EncodeTo(encoder);
    }

    public static SiafundInput DecodeFrom(ref SiaDecoder decoder) => new()
    {
        ParentId = Hash256.DecodeFrom(ref decoder),
        UnlockConditions = UnlockConditions.DecodeFrom(ref decoder),
        ClaimUnlockHash = UnlockHash.DecodeFrom(ref decoder),
    };
}

[JsonObject(NamingStrategyType = typeof(LowercaseNamingStrategy))]
public sealed record SiafundOutput : ISiaObject<SiafundOutput>
{
    public Currency Value { get; init; }

    public UnlockHash UnlockHash { get; init; }

    /// <summary>Always zero in a transaction; siad omits it from block JSON.</summary>
    public Currency ClaimStart { get; init; }

    public static int MinEncodedSize => Currency.MinEncodedSize + Hash256.Size + Currency.MinEncodedSize;

    public void EncodeTo(SiaEncoder encoder)
    {
        Value.EncodeTo(encoder);
        UnlockHash.EncodeTo(encoder);
        ClaimStart.EncodeTo(encoder);
    }

    public static SiafundOutput DecodeFrom(ref SiaDecoder decoder) => new()
    {
        Value = Currency.DecodeFrom(ref decoder),
        UnlockHash = UnlockHash.DecodeFrom(ref decoder),
        ClaimStart = Currency.DecodeFrom(ref decoder),
    };
}

using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Announcements;
using Peer2Peer.Sidecar.Tests.Announcements;
using Key = NSec.Cryptography.Key;

namespace Peer2Peer.Sidecar.Tests.Discovery;

/// <summary>Signed entries for the scanner: offers, withdrawals, Sia host announcements and forgeries.</summary>
public static class Announcing
{
    public static byte[] Seed(int n) => Enumerable.Repeat((byte)n, 32).ToArray();

    public static Key Key(int n) => Ed25519.ImportSeed(Seed(n));

    public static SiaPublicKey Public(int n) => SiaPublicKey.Ed25519(Ed25519.PublicKeyFromSeed(Seed(n)));

    public static Announcement OfferOf(int provider, ulong sequence, Hash256 network, ulong expiry = 1_000_000, string? url = null, SiaPublicKey? hostKey = null, string price = "3 mS") =>
        AnnouncementCodecTests.Sample(locations: 1, sizesPerLocation: 2, url: url ?? $"https://g8-{provider}.example.com") with
        {
            Network = network,
            ProviderKey = Public(provider),
            Sequence = sequence,
            ExpiryHeight = expiry,
        } is var a ? a with { Offer = a.Offer! with { HostKey = hostKey, Locations = [a.Offer.Locations[0] with { Sizes = [.. a.Offer.Locations[0].Sizes.Select(s => s with { PricePerHour = Currency.Parse(price) * s.Id })] }] } } : a;

    public static byte[] Offer(int provider, ulong sequence, Hash256 network, ulong expiry = 1_000_000, string? url = null, SiaPublicKey? hostKey = null, string price = "3 mS")
    {
        using var key = Key(provider);
        return AnnouncementCodec.Sign(OfferOf(provider, sequence, network, expiry, url, hostKey, price), key);
    }

    public static byte[] Withdrawal(int provider, ulong sequence, Hash256 network)
    {
        using var key = Key(provider);
        return AnnouncementCodec.Sign(new Announcement { Kind = AnnouncementKind.Withdrawal, Network = network, ProviderKey = Public(provider), Sequence = sequence }, key);
    }

    public static byte[] Host(int host, string address)
    {
        using var key = Key(host);
        return new HostAnnouncement(address, Public(host)).Sign(key);
    }

    /// <summary>Valid encoding and a valid signature over a body the codec's rules refuse (an attacker skips Sign's checks).</summary>
    public static byte[] ForgeSignedWithPrice(int provider, Hash256 network, Currency price)
    {
        using var key = Key(provider);
        var template = OfferOf(provider, 1, network, price: "1 SC");
        template = template with { Offer = template.Offer! with { Locations = [template.Offer.Locations[0] with { Sizes = [template.Offer.Locations[0].Sizes[0]] }] } };
        var unsigned = AnnouncementCodec.Sign(template, key)[..^64];
        var original = SiaEncoding.Encode(template.Offer!.Locations[0].Sizes[0].PricePerHour);
        var at = unsigned.AsSpan().LastIndexOf(original);
        byte[] forged = [.. unsigned[..at], .. SiaEncoding.Encode(price), .. unsigned[(at + original.Length)..]];
        return [.. forged, .. Ed25519.Sign(key, Blake2b.Hash(forged).ToArray()).ToArray()];
    }

    /// <summary>A location claiming 5000 sizes: refused before anything is allocated.</summary>
    public static byte[] ThousandsOfSizes(Hash256 network)
    {
        var encoder = new SiaEncoder();
        encoder.WriteUInt64(1);
        encoder.WriteUInt64(1);
        network.EncodeTo(encoder);
        Public(1).EncodeTo(encoder);
        encoder.WriteUInt64(1);
        encoder.WriteUInt64(1);
        encoder.WriteString("https://x.example");
        new UnlockHash(default(Hash256)).EncodeTo(encoder);
        Public(2).EncodeTo(encoder);
        encoder.WriteBool(false);
        encoder.WriteUInt64(0);
        encoder.WriteUInt64(0);
        encoder.WriteUInt64(0);
        encoder.WriteUInt64(1);
        encoder.WriteString("x");
        encoder.WriteUInt64(5000);
        return [.. Header, .. encoder.ToArray(), .. new byte[8000], .. new byte[64]];
    }

    public static byte[] Header { get; } = [.. Specifier.NonSia.ToBytes(), .. AnnouncementFormat.Tag.ToBytes()];

    /// <summary>What every mined block carries: a NonSia entry that is not ours.</summary>
    public static byte[] Foreign(int n) => [.. Specifier.NonSia.ToBytes(), .. BitConverter.GetBytes(n)];
}

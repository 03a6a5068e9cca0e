using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Announcements;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Announcements;

/// <summary>Format v1 (docs/ANNOUNCEMENT.md): round trip, and every hostile variant rejected with its reason, never an exception.</summary>
[Category("Unit")]
public sealed class AnnouncementCodecTests
{
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("P2P_TEST_SEED"), out var s) ? s : 20261125;
    private static readonly Hash256 Network = TestKeys.Repeat(0x42);

    public static Announcement Sample(int locations = 2, int sizesPerLocation = 3, string url = "https://g8.example.com") => new()
    {
        Network = Network,
        ProviderKey = TestKeys.PublicA,
        Sequence = 7,
        ExpiryHeight = 5000,
        Offer = new Offer
        {
            ApiUrl = url,
            PayoutAddress = TestKeys.AddressA,
            ChannelKey = TestKeys.PublicB,
            HostKey = TestKeys.PublicB,
            Capacity = new Capacity(64, 262_144, 40),
            Locations = Enumerable.Range(0, locations).Select(l => new OfferLocation(
                $"be-gen-{l}",
                Enumerable.Range(1, sizesPerLocation).Select(i => new OfferSize((ulong)i, $"{i} vCPU", (ulong)i, 1024UL * (ulong)i, [10, 20, 40], Currency.Parse($"{i * 3} mS"))).ToArray(),
                [new OfferImage(1, "Ubuntu 16.04", 10), new OfferImage(2, "Windows 2016", 40)])).ToArray(),
        },
    };

    [Test]
    public void AnOfferRoundTripsAndVerifies()
    {
        using var key = TestKeys.KeyA();
        var entry = AnnouncementCodec.Sign(Sample(), key);

        var result = AnnouncementCodec.Decode(entry, Network);

        Assert.That(result.IsValid, Is.True, result.Detail);
        Assert.That(Specifier.NonSia.Matches(entry), Is.True, "passes siad's arbitrary-data standardness");
        var offer = result.Announcement!.Offer!;
        Assert.That(result.Announcement.Sequence, Is.EqualTo(7));
        Assert.That(offer.Locations.Select(l => l.Code), Is.EqualTo(new[] { "be-gen-0", "be-gen-1" }));
        Assert.That(offer.Locations[1].Sizes[2], Is.EqualTo(new OfferSize(3, "3 vCPU", 3, 3072, [10, 20, 40], Currency.Parse("9 mS"))).Using<OfferSize>(SameSize));
        Assert.That(offer.HostKey, Is.EqualTo(TestKeys.PublicB));
        Assert.That(AnnouncementCodec.Sign(result.Announcement, key), Is.EqualTo(entry), "re-encoding is byte-identical");
    }

    [Test]
    public void AWithdrawalRoundTrips()
    {
        using var key = TestKeys.KeyA();
        var withdrawal = new Announcement { Kind = AnnouncementKind.Withdrawal, Network = Network, ProviderKey = TestKeys.PublicA, Sequence = 8 };

        var result = AnnouncementCodec.Decode(AnnouncementCodec.Sign(withdrawal, key));

        Assert.That(result.Announcement!.Kind, Is.EqualTo(AnnouncementKind.Withdrawal));
        Assert.That(result.Announcement.Offer, Is.Null);
    }

    [Test]
    public void ASignatureByAnotherKeyIsAForgery()
    {
        using var wrongKey = TestKeys.KeyB();

        var result = AnnouncementCodec.Decode(AnnouncementCodec.Sign(Sample(), wrongKey));

        Assert.That(result.Rejection, Is.EqualTo(AnnouncementRejection.BadSignature));
    }

    [Test]
    public void EveryFlippedBitIsRejected()
    {
        using var key = TestKeys.KeyA();
        var entry = AnnouncementCodec.Sign(Sample(locations: 1, sizesPerLocation: 1), key);
        var random = new Random(Seed);

        for (var i = 0; i < entry.Length; i++)
        {
            var copy = (byte[])entry.Clone();
            copy[i] ^= (byte)(1 << random.Next(8));
            var result = AnnouncementCodec.Decode(copy, Network);
            Assert.That(result.IsValid, Is.False, $"flip at byte {i} (seed {Seed})");
            Assert.That(result.Rejection, i < AnnouncementFormat.HeaderBytes ? Is.EqualTo(AnnouncementRejection.Foreign) : Is.Not.EqualTo(AnnouncementRejection.Foreign));
        }
    }

    [Test]
    public void HostileEntriesAreRejectedWithTheirReason()
    {
        using var key = TestKeys.KeyA();
        var valid = AnnouncementCodec.Sign(Sample(), key);
        byte[] header = [.. Specifier.NonSia.ToBytes(), .. AnnouncementFormat.Tag.ToBytes()];

        Assert.Multiple(() =>
        {
            Assert.That(AnnouncementCodec.Decode([.. Specifier.NonSia.ToBytes(), 1, 2, 3]).Rejection, Is.EqualTo(AnnouncementRejection.Foreign), "a miner's NonSia entry");
            Assert.That(AnnouncementCodec.Decode(valid.AsSpan(0, valid.Length - 1)).Rejection, Is.Not.Null, "truncated");
            Assert.That(AnnouncementCodec.Decode([.. valid, 0]).IsValid, Is.False, "garbage after a valid entry");
            Assert.That(AnnouncementCodec.Decode([.. header, .. new byte[AnnouncementFormat.MaxEntryBytes]]).Rejection, Is.EqualTo(AnnouncementRejection.TooLarge));
            Assert.That(AnnouncementCodec.Decode(valid, TestKeys.Repeat(0x43)).Rejection, Is.EqualTo(AnnouncementRejection.WrongNetwork));
            Assert.That(AnnouncementCodec.Decode([.. header, 2, 0, 0, 0, 0, 0, 0, 0, .. new byte[200]]).Rejection, Is.EqualTo(AnnouncementRejection.UnknownVersion));
            Assert.That(AnnouncementCodec.Decode([.. header, 1, 0, 0, 0, 0, 0, 0, 0, .. new byte[200]]).Rejection, Is.EqualTo(AnnouncementRejection.Malformed));
            Assert.That(AnnouncementCodec.Decode(header).Rejection, Is.EqualTo(AnnouncementRejection.Malformed));
        });
    }

    [Test]
    public void AbsurdValuesAreRejectedEvenWhenProperlySigned()
    {
        var huge = Sample() with { Offer = Sample().Offer! with { Locations = [new OfferLocation("x", [new OfferSize(1, "big", 1, 1, [], Currency.Siacoins(2_000_000))], [])] } };
        var free = Sample() with { Offer = Sample().Offer! with { Locations = [new OfferLocation("x", [new OfferSize(1, "free", 1, 1, [], Currency.Zero)], [])] } };

        // Sign refuses them, so forge the bytes the way an attacker would: valid encoding, valid signature.
        Assert.That(AnnouncementCodec.Decode(ForgeSigned(huge)).Rejection, Is.EqualTo(AnnouncementRejection.InvalidValue));
        Assert.That(AnnouncementCodec.Decode(ForgeSigned(free)).Rejection, Is.EqualTo(AnnouncementRejection.InvalidValue));
        Assert.That(() => AnnouncementCodec.Sign(free, TestKeys.KeyA()), Throws.ArgumentException.With.Message.Contains("price per hour must be above 0"));
    }

    [Test]
    public void ThousandsOfSizesAreRefusedBeforeAllocating()
    {
        byte[] header = [.. Specifier.NonSia.ToBytes(), .. AnnouncementFormat.Tag.ToBytes()];
        var encoder = new SiaEncoder();
        encoder.WriteUInt64(1);
        encoder.WriteUInt64(1);
        Network.EncodeTo(encoder);
        TestKeys.PublicA.EncodeTo(encoder);
        encoder.WriteUInt64(1);
        encoder.WriteUInt64(1);
        encoder.WriteString("https://x.example");
        TestKeys.AddressA.EncodeTo(encoder);
        TestKeys.PublicB.EncodeTo(encoder);
        encoder.WriteBool(false);
        encoder.WriteUInt64(0);
        encoder.WriteUInt64(0);
        encoder.WriteUInt64(0);
        encoder.WriteUInt64(1);
        encoder.WriteString("x");
        encoder.WriteUInt64(5000);
        byte[] entry = [.. header, .. encoder.ToArray(), .. new byte[8000], .. new byte[64]];

        var result = AnnouncementCodec.Decode(entry);

        Assert.That(result.Rejection, Is.EqualTo(AnnouncementRejection.Malformed));
        Assert.That(result.Detail, Does.Contain("exceeds the limit of 64"));
    }

    [Test]
    public void AnOfferOverTheCapIsRefusedNotTruncated()
    {
        var big = Sample(locations: 32, sizesPerLocation: 64);

        Assert.That(() => AnnouncementCodec.Sign(big, TestKeys.KeyA()), Throws.TypeOf<AnnouncementTooLargeException>().With.Message.Contains("16384-byte cap"));
    }

    [Test]
    public void RandomBytesAfterTheHeaderNeverThrow()
    {
        var random = new Random(Seed);
        byte[] header = [.. Specifier.NonSia.ToBytes(), .. AnnouncementFormat.Tag.ToBytes()];
        for (var i = 0; i < 20_000; i++)
        {
            var body = new byte[random.Next(0, 400)];
            random.NextBytes(body);
            if (body.Length > 8 && random.Next(2) == 0)
            {
                body[0] = 1;
                Array.Clear(body, 1, 7);
            }

            Assert.That(AnnouncementCodec.Decode([.. header, .. body]).IsValid, Is.False, $"input {i} (seed {Seed})");
        }
    }

    private static byte[] ForgeSigned(Announcement announcement)
    {
        // Encode through a valid announcement's path, then swap in the absurd price bytes and re-sign.
        using var key = TestKeys.KeyA();
        var template = Sample() with { Offer = announcement.Offer! with { Locations = [new OfferLocation("x", [announcement.Offer!.Locations[0].Sizes[0] with { PricePerHour = Currency.OneSiacoin }], [])] } };
        var entry = AnnouncementCodec.Sign(template, key);
        var unsigned = entry[..^64];
        var price = SiaEncoding.Encode(Currency.OneSiacoin);
        var at = unsigned.AsSpan().LastIndexOf(price);
        byte[] forged = [.. unsigned[..at], .. SiaEncoding.Encode(announcement.Offer.Locations[0].Sizes[0].PricePerHour), .. unsigned[(at + price.Length)..]];
        return [.. forged, .. Ed25519.Sign(key, Blake2b.Hash(forged).ToArray()).ToArray()];
    }

    private static bool SameSize(OfferSize a, OfferSize b) =>
        a.Id == b.Id && a.Name == b.Name && a.Vcpus == b.Vcpus && a.MemoryMiB == b.MemoryMiB && a.DiskSizesGiB.SequenceEqual(b.DiskSizesGiB) && a.PricePerHour == b.PricePerHour;
}

using Peer2Peer.Sia.Crypto;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Types;
using Key = NSec.Cryptography.Key;

namespace Peer2Peer.Sidecar.Announcements;

/// <summary>Why an arbitrary-data entry is not a valid announcement; counted by the scanner.</summary>
public enum AnnouncementRejection
{
    /// <summary>Not our prefix and tag: someone else's data (every mined block carries a NonSia entry). Not an error.</summary>
    Foreign,
    TooLarge,
    UnknownVersion,
    Malformed,
    InvalidValue,
    BadSignature,
    WrongNetwork,
}

public sealed record AnnouncementDecodeResult(Announcement? Announcement, AnnouncementRejection? Rejection, string? Detail)
{
    public bool IsValid => Announcement is not null;
}

/// <summary>Encodes, signs, decodes and verifies announcement format v1. The one codec both publisher and scanner use.</summary>
public static class AnnouncementCodec
{
    /// <summary>The signed arbitrary-data entry. Refuses (never truncates) an announcement over the size cap.</summary>
    public static byte[] Sign(Announcement announcement, Key providerKey)
    {
        var problem = Validate(announcement);
        if (problem is not null)
        {
            throw new ArgumentException($"announcement is invalid: {problem}", nameof(announcement));
        }

        var encoder = new SiaEncoder(2048);
        AnnouncementFormat.WriteHeader(encoder);
        EncodeBody(encoder, announcement);
        if (encoder.Length + AnnouncementFormat.SignatureBytes > AnnouncementFormat.MaxEntryBytes)
        {
            throw new AnnouncementTooLargeException(encoder.Length + AnnouncementFormat.SignatureBytes);
        }

        var hash = Blake2b.Hash(encoder.WrittenSpan).ToArray();
        Ed25519.Sign(providerKey, hash).EncodeTo(encoder);
        return encoder.ToArray();
    }

    /// <summary>
    /// Decodes and verifies an entry. Never throws for any input: a foreign, malformed, oversized, forged or
    /// out-of-network entry comes back with its rejection reason.
    /// </summary>
    public static AnnouncementDecodeResult Decode(ReadOnlySpan<byte> entry, Hash256? expectedNetwork = null)
    {
        if (!AnnouncementFormat.IsOurs(entry))
        {
            return Reject(AnnouncementRejection.Foreign, null);
        }

        if (entry.Length > AnnouncementFormat.MaxEntryBytes)
        {
            return Reject(AnnouncementRejection.TooLarge, $"{entry.Length} bytes");
        }

        if (entry.Length < AnnouncementFormat.HeaderBytes + 8 + AnnouncementFormat.SignatureBytes)
        {
            return Reject(AnnouncementRejection.Malformed, "too short");
        }

        var signed = entry[..^AnnouncementFormat.SignatureBytes];
        var signature = entry[^AnnouncementFormat.SignatureBytes..];
        Announcement announcement;
        try
        {
            var decoder = new SiaDecoder(signed[AnnouncementFormat.HeaderBytes..]);
            var version = decoder.ReadUInt64();
            if (version != AnnouncementFormat.Version)
            {
                return Reject(AnnouncementRejection.UnknownVersion, $"version {version}");
            }

            announcement = DecodeBody(ref decoder);
            decoder.EnsureEnd();
        }
        catch (SiaDecodingException e)
        {
            return Reject(AnnouncementRejection.Malformed, e.Message);
        }

        if (Validate(announcement) is { } problem)
        {
            return Reject(AnnouncementRejection.InvalidValue, problem);
        }

        var hash = Blake2b.Hash(signed).ToArray();
        if (!Ed25519.Verify(announcement.ProviderKey.Key.Span, hash, signature))
        {
            return Reject(AnnouncementRejection.BadSignature, null);
        }

        var result = new AnnouncementDecodeResult(announcement, null, null);
        return expectedNetwork is { } network ? InNetwork(result, network) : result;
    }

    /// <summary>
    /// <paramref name="decoded"/> if it is rejected or names <paramref name="network"/>, else its rejection as
    /// <see cref="AnnouncementRejection.WrongNetwork"/>: for a scanner that decodes before it knows the network.
    /// </summary>
    public static AnnouncementDecodeResult InNetwork(AnnouncementDecodeResult decoded, Hash256 network) =>
        decoded.Announcement is { } announcement && announcement.Network != network
            ? Reject(AnnouncementRejection.WrongNetwork, $"for network {announcement.Network}")
            : decoded;

    /// <summary>The value rules every announcement must meet, on both sides of the chain; null when it does.</summary>
    public static string? Validate(Announcement a)
    {
        if (!a.ProviderKey.IsEd25519)
        {
            return "the provider key must be an ed25519 key";
        }

        if (a.Kind == AnnouncementKind.Withdrawal)
        {
            return a.Offer is null ? null : "a withdrawal carries no offer";
        }

        if (a.Kind != AnnouncementKind.Offer || a.Offer is not { } offer)
        {
            return "an offer announcement needs an offer";
        }

        if (!Uri.TryCreate(offer.ApiUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")
            || System.Text.Encoding.UTF8.GetByteCount(offer.ApiUrl) > AnnouncementFormat.MaxUrlBytes)
        {
            return $"the API URL must be an absolute http(s) URL of at most {AnnouncementFormat.MaxUrlBytes} bytes";
        }

        if (!offer.ChannelKey.IsEd25519 || offer.HostKey is { IsEd25519: false })
        {
            return "channel and host keys must be ed25519 keys";
        }

        if (offer.Locations.Count is 0 or > AnnouncementFormat.MaxLocations)
        {
            return $"an offer has 1 to {AnnouncementFormat.MaxLocations} locations";
        }

        foreach (var location in offer.Locations)
        {
            if (BadName(location.Code) || location.Sizes.Count is 0 or > AnnouncementFormat.MaxSizesPerLocation
                || location.Images.Count > AnnouncementFormat.MaxImagesPerLocation)
            {
                return $"location '{Shorten(location.Code)}': a code of 1-{AnnouncementFormat.MaxNameBytes} bytes, 1-{AnnouncementFormat.MaxSizesPerLocation} sizes, at most {AnnouncementFormat.MaxImagesPerLocation} images";
            }

            foreach (var size in location.Sizes)
            {
                if (BadName(size.Name) || size.Vcpus == 0 || size.MemoryMiB == 0 || size.DiskSizesGiB.Count > AnnouncementFormat.MaxDiskSizesPerSize)
                {
                    return $"size {size.Id} in '{Shorten(location.Code)}': a name, vCPUs and memory above 0, at most {AnnouncementFormat.MaxDiskSizesPerSize} disk sizes";
                }

                if (size.PricePerHour.IsZero || size.PricePerHour > AnnouncementFormat.MaxPricePerHour)
                {
                    return $"size {size.Id} in '{Shorten(location.Code)}': the price per hour must be above 0 and at most {AnnouncementFormat.MaxPricePerHour.ToDisplayString()}";
                }
            }

            if (location.Images.Any(i => BadName(i.Name)))
            {
                return $"an image in '{Shorten(location.Code)}' has no name or one over {AnnouncementFormat.MaxNameBytes} bytes";
            }
        }

        return null;
    }

    private static bool BadName(string name) => name.Length == 0 || System.Text.Encoding.UTF8.GetByteCount(name) > AnnouncementFormat.MaxNameBytes;

    private static string Shorten(string text) => text.Length <= 32 ? text : text[..32] + "…";

    private static AnnouncementDecodeResult Reject(AnnouncementRejection reason, string? detail) => new(null, reason, detail);

    private static void EncodeBody(SiaEncoder e, Announcement a)
    {
        e.WriteUInt64(AnnouncementFormat.Version);
        e.WriteUInt64((ulong)a.Kind);
        a.Network.EncodeTo(e);
        a.ProviderKey.EncodeTo(e);
        e.WriteUInt64(a.Sequence);
        e.WriteUInt64(a.ExpiryHeight);
        if (a.Offer is { } offer)
        {
            EncodeOffer(e, offer);
        }
    }

    /// <summary>A fingerprint of an offer's content (what changed means re-announce), independent of sequence and expiry.</summary>
    public static Hash256 OfferDigest(Offer offer)
    {
        var encoder = new SiaEncoder(2048);
        EncodeOffer(encoder, offer);
        return Blake2b.Hash(encoder.WrittenSpan);
    }

    private static void EncodeOffer(SiaEncoder e, Offer offer)
    {
        e.WriteString(offer.ApiUrl);
        offer.PayoutAddress.EncodeTo(e);
        offer.ChannelKey.EncodeTo(e);
        e.WriteBool(offer.HostKey is not null);
        offer.HostKey?.EncodeTo(e);
        e.WriteUInt64(offer.Capacity.MaxVcpus);
        e.WriteUInt64(offer.Capacity.MaxMemoryMiB);
        e.WriteUInt64(offer.Capacity.MaxMachines);
        e.WriteCount(offer.Locations.Count);
        foreach (var location in offer.Locations)
        {
            e.WriteString(location.Code);
            e.WriteCount(location.Sizes.Count);
            foreach (var size in location.Sizes)
            {
                e.WriteUInt64(size.Id);
                e.WriteString(size.Name);
                e.WriteUInt64(size.Vcpus);
                e.WriteUInt64(size.MemoryMiB);
                e.WriteUInt64List(size.DiskSizesGiB);
                size.PricePerHour.EncodeTo(e);
            }

            e.WriteCount(location.Images.Count);
            foreach (var image in location.Images)
            {
                e.WriteUInt64(image.Id);
                e.WriteString(image.Name);
                e.WriteUInt64(image.MinDiskGiB);
            }
        }
    }

    private static Announcement DecodeBody(ref SiaDecoder d)
    {
        var kind = d.ReadUInt64();
        if (kind is not ((ulong)AnnouncementKind.Offer or (ulong)AnnouncementKind.Withdrawal))
        {
            throw d.Error($"unknown announcement kind {kind}");
        }

        var network = Hash256.DecodeFrom(ref d);
        var providerKey = SiaPublicKey.DecodeFrom(ref d);
        var sequence = d.ReadUInt64();
        var expiry = d.ReadUInt64();
        if ((AnnouncementKind)kind == AnnouncementKind.Withdrawal)
        {
            return new Announcement { Kind = AnnouncementKind.Withdrawal, Network = network, ProviderKey = providerKey, Sequence = sequence, ExpiryHeight = expiry };
        }

        var apiUrl = d.ReadString(AnnouncementFormat.MaxUrlBytes);
        var payout = UnlockHash.DecodeFrom(ref d);
        var channelKey = SiaPublicKey.DecodeFrom(ref d);
        var hostKey = d.ReadBool() ? SiaPublicKey.DecodeFrom(ref d) : null;
        var capacity = new Capacity(d.ReadUInt64(), d.ReadUInt64(), d.ReadUInt64());
        var locations = new OfferLocation[d.ReadCount(24, AnnouncementFormat.MaxLocations)];
        for (var l = 0; l < locations.Length; l++)
        {
            var code = d.ReadString(AnnouncementFormat.MaxNameBytes);
            var sizes = new OfferSize[d.ReadCount(48, AnnouncementFormat.MaxSizesPerLocation)];
            for (var s = 0; s < sizes.Length; s++)
            {
                var id = d.ReadUInt64();
                var name = d.ReadString(AnnouncementFormat.MaxNameBytes);
                var vcpus = d.ReadUInt64();
                var memory = d.ReadUInt64();
                var disks = new ulong[d.ReadCount(8, AnnouncementFormat.MaxDiskSizesPerSize)];
                for (var k = 0; k < disks.Length; k++)
                {
                    disks[k] = d.ReadUInt64();
                }

                sizes[s] = new OfferSize(id, name, vcpus, memory, disks, Currency.DecodeFrom(ref d));
            }

            var images = new OfferImage[d.ReadCount(24, AnnouncementFormat.MaxImagesPerLocation)];
            for (var i = 0; i < images.Length; i++)
            {
                images[i] = new OfferImage(d.ReadUInt64(), d.ReadString(AnnouncementFormat.MaxNameBytes), d.ReadUInt64());
            }

            locations[l] = new OfferLocation(code, sizes, images);
        }

        return new Announcement
        {
            Kind = AnnouncementKind.Offer,
            Network = network,
            ProviderKey = providerKey,
            Sequence = sequence,
            ExpiryHeight = expiry,
            Offer = new Offer { ApiUrl = apiUrl, PayoutAddress = payout, ChannelKey = channelKey, HostKey = hostKey, Capacity = capacity, Locations = locations },
        };
    }
}

/// <summary>The offer does not fit the 16 KiB cap; it is refused, never truncated.</summary>
public sealed class AnnouncementTooLargeException(int bytes)
    : Exception($"the announcement would be {bytes} bytes, over the {AnnouncementFormat.MaxEntryBytes}-byte cap: offer fewer locations, sizes or images");

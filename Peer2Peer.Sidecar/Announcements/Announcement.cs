using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sidecar.Announcements;

public enum AnnouncementKind : ulong
{
    Offer = 1,
    Withdrawal = 2,
}

/// <summary>
/// A provider's signed statement on the chain (docs/ANNOUNCEMENT.md): its OpenvCloud offer, or its withdrawal.
/// Per provider key only a strictly higher <see cref="Sequence"/> replaces what catalogues hold.
/// </summary>
public sealed record Announcement
{
    public AnnouncementKind Kind { get; init; } = AnnouncementKind.Offer;

    /// <summary>The chain the offer belongs to: its genesis block ID.</summary>
    public Hash256 Network { get; init; }

    /// <summary>The provider's identity key; its <c>ed25519:hex</c> string is the provider ID.</summary>
    public required SiaPublicKey ProviderKey { get; init; }

    public ulong Sequence { get; init; }

    /// <summary>Catalogues drop the offer once the chain passes this height; the provider re-announces before.</summary>
    public ulong ExpiryHeight { get; init; }

    /// <summary>Null for a withdrawal.</summary>
    public Offer? Offer { get; init; }
}

/// <summary>What a provider sells and where to buy it.</summary>
public sealed record Offer
{
    /// <summary>The public OpenvCloud API URL (prefix of <c>/restmachine/...</c>).</summary>
    public required string ApiUrl { get; init; }

    public UnlockHash PayoutAddress { get; init; }

    /// <summary>The provider's key in payment channels (the payee of the 2-of-2 contract).</summary>
    public required SiaPublicKey ChannelKey { get; init; }

    /// <summary>The Sia host key of the same operator, when it runs a Sia host too.</summary>
    public SiaPublicKey? HostKey { get; init; }

    public Capacity Capacity { get; init; } = new(0, 0, 0);

    public IReadOnlyList<OfferLocation> Locations { get; init; } = [];
}

/// <summary>Capacity hints; 0 means not stated.</summary>
public sealed record Capacity(ulong MaxVcpus, ulong MaxMemoryMiB, ulong MaxMachines);

public sealed record OfferLocation(string Code, IReadOnlyList<OfferSize> Sizes, IReadOnlyList<OfferImage> Images);

/// <summary>An OpenvCloud size (flavour) with its price; <see cref="Id"/> is what <c>machines.create</c> takes as <c>sizeId</c>.</summary>
public sealed record OfferSize(ulong Id, string Name, ulong Vcpus, ulong MemoryMiB, IReadOnlyList<ulong> DiskSizesGiB, Currency PricePerHour);

/// <summary>An OpenvCloud image; <see cref="Id"/> is <c>machines.create</c>'s <c>imageId</c>.</summary>
public sealed record OfferImage(ulong Id, string Name, ulong MinDiskGiB);

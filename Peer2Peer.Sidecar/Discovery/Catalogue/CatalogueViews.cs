using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Announcements;
using Peer2Peer.Sidecar.Discovery.Probing;

namespace Peer2Peer.Sidecar.Discovery.Catalogue;

/// <summary>A provider's current (verified, unexpired) offer with its probe state.</summary>
public sealed record ProviderView(
    string ProviderKey,
    ulong Sequence,
    string ApiUrl,
    UnlockHash PayoutAddress,
    string ChannelKey,
    Capacity Capacity,
    ulong ExpiryHeight,
    ulong FirstAnnouncedHeight,
    ulong LastAnnouncedHeight,
    Hash256 LastAnnouncedBlock,
    Hash256 LastAnnouncedTransaction,
    Currency MinPricePerHour,
    string? HostKey,
    SiaHostView? Host,
    ProviderHealth? Health,
    IReadOnlyList<CatalogueSize> Sizes,
    IReadOnlyList<CatalogueImage> Images)
{
    /// <summary>Never probed yet counts as online: a provider is only offline once a probe failed.</summary>
    public bool Online => Health?.Online ?? true;
}

public sealed record CatalogueSize(string Location, ulong SizeId, string Name, ulong Vcpus, ulong MemoryMiB, IReadOnlyList<ulong> DiskSizesGiB, Currency PricePerHour);

public sealed record CatalogueImage(string Location, ulong ImageId, string Name, ulong MinDiskGiB);

/// <summary>The last probe and the uptimes (share of probes that found the provider up) over 24 hours and 7 days.</summary>
public sealed record ProviderHealth(bool Online, ProbeOutcome LastOutcome, DateTimeOffset LastProbeAt, long? LatencyMs, double Uptime24h, double Uptime7d);

/// <summary>A Sia host known from a verified standard host announcement; linked when an offer names its key.</summary>
public sealed record SiaHostView(string HostKey, string NetAddress, ulong FirstSeenHeight, ulong LastAnnouncedHeight);

/// <summary>One accepted announcement of a provider; <see cref="Orphaned"/> when a reorganization removed its block.</summary>
public sealed record AnnouncementRecord(ulong Sequence, AnnouncementKind Kind, ulong Height, Hash256 BlockId, Hash256 TransactionId, ulong ExpiryHeight, bool Orphaned);

public enum ProviderSort
{
    /// <summary>Cheapest matching size.</summary>
    Price,
    Vcpus,
    Memory,
    LastAnnounced,
    Uptime,
}

/// <summary>
/// Which providers to list: a provider matches when one of its sizes meets every size filter; price, vCPU and memory
/// sorts use its best matching size.
/// </summary>
public sealed record ProviderFilter
{
    public string? Location { get; init; }

    public ulong MinVcpus { get; init; }

    public ulong MinMemoryMiB { get; init; }

    public Currency? MaxPricePerHour { get; init; }

    public bool OnlineOnly { get; init; }

    public ProviderSort Sort { get; init; } = ProviderSort.Price;

    public bool Descending { get; init; }

    public int Offset { get; init; }

    public int Limit { get; init; } = 50;
}

public sealed record ProviderPage(IReadOnlyList<ProviderView> Items, int Total);

/// <summary>What the catalogue holds, for /api/status.</summary>
public sealed record CatalogueCounts(
    ulong? ScannedHeight,
    long Providers,
    long Offers,
    long Sizes,
    long Hosts,
    long LinkedHosts,
    long Online,
    long Accepted,
    long Foreign,
    IReadOnlyDictionary<string, long> Rejected);

using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Discovery.Catalogue;
using Peer2Peer.Sidecar.Query;

namespace Peer2Peer.Sidecar.Api;

// What the catalogue endpoints answer. Hastings are decimal strings (they overflow every JSON number type); each price
// also comes in siacoins for people.

public sealed record ProviderListResponse(int Total, int Limit, string? NextCursor, ulong ScannedHeight, IReadOnlyList<ProviderItem> Items);

public sealed record ProviderItem(
    string Id,
    string ApiUrl,
    IReadOnlyList<string> Locations,
    PriceItem? Price,
    IReadOnlyList<SizeItem> Sizes,
    IReadOnlyList<ImageItem> Images,
    string PayoutAddress,
    string ChannelKey,
    ulong Sequence,
    ulong AnnouncedHeight,
    string TransactionId,
    string BlockId,
    ulong FirstSeenHeight,
    ulong ExpiryHeight,
    bool Online,
    ProbeItem? LastProbe,
    double? Uptime24h,
    double? Uptime7d,
    string? SiaHostKey,
    string? SiaHostNetAddress,
    CapacityItem Capacity);

/// <summary>The size that sets the provider's price for this query: its cheapest one matching the filters.</summary>
public sealed record PriceItem(string Location, ulong SizeId, string Size, ulong Vcpus, ulong MemoryMiB, IReadOnlyList<ulong> DiskSizesGiB, string PricePerHour, string PricePerHourSc);

public sealed record SizeItem(string Location, ulong Id, string Name, ulong Vcpus, ulong MemoryMiB, IReadOnlyList<ulong> DiskSizesGiB, string PricePerHour, string PricePerHourSc);

public sealed record ImageItem(string Location, ulong Id, string Name, ulong MinDiskGiB);

public sealed record ProbeItem(string Outcome, DateTimeOffset At, long? LatencyMs);

public sealed record CapacityItem(ulong MaxVcpus, ulong MaxMemoryMiB, ulong MaxMachines);

public sealed record ProviderHistoryResponse(string Id, IReadOnlyList<AnnouncementItem> Announcements, IReadOnlyList<ProbeRecordItem> Probes);

public sealed record AnnouncementItem(ulong Sequence, string Kind, ulong Height, string BlockId, string TransactionId, ulong ExpiryHeight, bool Orphaned);

public sealed record ProbeRecordItem(DateTimeOffset At, string Outcome, long? LatencyMs, int? StatusCode, string? Detail);

public static class ProviderMapping
{
    public static ProviderItem ToItem(ProviderView p, CatalogueSize? best) => new(
        p.ProviderKey,
        p.ApiUrl,
        p.Sizes.Select(s => s.Location).Concat(p.Images.Select(i => i.Location)).Distinct().ToArray(),
        best is null ? null : new PriceItem(best.Location, best.SizeId, best.Name, best.Vcpus, best.MemoryMiB, best.DiskSizesGiB, best.PricePerHour.ToString(), best.PricePerHour.ToSiacoinString()),
        p.Sizes.Select(s => new SizeItem(s.Location, s.SizeId, s.Name, s.Vcpus, s.MemoryMiB, s.DiskSizesGiB, s.PricePerHour.ToString(), s.PricePerHour.ToSiacoinString())).ToArray(),
        p.Images.Select(i => new ImageItem(i.Location, i.ImageId, i.Name, i.MinDiskGiB)).ToArray(),
        p.PayoutAddress.ToString(),
        p.ChannelKey,
        p.Sequence,
        p.LastAnnouncedHeight,
        p.LastAnnouncedTransaction.ToString(),
        p.LastAnnouncedBlock.ToString(),
        p.FirstAnnouncedHeight,
        p.ExpiryHeight,
        p.Online,
        p.Health is { } h ? new ProbeItem(h.LastOutcome.ToString(), h.LastProbeAt, h.LatencyMs) : null,
        p.Health?.Uptime24h,
        p.Health?.Uptime7d,
        p.HostKey is not null && p.Host is not null ? p.HostKey : null,
        p.Host?.NetAddress,
        new CapacityItem(p.Capacity.MaxVcpus, p.Capacity.MaxMemoryMiB, p.Capacity.MaxMachines));

    public static ProviderItem ToItem(ProviderMatch match) => ToItem(match.Provider, match.BestSize);
}

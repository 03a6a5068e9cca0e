using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sidecar.Query;

public enum ProviderSortKey
{
    /// <summary>The price per hour of the provider's cheapest size that matches the filters.</summary>
    Price,

    /// <summary>Share of successful probes over the last 24 hours.</summary>
    Uptime,

    /// <summary>Height of the provider's latest announcement.</summary>
    Announced,
}

/// <summary>A validated <c>GET /api/providers</c> request.</summary>
public sealed record ProviderQuery
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public string? Location { get; init; }

    public ulong MinVcpus { get; init; }

    public ulong MinMemoryMiB { get; init; }

    /// <summary>An OpenvCloud size name, compared without case.</summary>
    public string? SizeName { get; init; }

    public Currency? MaxPricePerHour { get; init; }

    public bool OnlineOnly { get; init; }

    /// <summary>Minimum 24-hour uptime, 0 to 1; providers never probed have no uptime and do not match.</summary>
    public double? MinUptime { get; init; }

    public ProviderSortKey Sort { get; init; } = ProviderSortKey.Price;

    public bool Descending { get; init; }

    public int Limit { get; init; } = DefaultLimit;

    public ProviderCursor? After { get; init; }

    public bool SizeMatches(Discovery.Catalogue.CatalogueSize size) =>
        (Location is null || size.Location == Location)
        && size.Vcpus >= MinVcpus
        && size.MemoryMiB >= MinMemoryMiB
        && (SizeName is null || string.Equals(size.Name, SizeName, StringComparison.OrdinalIgnoreCase))
        && (MaxPricePerHour is not { } max || size.PricePerHour <= max);
}

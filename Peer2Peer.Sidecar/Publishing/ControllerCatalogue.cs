namespace Peer2Peer.Sidecar.Publishing;

/// <summary>What the local OpenvCloud controller offers, read through its API: the raw material of an offer.</summary>
public sealed record ControllerCatalogue(IReadOnlyList<ControllerLocation> Locations);

public sealed record ControllerLocation(string Code, IReadOnlyList<ControllerSize> Sizes, IReadOnlyList<ControllerImage> Images);

public sealed record ControllerSize(ulong Id, string Name, ulong Vcpus, ulong MemoryMiB, IReadOnlyList<ulong> DiskSizesGiB);

public sealed record ControllerImage(ulong Id, string Name, ulong MinDiskGiB);

/// <summary>Reads the controller's catalogue (the OpenvCloud client implements it for the provider's own controller).</summary>
public interface IControllerCatalogueSource
{
    Task<ControllerCatalogue> ReadAsync(CancellationToken cancellationToken);
}

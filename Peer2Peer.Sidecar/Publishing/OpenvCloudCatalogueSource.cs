using Peer2Peer.Sidecar.OpenvCloud;

namespace Peer2Peer.Sidecar.Publishing;

/// <summary>The provider's own controller as the source of its offer: locations, each location's sizes, system images.</summary>
public sealed class OpenvCloudCatalogueSource(IOpenvCloudClient controller) : IControllerCatalogueSource
{
    public async Task<ControllerCatalogue> ReadAsync(CancellationToken cancellationToken)
    {
        var locations = await controller.ListLocationsAsync(cancellationToken);
        // Images are global on an OpenvCloud controller; only the usable system ones are offered.
        var images = (await controller.ListImagesAsync(null, cancellationToken))
            .Where(i => i.AccountId == 0 && i.Status is "" or "CREATED")
            .Select(i => new ControllerImage((ulong)i.Id, i.Name, (ulong)Math.Max(0, i.MinDiskGb)))
            .ToArray();
        var result = new List<ControllerLocation>();
        foreach (var location in locations)
        {
            var sizes = await controller.ListSizesAsync(location.Code, cancellationToken);
            result.Add(new ControllerLocation(
                location.Code,
                sizes.Where(s => s.Id > 0 && s.Vcpus > 0 && s.MemoryMiB > 0)
                    .Select(s => new ControllerSize((ulong)s.Id, s.Name, (ulong)s.Vcpus, (ulong)s.MemoryMiB, s.AllowedDiskSizesGb.Where(d => d > 0).Select(d => (ulong)d).ToArray()))
                    .ToArray(),
                images));
        }

        return new ControllerCatalogue(result);
    }
}

using Microsoft.Extensions.Options;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Announcements;
using Peer2Peer.Sidecar.Keys;

namespace Peer2Peer.Sidecar.Publishing;

/// <summary>Merges the controller's catalogue with the operator's prices, URL and capacity into an offer.</summary>
public sealed class OfferBuilder(IOptions<PublishingOptions> options, KeyRing keys)
{
    public Offer Build(ControllerCatalogue catalogue, SiaPublicKey? hostKey = null)
    {
        var o = options.Value;
        var wanted = o.Locations.Count == 0 ? null : o.Locations.ToHashSet(StringComparer.Ordinal);
        var locations = catalogue.Locations
            .Where(l => wanted is null || wanted.Contains(l.Code))
            .Where(l => l.Sizes.Count > 0)
            .OrderBy(l => l.Code, StringComparer.Ordinal)
            .Select(l => new OfferLocation(
                l.Code,
                l.Sizes.OrderBy(s => s.Id).Take(AnnouncementFormat.MaxSizesPerLocation)
                    .Select(s => new OfferSize(s.Id, s.Name, s.Vcpus, s.MemoryMiB, s.DiskSizesGiB.Order().Take(AnnouncementFormat.MaxDiskSizesPerSize).ToArray(), PriceOf(s)))
                    .ToArray(),
                l.Images.OrderBy(i => i.Id).Take(AnnouncementFormat.MaxImagesPerLocation).Select(i => new OfferImage(i.Id, i.Name, i.MinDiskGiB)).ToArray()))
            .ToArray();
        if (locations.Length == 0)
        {
            throw new OfferException(wanted is null
                ? "the controller lists no location with sizes: nothing to offer"
                : $"none of Publishing:Locations ({string.Join(", ", wanted)}) is a controller location with sizes");
        }

        return new Offer
        {
            ApiUrl = o.PublicApiUrl,
            PayoutAddress = keys.FundingAddress,
            ChannelKey = Sia.Types.SiaPublicKey.Ed25519(Sia.Crypto.Ed25519.PublicKeyOf(keys.Channel(0))),
            HostKey = hostKey,
            Capacity = new Capacity(o.MaxVcpus, o.MaxMemoryMiB, o.MaxMachines),
            Locations = locations,
        };
    }

    /// <summary>An explicit price for the size, else vCPUs × vCPU-hour + memory GiB × GiB-hour (exact: per-MiB arithmetic, rounded down).</summary>
    public Currency PriceOf(ControllerSize size)
    {
        var o = options.Value;
        if (o.SizePrices.TryGetValue(size.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), out var fixedPrice))
        {
            return Currency.Parse(fixedPrice);
        }

        return o.VcpuPrice * size.Vcpus + o.GiBPrice * size.MemoryMiB / 1024;
    }
}

/// <summary>The offer cannot be built or published: a clear reason for status and logs.</summary>
public sealed class OfferException(string message, Exception? inner = null) : Exception(message, inner);

using Peer2Peer.Sidecar.Announcements;

namespace Peer2Peer.Sidecar.Discovery;

/// <summary>
/// What the catalogue can store exactly on top of the codec's rules: every number it keeps as an SQL integer must fit
/// a signed 64-bit column. A signed announcement with, say, 2^64-1 vCPUs is garbage and is rejected as InvalidValue.
/// Expiry heights are the exception: a huge one just means "never", so it is clamped instead.
/// </summary>
internal static class CatalogueLimits
{
    public static string? Problem(Announcement a)
    {
        if (a.Sequence > long.MaxValue)
        {
            return "sequence out of range";
        }

        if (a.Offer is not { } offer)
        {
            return null;
        }

        var c = offer.Capacity;
        if (Huge(c.MaxVcpus) || Huge(c.MaxMemoryMiB) || Huge(c.MaxMachines))
        {
            return "capacity out of range";
        }

        foreach (var location in offer.Locations)
        {
            if (location.Sizes.Any(s => Huge(s.Id) || Huge(s.Vcpus) || Huge(s.MemoryMiB) || s.DiskSizesGiB.Any(Huge)))
            {
                return $"a size in '{location.Code}' is out of range";
            }

            if (location.Images.Any(i => Huge(i.Id) || Huge(i.MinDiskGiB)))
            {
                return $"an image in '{location.Code}' is out of range";
            }
        }

        return null;
    }

    public static long ClampHeight(ulong height) => height > long.MaxValue ? long.MaxValue : (long)height;

    private static bool Huge(ulong value) => value > long.MaxValue;
}

using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sidecar.Announcements;

/// <summary>The fixed parts and limits of announcement format v1 (docs/ANNOUNCEMENT.md).</summary>
public static class AnnouncementFormat
{
    /// <summary>Our 16-byte type tag after siad's NonSia prefix.</summary>
    public static readonly Specifier Tag = Specifier.FromName("P2POpenvCloudAnn");

    public const ulong Version = 1;

    /// <summary>Hard cap on a whole entry (siad refuses transactions over 32 kB; an offer must leave room).</summary>
    public const int MaxEntryBytes = 16 * 1024;

    public const int HeaderBytes = 2 * Specifier.Size;
    public const int SignatureBytes = 64;
    public const int MaxUrlBytes = 512;
    public const int MaxNameBytes = 64;
    public const int MaxLocations = 32;
    public const int MaxSizesPerLocation = 64;
    public const int MaxImagesPerLocation = 128;
    public const int MaxDiskSizesPerSize = 16;

    /// <summary>No VM costs a million siacoins an hour: larger prices are garbage or an attack on sorting.</summary>
    public static readonly Currency MaxPricePerHour = Currency.Siacoins(1_000_000);

    /// <summary>True when the entry carries our prefix and tag (whatever follows).</summary>
    public static bool IsOurs(ReadOnlySpan<byte> entry) =>
        entry.Length >= HeaderBytes && Specifier.NonSia.Matches(entry) && Tag.Matches(entry[Specifier.Size..]);

    internal static void WriteHeader(SiaEncoder encoder)
    {
        Specifier.NonSia.EncodeTo(encoder);
        Tag.EncodeTo(encoder);
    }
}

using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Announcements;
using Peer2Peer.Sidecar.Discovery.Catalogue;
using Peer2Peer.Sidecar.Siad;

namespace Peer2Peer.Sidecar.Discovery;

/// <summary>
/// What the catalogue reads from a block before it touches the database: every arbitrary-data entry classified, decoded
/// and its signature checked. Built off the apply loop (<see cref="CatalogueSubscriber.Prepare"/>), so it cannot know
/// the network yet; foreign entries (every mined block carries one) are only counted.
/// </summary>
internal sealed class DecodedBlock
{
    public int Foreign { get; private set; }

    public List<DecodedEntry> Entries { get; } = [];

    public static DecodedBlock Of(ChainBlock block)
    {
        var decoded = new DecodedBlock();
        var transactions = block.Block.Transactions;
        for (var t = 0; t < transactions.Count; t++)
        {
            var txn = transactions[t];
            Hash256? txnId = null;
            for (var e = 0; e < txn.ArbitraryData.Count; e++)
            {
                var entry = txn.ArbitraryData[e];
                EntryPosition At() => new(block.Height, block.Id, txnId ??= txn.Id, t, e);
                if (Specifier.HostAnnouncement.Matches(entry))
                {
                    decoded.Entries.Add(new DecodedEntry(At(), entry, TryDecodeHost(entry), null));
                    continue;
                }

                var offer = Decode(entry);
                if (offer.Rejection == AnnouncementRejection.Foreign)
                {
                    decoded.Foreign++;
                }
                else
                {
                    decoded.Entries.Add(new DecodedEntry(At(), entry, null, offer));
                }
            }
        }

        return decoded;
    }

    /// <summary>The codec never throws for data; this guard keeps a future bug from stopping the follower on one entry.</summary>
    private static AnnouncementDecodeResult Decode(byte[] entry)
    {
        try
        {
            return AnnouncementCodec.Decode(entry);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new AnnouncementDecodeResult(null, AnnouncementRejection.Malformed, e.GetType().Name);
        }
    }

    private static HostAnnouncement? TryDecodeHost(byte[] entry)
    {
        try
        {
            return HostAnnouncement.TryDecode(entry, out var host) && NetAddress.IsStdValid(host.NetAddress) ? host : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }
}

/// <summary>
/// An entry that is ours or has Sia's host-announcement prefix, and what decoding made of it: a Sia host announcement
/// (<see cref="Host"/>, null when siad would not accept it either) or one of ours (<see cref="Offer"/>, verified but not
/// yet checked against the network).
/// </summary>
internal sealed record DecodedEntry(EntryPosition Position, byte[] Data, HostAnnouncement? Host, AnnouncementDecodeResult? Offer);

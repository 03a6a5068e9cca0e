using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sidecar.Discovery.Catalogue;

/// <summary>Where an arbitrary-data entry sits on the chain; unique per entry, so re-applying a block upserts.</summary>
public sealed record EntryPosition(ulong Height, Hash256 BlockId, Hash256 TransactionId, int TransactionIndex, int EntryIndex);

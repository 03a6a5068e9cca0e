using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sidecar.Siad;

/// <summary>A block of the node's current chain, its height and its (re-derived) ID.</summary>
public sealed record ChainBlock(ulong Height, Hash256 Id, Block Block);

/// <summary>The node's view of the chain tip.</summary>
public sealed record ConsensusTip(bool Synced, ulong Height, Hash256 CurrentBlock);

/// <summary>Transaction-pool fee per byte.</summary>
public sealed record TransactionFee(Currency MinimumPerByte, Currency MaximumPerByte);

using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sidecar.Chain;

public enum SyncState
{
    NotStarted,
    WaitingForSiad,
    Syncing,
    Synced,
    Failing,
}

/// <summary>What the follower reports to health, <c>/api/status</c> and its logs.</summary>
public sealed record ChainFollowerStatus(
    SyncState State,
    ulong? CheckpointHeight,
    Hash256? CheckpointId,
    ulong? TipHeight,
    double? Percent,
    double? BlocksPerSecond,
    TimeSpan? EstimatedRemaining,
    long Reorganizations,
    long RevertedBlocks,
    string? LastError)
{
    public static ChainFollowerStatus Initial { get; } = new(SyncState.NotStarted, null, null, null, null, null, null, 0, 0, null);
}

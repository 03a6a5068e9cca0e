namespace Peer2Peer.Devnet.OpenvCloud.Faults;

/// <summary>What is currently wrong with one controller. Set through <c>/devnet/faults</c> or <see cref="FaultInjector"/>.</summary>
public sealed record FaultState
{
    public static FaultState None { get; } = new();

    /// <summary>Every connection is reset without an answer (the controller looks unreachable).</summary>
    public bool Down { get; init; }

    /// <summary>Every API answer is held back this long (wall time).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>API calls answer this 5xx status (500 = the portal's HTML error page, others a JSON string).</summary>
    public int? ErrorStatus { get; init; }

    /// <summary>How many calls fail with <see cref="ErrorStatus"/> before it clears; null = until cleared.</summary>
    public int? ErrorCount { get; init; }

    /// <summary>Health components reported false by <c>cloudbroker/health/status</c> (mongodb, influxdb, healtcheckalive), which then answers 503.</summary>
    public IReadOnlyList<string> UnhealthyComponents { get; init; } = [];
}

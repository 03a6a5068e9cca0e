namespace Peer2Peer.Sidecar.Discovery.Probing;

public enum ProbeOutcome
{
    /// <summary>200 from the health call.</summary>
    Up,

    /// <summary>503 with a status object: reachable, some component reports false (OPENVCLOUD.md §5.2).</summary>
    Degraded,

    /// <summary>Timeout, connection failure, or any other answer: the provider is offline.</summary>
    Down,
}

/// <summary>One probe of one provider. <see cref="Detail"/> is short and sanitized: probe responses are untrusted.</summary>
public sealed record ProbeResult(ProbeOutcome Outcome, TimeSpan? Latency, int? StatusCode, string? Detail);

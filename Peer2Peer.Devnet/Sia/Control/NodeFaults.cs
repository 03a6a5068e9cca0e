namespace Peer2Peer.Devnet.Sia.Control;

/// <summary>Fault injection for one node's API: random errors, added latency, dropped connections, a restart window.</summary>
public sealed class NodeFaults(int seed)
{
    private readonly Random _random = new(seed);
    private readonly Lock _lock = new();

    /// <summary>Share of requests answered 500 (0–1).</summary>
    public double ErrorRate { get; set; }

    /// <summary>Share of requests whose connection is dropped without an answer (0–1).</summary>
    public double DropRate { get; set; }

    /// <summary>Added before every answer.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Until then the node answers 490 "Module not loaded" everywhere but /daemon (siad starting up).</summary>
    public DateTimeOffset? RestartingUntil { get; set; }

    public void Clear()
    {
        ErrorRate = DropRate = 0;
        Latency = TimeSpan.Zero;
        RestartingUntil = null;
    }

    internal bool Roll(double rate)
    {
        if (rate <= 0)
        {
            return false;
        }

        lock (_lock)
        {
            return _random.NextDouble() < rate;
        }
    }
}

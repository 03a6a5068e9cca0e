namespace Peer2Peer.Sidecar.Discovery;

/// <summary>What the scanner accepted and skipped (by reason) in some blocks.</summary>
internal sealed class ScanTally
{
    public const string Foreign = "Foreign";

    /// <summary>A valid announcement whose sequence is not above the provider's current one (a replay).</summary>
    public const string Stale = "Stale";

    /// <summary>An entry with Sia's HostAnnouncement prefix that siad's hostdb would not accept either.</summary>
    public const string InvalidHostAnnouncement = "InvalidHostAnnouncement";

    public long Accepted { get; private set; }

    public Dictionary<string, long> Skipped { get; } = new(StringComparer.Ordinal);

    public void Accept() => Accepted++;

    public void Skip(string reason, long count = 1)
    {
        if (count > 0)
        {
            Skipped[reason] = Skipped.GetValueOrDefault(reason) + count;
        }
    }

    public void Add(ScanTally other)
    {
        Accepted += other.Accepted;
        foreach (var (reason, count) in other.Skipped)
        {
            Skipped[reason] = Skipped.GetValueOrDefault(reason) + count;
        }
    }

    public void Clear()
    {
        Accepted = 0;
        Skipped.Clear();
    }
}

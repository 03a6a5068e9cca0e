using System.Diagnostics.Metrics;

namespace Peer2Peer.Sidecar.Discovery;

/// <summary>The scanner's counters on the sidecar's one meter, <c>Peer2Peer.Sidecar</c>.</summary>
public sealed class DiscoveryMetrics
{
    public const string MeterName = "Peer2Peer.Sidecar";

    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _foreign;

    public DiscoveryMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _accepted = meter.CreateCounter<long>("sidecar.announcements.accepted", "{announcement}", "Verified announcements accepted into the catalogue (ours and Sia host announcements).");
        _rejected = meter.CreateCounter<long>("sidecar.announcements.rejected", "{announcement}", "Arbitrary-data entries skipped by the scanner, tagged by reason.");
        _foreign = meter.CreateCounter<long>("sidecar.announcements.foreign", "{entry}", "NonSia entries without our tag (not errors).");
    }

    internal void Publish(ScanTally tally)
    {
        if (tally.Accepted > 0)
        {
            _accepted.Add(tally.Accepted);
        }

        foreach (var (reason, count) in tally.Skipped)
        {
            if (reason == ScanTally.Foreign)
            {
                _foreign.Add(count);
            }
            else
            {
                _rejected.Add(count, new KeyValuePair<string, object?>("reason", reason));
            }
        }
    }
}

using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Discovery.Catalogue;
using Peer2Peer.Sidecar.Discovery.Probing;
using Peer2Peer.Sidecar.Hosting;

namespace Peer2Peer.Sidecar.Discovery;

/// <summary>The <c>catalogue</c> section of /api/status: what the scan holds and skipped, and the follower's progress.</summary>
public sealed class CatalogueStatus(CatalogueQueries queries, ChainFollower follower, ProviderProber prober) : IStatusContributor
{
    public string Section => "catalogue";

    public object GetStatus()
    {
        var counts = queries.GetCounts();
        var sync = follower.Status;
        return new
        {
            scannedHeight = counts.ScannedHeight,
            synced = sync.State == SyncState.Synced,
            percent = sync.Percent,
            blocksPerSecond = sync.BlocksPerSecond,
            estimatedRemaining = sync.EstimatedRemaining?.ToString(@"hh\:mm\:ss"),
            providers = counts.Providers,
            offers = counts.Offers,
            sizes = counts.Sizes,
            hosts = counts.Hosts,
            linkedHosts = counts.LinkedHosts,
            online = counts.Online,
            accepted = counts.Accepted,
            foreign = counts.Foreign,
            rejected = counts.Rejected,
            lastProbeRound = prober.LastRoundAt,
            lastProbeRoundProviders = prober.LastRoundProbes,
        };
    }
}

using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Discovery.Probing;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Discovery.Catalogue;

/// <summary>
/// The catalogue's read API (for the query endpoints): current providers with sizes, images, linked Sia host, online
/// state and uptime; one provider; a provider's announcement history. "Current" means verified, not withdrawn, and not
/// expired at the scanned height.
/// </summary>
public sealed class CatalogueQueries(SidecarDatabase database)
{
    public ProviderPage ListProviders(ProviderFilter? filter = null)
    {
        using var connection = database.Open();
        return ProviderRepository.List(connection, ScannedHeight(connection), filter ?? new ProviderFilter());
    }

    public ProviderView? GetProvider(string providerKey)
    {
        using var connection = database.Open();
        return ProviderRepository.Get(connection, ScannedHeight(connection), providerKey);
    }

    /// <summary>Every accepted announcement of the provider, oldest first; orphaned ones (reorganized away) flagged unless excluded.</summary>
    public IReadOnlyList<AnnouncementRecord> GetHistory(string providerKey, bool includeOrphaned = true)
    {
        using var connection = database.Open();
        return ProviderRepository.History(connection, providerKey, includeOrphaned);
    }

    /// <summary>The provider's latest probes, newest first.</summary>
    public IReadOnlyList<(DateTimeOffset At, ProbeResult Result)> GetProbes(string providerKey, int limit = 20)
    {
        using var connection = database.Open();
        return ProbeRepository.Recent(connection, providerKey, Math.Clamp(limit, 1, 1000));
    }

    public CatalogueCounts GetCounts()
    {
        using var connection = database.Open();
        return ProviderRepository.Counts(connection, ChainCheckpoint.Tip(connection)?.Height);
    }

    private static ulong ScannedHeight(Microsoft.Data.Sqlite.SqliteConnection connection) => ChainCheckpoint.Tip(connection)?.Height ?? 0;
}

using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Discovery.Catalogue;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Query;

/// <summary>
/// Keeps the query snapshot in step with the catalogue: when the catalogue's version moved, the snapshot is rebuilt from
/// SQLite (three queries) and the differences become change-feed events. <see cref="CatalogueIndexRefresher"/> does
/// that in the background soon after every change; a reader that comes first rebuilds it itself. While one rebuilds,
/// the other readers are answered from the previous snapshot.
/// </summary>
public sealed partial class CatalogueIndex(
    SidecarDatabase database,
    CatalogueChanges changes,
    CatalogueEventLog events,
    TimeProvider time,
    ILogger<CatalogueIndex> logger)
{
    private readonly Lock _rebuild = new();
    private CatalogueSnapshot _snapshot = CatalogueSnapshot.Empty;

    /// <summary>The catalogue version the current snapshot was built from (-1 before the first).</summary>
    public long SnapshotVersion => Volatile.Read(ref _snapshot).Version;

    public CatalogueSnapshot Current()
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot.Version == changes.Version)
        {
            return snapshot;
        }

        // One reader rebuilds; the others keep answering from the previous snapshot instead of queueing behind it
        // (at 100k providers a rebuild takes seconds). Before the first snapshot exists, everyone waits for it.
        if (snapshot.Version >= 0 && !_rebuild.TryEnter())
        {
            return snapshot;
        }

        if (snapshot.Version < 0)
        {
            _rebuild.Enter();
        }

        return RebuildHoldingLock();
    }

    /// <summary>Brings the snapshot up to the catalogue's version, waiting for a rebuild already under way.</summary>
    public CatalogueSnapshot Refresh()
    {
        _rebuild.Enter();
        return RebuildHoldingLock();
    }

    private CatalogueSnapshot RebuildHoldingLock()
    {
        try
        {
            var snapshot = _snapshot;
            var version = changes.Version;
            if (snapshot.Version == version)
            {
                return snapshot;
            }

            var fresh = Load(version);
            if (snapshot.Version >= 0)
            {
                events.Append(Diff(snapshot, fresh), fresh.ScannedHeight, time.GetUtcNow());
            }

            Volatile.Write(ref _snapshot, fresh);
            LogRebuilt(logger, fresh.Providers.Count, fresh.ScannedHeight, version);
            return fresh;
        }
        finally
        {
            _rebuild.Exit();
        }
    }

    private CatalogueSnapshot Load(long version)
    {
        using var connection = database.Open();
        var height = ChainCheckpoint.Tip(connection)?.Height ?? 0;
        return new CatalogueSnapshot(version, height, ProviderRepository.All(connection, height));
    }

    private static IEnumerable<(string Type, string ProviderId, ulong? Sequence)> Diff(CatalogueSnapshot before, CatalogueSnapshot after)
    {
        foreach (var provider in after.Providers)
        {
            if (!before.ByKey.TryGetValue(provider.ProviderKey, out var old))
            {
                yield return ("added", provider.ProviderKey, provider.Sequence);
                continue;
            }

            if (old.Sequence != provider.Sequence)
            {
                yield return ("updated", provider.ProviderKey, provider.Sequence);
            }

            if (old.Online != provider.Online)
            {
                yield return (provider.Online ? "online" : "offline", provider.ProviderKey, provider.Sequence);
            }
        }

        foreach (var provider in before.Providers.Where(p => !after.ByKey.ContainsKey(p.ProviderKey)))
        {
            yield return ("removed", provider.ProviderKey, null);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Query snapshot rebuilt: {Providers} providers at height {Height} (catalogue version {Version})")]
    private static partial void LogRebuilt(ILogger logger, int providers, ulong height, long version);
}

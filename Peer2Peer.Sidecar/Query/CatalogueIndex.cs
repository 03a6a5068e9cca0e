using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Discovery.Catalogue;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Query;

/// <summary>
/// Keeps the query snapshot in step with the catalogue: when the catalogue's version moved, the snapshot is rebuilt from
/// SQLite (three queries) and the differences become change-feed events. <see cref="CatalogueIndexRefresher"/> does
/// that in the background soon after every change; a reader that comes first rebuilds it itself. While a rebuild is under
/// way, readers wait for it if rebuilds are quick, and are answered from the previous snapshot if they take seconds.
/// </summary>
/// <param name="load">Builds the snapshot of a catalogue version; from SQLite unless a test supplies its own.</param>
public sealed partial class CatalogueIndex(
    SidecarDatabase database,
    CatalogueChanges changes,
    CatalogueEventLog events,
    TimeProvider time,
    ILogger<CatalogueIndex> logger,
    Func<long, CatalogueSnapshot>? load = null)
{
    /// <summary>A rebuild this short is waited for rather than answered around with a stale snapshot.</summary>
    private static readonly TimeSpan QuickRebuild = TimeSpan.FromMilliseconds(100);

    private readonly Lock _rebuild = new();
    private long _lastRebuildTicks;
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

        if (!_rebuild.TryEnter())
        {
            // A rebuild is under way. Where rebuilds take seconds (100k providers), answer from the previous snapshot
            // instead of queueing behind it; while they are quick, wait, so that a reader sees what was committed
            // before it asked. Before the first snapshot exists, everyone waits for it.
            if (snapshot.Version >= 0 && TimeSpan.FromTicks(Volatile.Read(ref _lastRebuildTicks)) >= QuickRebuild)
            {
                return snapshot;
            }

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

            var started = time.GetTimestamp();
            var fresh = (load ?? Load)(version);
            Volatile.Write(ref _lastRebuildTicks, time.GetElapsedTime(started).Ticks);
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

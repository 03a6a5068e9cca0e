using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Discovery.Catalogue;

namespace Peer2Peer.Sidecar.Query;

/// <summary>
/// Rebuilds the query snapshot soon after every catalogue change, so that no API request pays for a rebuild (seconds
/// at 100k providers). Between two rebuilds it rests as long as the last one took, and longer while the follower is
/// still syncing: an initial sync changes the catalogue with every committed batch, and the rebuilds must not take the
/// cores the sync needs.
/// </summary>
public sealed partial class CatalogueIndexRefresher(
    CatalogueIndex index,
    CatalogueChanges changes,
    ChainFollower follower,
    TimeProvider time,
    ILogger<CatalogueIndexRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan RestWhileSyncing = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failed = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before the version is compared, so a change in between is not missed.
            var changed = changes.WhenChangedAsync(stoppingToken);
            try
            {
                if (failed || index.SnapshotVersion == changes.Version)
                {
                    await changed;
                }

                failed = false;

                var started = time.GetTimestamp();
                await Task.Run(index.Refresh, stoppingToken);
                var took = time.GetElapsedTime(started);
                var rest = follower.Status.State == SyncState.Syncing ? TimeSpan.FromTicks(Math.Max(4 * took.Ticks, RestWhileSyncing.Ticks)) : took;
                await Task.Delay(rest, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A failed rebuild (database busy, disk full) is retried at the next change; readers still rebuild themselves.
                LogRefreshFailed(logger, e.GetType().Name, e.Message);
                failed = true;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background rebuild of the query snapshot failed ({Error}: {Message}); readers rebuild it themselves")]
    private static partial void LogRefreshFailed(ILogger logger, string error, string message);
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Peer2Peer.Sidecar.Hosting;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Chain;

/// <summary>The <c>chain</c> section of /api/status; readiness checks "synced" and "database".</summary>
public sealed class ChainStatus(ChainFollower follower) : IStatusContributor
{
    public string Section => "chain";

    public object GetStatus()
    {
        var s = follower.Status;
        return new
        {
            state = s.State.ToString(),
            tipHeight = s.TipHeight,
            checkpointHeight = s.CheckpointHeight,
            checkpointId = s.CheckpointId?.ToString(),
            percent = s.Percent,
            blocksPerSecond = s.BlocksPerSecond,
            estimatedRemaining = s.EstimatedRemaining?.ToString(@"hh\:mm\:ss"),
            reorganizations = s.Reorganizations,
            revertedBlocks = s.RevertedBlocks,
            lastError = s.LastError,
        };
    }

    public sealed class SyncedCheck(ChainFollower follower) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var s = follower.Status;
            return Task.FromResult(s.State switch
            {
                SyncState.Synced => HealthCheckResult.Healthy($"at height {s.CheckpointHeight}"),
                SyncState.Syncing => HealthCheckResult.Unhealthy($"syncing: {s.Percent}% of {s.TipHeight}"),
                _ => HealthCheckResult.Unhealthy($"{s.State}: {s.LastError}"),
            });
        }
    }

    public sealed class DatabaseCheck(SidecarDatabase database) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                using var connection = database.Open();
                using var command = connection.Command(null, "SELECT count(*) FROM schema_migrations");
                return Task.FromResult(HealthCheckResult.Healthy($"schema version {command.ExecuteScalar()}"));
            }
            catch (Exception e)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy($"cannot open {database.Path}: {e.Message}"));
            }
        }
    }
}

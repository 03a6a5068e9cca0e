using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Discovery.Catalogue;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Discovery.Probing;

/// <summary>
/// Probes every current provider on a schedule (TimeProvider-driven) with bounded concurrency and records the results.
/// An unreachable provider is marked offline, never removed: only the chain adds or removes providers.
/// </summary>
public sealed partial class ProviderProber(
    SidecarDatabase database,
    HealthProbe probe,
    Catalogue.CatalogueChanges changes,
    IOptions<DiscoveryOptions> options,
    TimeProvider time,
    ILogger<ProviderProber> logger) : BackgroundService
{
    public DateTimeOffset? LastRoundAt { get; private set; }

    public int LastRoundProbes { get; private set; }

    /// <summary>Raised once the wait for the next round is scheduled (lets tests advance fake time without racing the loop).</summary>
    internal event Action? Waiting;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ProbeEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ProbeAllAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A bad round (database busy, …) must not stop probing for good.
                LogRoundFailed(logger, e.GetType().Name, e.Message);
            }

            try
            {
                var wait = Task.Delay(options.Value.ProbeInterval, time, stoppingToken);
                Waiting?.Invoke();
                await wait;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: probe every current provider, then record all results in one transaction. Used by the loop and tests.</summary>
    public async Task<int> ProbeAllAsync(CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        IReadOnlyList<ProbeRepository.Target> targets;
        using (var connection = database.Open())
        {
            targets = ProbeRepository.Targets(connection, ChainCheckpoint.Tip(connection)?.Height ?? 0);
        }

        var results = new ConcurrentBag<(ProbeRepository.Target Target, ProbeResult Result)>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.ProbeConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(targets, parallel, async (target, token) =>
            results.Add((target, await probe.ProbeAsync(target.ApiUrl, token))));

        using (var connection = database.Open())
        using (var transaction = connection.BeginTransaction())
        {
            foreach (var (target, result) in results.OrderBy(r => r.Target.ProviderKey, StringComparer.Ordinal))
            {
                ProbeRepository.Record(transaction, target.ProviderKey, result, startedAt);
                if (result.Outcome != ProbeOutcome.Up)
                {
                    LogNotUp(logger, target.ProviderKey, result.Outcome, result.Detail ?? "");
                }
            }

            ProbeRepository.Prune(transaction, startedAt);
            transaction.Commit();
        }

        LastRoundAt = startedAt;
        LastRoundProbes = targets.Count;
        changes.Bump();
        return targets.Count;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Provider {ProviderKey} probed {Outcome}: {Detail}")]
    private static partial void LogNotUp(ILogger logger, string providerKey, ProbeOutcome outcome, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Probe round failed ({Error}: {Message}); next round at the usual interval")]
    private static partial void LogRoundFailed(ILogger logger, string error, string message);
}

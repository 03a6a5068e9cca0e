using Microsoft.Extensions.Options;
using Peer2Peer.Sia.Signing;

namespace Peer2Peer.Sidecar.Siad;

/// <summary>What the sidecar learnt about its siad at start: version and the chain rules that follow from it.</summary>
public sealed record SiadInfo(SiadVersion Version, ChainRules Rules);

/// <summary>
/// Waits out a siad that is still starting (1.5.x answers 490; 1.3.x refuses connections or answers 404 until its
/// modules load), then detects its version and chain rules. Capabilities await <see cref="WhenReadyAsync"/>.
/// </summary>
public sealed partial class SiadConnection(ISiadClient client, IOptions<SiadOptions> options, TimeProvider time, ILogger<SiadConnection> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource<SiadInfo> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SiadInfo? Info => _ready.Task.IsCompletedSuccessfully ? _ready.Task.Result : null;

    /// <summary>Why siad is not usable yet, for health and status; null once ready.</summary>
    public string? Problem { get; private set; } = "connecting to siad";

    public Task<SiadInfo> WhenReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var info = await ConnectAsync(stoppingToken);
            Problem = null;
            _ready.TrySetResult(info);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _ready.TrySetCanceled(stoppingToken);
        }
        catch (Exception e)
        {
            Problem = e.Message;
            LogGaveUp(logger, e.Message);
            _ready.TrySetException(e);
        }
    }

    private async Task<SiadInfo> ConnectAsync(CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.Value.StartupTimeout;
        var delay = TimeSpan.FromMilliseconds(250);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var version = await client.GetVersionAsync(cancellationToken);
                var tip = await client.GetConsensusAsync(cancellationToken);
                var rules = options.Value.ChainRules == "auto"
                    ? version.RulesFor((await client.GetConstantsAsync(cancellationToken)).BlockFrequency)
                    : SiadVersion.RulesByName(options.Value.ChainRules)!;
                LogConnected(logger, version.Text, rules.Name, tip.Height);
                return new SiadInfo(version, rules);
            }
            catch (Exception e) when (IsStarting(e) && time.GetUtcNow() < deadline)
            {
                Problem = $"waiting for siad to start: {e.Message}";
                LogWaiting(logger, attempt, e.Message);
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private static bool IsStarting(Exception e) =>
        e is SiadNotReadyException or SiadRouteNotFoundException or SiadUnreachableException;

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to siad {Version}: chain rules {Rules}, height {Height}")]
    private static partial void LogConnected(ILogger logger, string version, string rules, ulong height);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting for siad to start (attempt {Attempt}): {Reason}")]
    private static partial void LogWaiting(ILogger logger, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot use siad: {Reason}")]
    private static partial void LogGaveUp(ILogger logger, string reason);
}

namespace Peer2Peer.Devnet.OpenvCloud.Faults;

/// <summary>Holds a controller's <see cref="FaultState"/> and hands it out per request; thread-safe.</summary>
public sealed class FaultInjector
{
    public static readonly string[] HealthComponents = ["mongodb", "influxdb", "healtcheckalive"];

    private readonly Lock _lock = new();
    private FaultState _state = FaultState.None;
    private TaskCompletionSource _delayStarted = NewSignal();

    public FaultState Current
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    public void Set(FaultState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.ErrorStatus is { } status && status is < 500 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(state), status, "errorStatus must be a 5xx code");
        }

        if (state.Delay < TimeSpan.Zero || state.ErrorCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(state), "delay and errorCount must not be negative");
        }

        if (state.UnhealthyComponents.FirstOrDefault(c => !HealthComponents.Contains(c)) is { } unknown)
        {
            throw new ArgumentOutOfRangeException(nameof(state), unknown, "unknown health component");
        }

        lock (_lock)
        {
            _state = state;
        }
    }

    public void Clear() => Set(FaultState.None);

    /// <summary>Completes when a request starts waiting out <see cref="FaultState.Delay"/>: lets tests advance a fake clock without sleeping.</summary>
    public Task DelayStarted
    {
        get
        {
            lock (_lock)
            {
                return _delayStarted.Task;
            }
        }
    }

    internal void SignalDelayStarted()
    {
        lock (_lock)
        {
            _delayStarted.TrySetResult();
            _delayStarted = NewSignal();
        }
    }

    /// <summary>The 5xx status this call must answer, consuming one from <see cref="FaultState.ErrorCount"/>.</summary>
    internal int? TakeError()
    {
        lock (_lock)
        {
            if (_state.ErrorStatus is not { } status)
            {
                return null;
            }

            if (_state.ErrorCount is { } left)
            {
                _state = left <= 1 ? _state with { ErrorStatus = null, ErrorCount = null } : _state with { ErrorCount = left - 1 };
                if (left <= 0)
                {
                    return null;
                }
            }

            return status;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

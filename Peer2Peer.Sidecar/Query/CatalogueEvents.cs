namespace Peer2Peer.Sidecar.Query;

/// <summary>A change in the catalogue as the change feed reports it.</summary>
public sealed record CatalogueEvent(long Id, string Type, string ProviderId, ulong? Sequence, ulong ScannedHeight, DateTimeOffset At);

/// <summary>
/// The last events (added, updated, removed, online, offline). A client resumes with the last ID it saw; one older than
/// the buffer, or from before a restart, gets a <c>resync</c> event (reload the list). Events are not persisted, so IDs
/// start above every ID an earlier process could have given: at the start time in Unix milliseconds × 1,000 (about
/// 1.8 × 10^15, still exact in a JavaScript number), which a process would only outrun by a thousand events per
/// millisecond of its life.
/// </summary>
public sealed class CatalogueEventLog
{
    private readonly LinkedList<CatalogueEvent> _events = new();
    private readonly Lock _lock = new();
    private readonly int _capacity;
    private readonly long _firstId;
    private long _lastId;
    private TaskCompletionSource _appended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CatalogueEventLog(TimeProvider time, int capacity = 10_000)
    {
        _capacity = capacity;
        _lastId = time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000;
        _firstId = _lastId + 1;
    }

    public long LastId
    {
        get
        {
            lock (_lock)
            {
                return _lastId;
            }
        }
    }

    public void Append(IEnumerable<(string Type, string ProviderId, ulong? Sequence)> changes, ulong height, DateTimeOffset at)
    {
        var any = false;
        lock (_lock)
        {
            foreach (var (type, provider, sequence) in changes)
            {
                _events.AddLast(new CatalogueEvent(++_lastId, type, provider, sequence, height, at));
                if (_events.Count > _capacity)
                {
                    _events.RemoveFirst();
                }

                any = true;
            }
        }

        if (any)
        {
            Interlocked.Exchange(ref _appended, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    /// <summary>Events after <paramref name="lastSeenId"/>, or null when that ID can no longer be resumed from.</summary>
    public IReadOnlyList<CatalogueEvent>? After(long lastSeenId)
    {
        lock (_lock)
        {
            var oldest = _events.First?.Value.Id ?? _firstId;
            if (lastSeenId > _lastId || lastSeenId < oldest - 1)
            {
                return null;
            }

            return _events.Where(e => e.Id > lastSeenId).ToArray();
        }
    }

    public Task WhenAppendedAsync(CancellationToken cancellationToken) => Volatile.Read(ref _appended).Task.WaitAsync(cancellationToken);
}

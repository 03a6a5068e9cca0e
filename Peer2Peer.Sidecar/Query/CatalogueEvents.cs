namespace Peer2Peer.Sidecar.Query;

/// <summary>A change in the catalogue as the change feed reports it.</summary>
public sealed record CatalogueEvent(long Id, string Type, string ProviderId, ulong? Sequence, ulong ScannedHeight, DateTimeOffset At);

/// <summary>
/// The last events (added, updated, removed, online, offline), numbered from 1 in this process. A client resumes with
/// the last ID it saw; one older than the buffer, or from before a restart, gets a <c>resync</c> event (reload the list).
/// </summary>
public sealed class CatalogueEventLog(int capacity = 10_000)
{
    private readonly LinkedList<CatalogueEvent> _events = new();
    private readonly Lock _lock = new();
    private long _lastId;
    private TaskCompletionSource _appended = new(TaskCreationOptions.RunContinuationsAsynchronously);

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
                if (_events.Count > capacity)
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
            if (lastSeenId > _lastId || (_events.First is { } first && lastSeenId < first.Value.Id - 1))
            {
                return null;
            }

            return _events.Where(e => e.Id > lastSeenId).ToArray();
        }
    }

    public Task WhenAppendedAsync(CancellationToken cancellationToken) => Volatile.Read(ref _appended).Task.WaitAsync(cancellationToken);
}

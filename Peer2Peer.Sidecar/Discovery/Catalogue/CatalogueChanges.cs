namespace Peer2Peer.Sidecar.Discovery.Catalogue;

/// <summary>
/// A version number of the catalogue's content, bumped after every committed block batch and every probe round, so
/// readers (the query index, the change feed) know when to look again without polling the database.
/// </summary>
public sealed class CatalogueChanges
{
    private long _version;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Version => Interlocked.Read(ref _version);

    public void Bump()
    {
        Interlocked.Increment(ref _version);
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Completes at the next <see cref="Bump"/>.</summary>
    public Task WhenChangedAsync(CancellationToken cancellationToken) => Volatile.Read(ref _changed).Task.WaitAsync(cancellationToken);
}

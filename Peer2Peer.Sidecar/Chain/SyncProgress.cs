namespace Peer2Peer.Sidecar.Chain;

/// <summary>Blocks/s over the current sync and when to log progress next.</summary>
internal sealed class SyncProgress(TimeProvider time, TimeSpan logInterval)
{
    private readonly long _started = time.GetTimestamp();
    private long _blocks;
    private long _lastLog = time.GetTimestamp();

    public double? BlocksPerSecond
    {
        get
        {
            var elapsed = time.GetElapsedTime(_started).TotalSeconds;
            return _blocks > 0 && elapsed > 0 ? _blocks / elapsed : null;
        }
    }

    public void Count(int blocks) => _blocks += blocks;

    public bool ShouldLog()
    {
        if (time.GetElapsedTime(_lastLog) < logInterval)
        {
            return false;
        }

        _lastLog = time.GetTimestamp();
        return true;
    }
}

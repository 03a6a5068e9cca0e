namespace Peer2Peer.Devnet.OpenvCloud.Async;

/// <summary>The outcome of one <c>_async</c> call: <c>[true, result]</c> or <c>[false, message]</c> on <c>system/task/get</c>.</summary>
internal sealed record TaskOutcome(bool Success, object? Result, string? Error)
{
    public static TaskOutcome Ok(object? result) => new(true, result, null);

    public static TaskOutcome Failed(string message) => new(false, null, message);
}

internal enum TaskState
{
    Unknown,
    Running,
    Done,
}

/// <summary>
/// Task guids of <c>_async</c> calls. The work itself runs when the call arrives; the result is withheld
/// (202) for <c>duration</c> of wall time and readable for <c>retention</c> after that, then 404 like the
/// real portal's expiring task cache.
/// </summary>
internal sealed class TaskRegistry(TimeProvider wallClock, TimeSpan duration, TimeSpan retention)
{
    private const int MaxTasks = 10_000;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (TaskOutcome Outcome, DateTimeOffset ReadyAt)> _tasks = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public string Submit(TaskOutcome outcome)
    {
        var guid = Guid.NewGuid().ToString();
        var now = wallClock.GetUtcNow();
        lock (_lock)
        {
            Purge(now);
            _tasks[guid] = (outcome, now + duration);
            _order.Enqueue(guid);
        }

        return guid;
    }

    public TaskState Get(string guid, out TaskOutcome? outcome)
    {
        outcome = null;
        var now = wallClock.GetUtcNow();
        lock (_lock)
        {
            Purge(now);
            if (!_tasks.TryGetValue(guid, out var task))
            {
                return TaskState.Unknown;
            }

            if (now < task.ReadyAt)
            {
                return TaskState.Running;
            }

            outcome = task.Outcome;
            return TaskState.Done;
        }
    }

    private void Purge(DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest)
               && (!_tasks.TryGetValue(oldest, out var task) || now >= task.ReadyAt + retention || _tasks.Count >= MaxTasks))
        {
            _tasks.Remove(_order.Dequeue());
        }
    }
}

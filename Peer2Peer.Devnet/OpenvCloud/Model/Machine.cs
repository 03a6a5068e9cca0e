namespace Peer2Peer.Devnet.OpenvCloud.Model;

/// <summary>A virtual machine with its full status history, which is what hourly consumption is computed from.</summary>
internal sealed class Machine
{
    private readonly List<StatusChange> _history = [];

    public required int Id { get; init; }

    public required int CloudSpaceId { get; init; }

    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public required ImageSpec Image { get; init; }

    /// <summary>0 for machines created with free vcpus + memory (OVC ≥ 2.4).</summary>
    public required int SizeId { get; init; }

    public required int Vcpus { get; init; }

    public required int MemoryMiB { get; init; }

    public required IReadOnlyList<Disk> Disks { get; init; }

    public required Nic Nic { get; init; }

    public required int StackId { get; init; }

    public required string GuestPassword { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string Status => _history[^1].Status;

    public IReadOnlyList<StatusChange> History => _history;

    public string ReferenceId => $"vm-{Id}";

    public int StorageGb => Disks.Sum(d => d.SizeMaxGb);

    public void SetStatus(string status, DateTimeOffset at)
    {
        if (_history.Count > 0 && _history[^1].Status == status)
        {
            return;
        }

        _history.Add(new StatusChange(at, status));
        UpdatedAt = at;
    }

    /// <summary>The status at an instant, or null before the machine existed.</summary>
    public string? StatusAt(DateTimeOffset at)
    {
        string? status = null;
        foreach (var change in _history)
        {
            if (change.At > at)
            {
                break;
            }

            status = change.Status;
        }

        return status;
    }

    /// <summary>How long the machine was RUNNING within [from, to).</summary>
    public TimeSpan RunningWithin(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        for (var i = 0; i < _history.Count; i++)
        {
            if (_history[i].Status != Statuses.Running)
            {
                continue;
            }

            var start = _history[i].At > from ? _history[i].At : from;
            var end = i + 1 < _history.Count && _history[i + 1].At < to ? _history[i + 1].At : to;
            if (end > start)
            {
                total += end - start;
            }
        }

        return total;
    }
}

internal readonly record struct StatusChange(DateTimeOffset At, string Status);

/// <summary>A disk; <paramref name="Type"/> B = boot, D = data; sizes in GB.</summary>
internal sealed record Disk(int Id, string Name, string Type, int SizeMaxGb);

internal sealed record Nic(string IpAddress, string MacAddress, int NetworkId);

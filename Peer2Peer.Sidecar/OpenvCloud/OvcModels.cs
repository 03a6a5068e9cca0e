namespace Peer2Peer.Sidecar.OpenvCloud;

/// <summary>A location (= one G8 grid) of a controller; <see cref="Code"/> is the key other calls take.</summary>
public sealed record OvcLocation(int Id, int Gid, string Code, string Name, string Flag);

/// <summary>A flavour: memory in MiB and the boot-disk sizes (GB) a machine of this size may have.</summary>
public sealed record OvcSize(int Id, string Name, int Vcpus, int MemoryMiB, IReadOnlyList<int> AllowedDiskSizesGb);

/// <summary>An image; <see cref="MinDiskGb"/> is the smallest boot disk it fits on.</summary>
public sealed record OvcImage(int Id, string Name, string Type, int MinDiskGb, int AccountId, string Status);

public sealed record OvcAccount(int Id, string Name);

/// <summary>
/// A machine. <see cref="SizeId"/> is 0 for machines created with free vcpus/memory. <see cref="CloudSpaceId"/> comes
/// from the call for <c>machines/list</c>, which does not carry it.
/// </summary>
public sealed record OvcMachine(
    int Id,
    string Name,
    string Status,
    int CloudSpaceId,
    int SizeId,
    int ImageId,
    int Vcpus,
    int MemoryMiB,
    int StorageGb,
    DateTimeOffset Created,
    DateTimeOffset Updated)
{
    public bool IsRunning => Status == OvcMachineStatus.Running;
}

/// <summary>The static statuses of §3.8 (transitional ones such as STARTING also occur).</summary>
public static class OvcMachineStatus
{
    public const string Running = "RUNNING";
    public const string Halted = "HALTED";
    public const string Paused = "PAUSED";
    public const string Deleted = "DELETED";
    public const string Destroyed = "DESTROYED";
    public const string Error = "ERROR";
}

/// <summary>What to create: a size, or free vcpus + memory (MiB, even); disks in GB.</summary>
public sealed record OvcMachineSpec(int CloudSpaceId, string Name, int ImageId, int DiskSizeGb)
{
    public int? SizeId { get; init; }

    public int? Vcpus { get; init; }

    public int? MemoryMiB { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<int> DataDisksGb { get; init; } = [];
}

/// <summary>One hourly snapshot of an account (§3.11): the state at the top of <see cref="Hour"/> and counters of the hour before.</summary>
public sealed record OvcConsumptionSnapshot(DateTimeOffset Hour, int AccountId, IReadOnlyList<OvcVmUsage> Machines);

/// <summary>A VM in a snapshot (virtual routers are left out); HALTED and DELETED VMs appear too: filter on <see cref="Status"/>.</summary>
public sealed record OvcVmUsage(int MachineId, int CloudSpaceId, string Status, int Vcpus, double MemoryMiB, double CpuMinutes, string ImageName, double DiskGb)
{
    public bool IsRunning => Status == OvcMachineStatus.Running;
}

public enum OvcHealthState
{
    /// <summary><c>health/status</c> answered 200 with every component true.</summary>
    Up,

    /// <summary>The controller answered but reports a problem (503 with the status object, or a component false).</summary>
    Degraded,

    /// <summary>No usable answer: unreachable, timed out, an HTML error page, or something that is not a controller.</summary>
    Down,
}

/// <summary>One liveness probe of a controller.</summary>
public sealed record OvcHealth(OvcHealthState State, IReadOnlyDictionary<string, bool> Components, TimeSpan Latency, string? Problem);

using Peer2Peer.Devnet.OpenvCloud.Api;
using Peer2Peer.Devnet.OpenvCloud.Auth;

namespace Peer2Peer.Devnet.OpenvCloud.Model;

/// <summary>
/// The in-memory database of one controller. Every API handler runs under <see cref="Sync"/>, so the
/// collections need no further locking; ids are per-controller counters like OSIS's.
/// </summary>
internal sealed class ControllerState
{
    private readonly SecretSource _secrets;
    private readonly int _ipBlock;
    private int _nextAccountId = 1;
    private int _nextCloudSpaceId = 1;
    private int _nextMachineId = 1;
    private int _nextDiskId = 1;
    private int _nextIp = 10;

    public ControllerState(int index, CatalogueSpec catalogue, TimeSpan cloudSpaceDeployTime, SecretSource secrets)
    {
        Catalogue = catalogue;
        CloudSpaceDeployTime = cloudSpaceDeployTime;
        _secrets = secrets;
        _ipBlock = index;
    }

    public Lock Sync { get; } = new();

    public CatalogueSpec Catalogue { get; }

    public TimeSpan CloudSpaceDeployTime { get; }

    public Dictionary<int, Account> Accounts { get; } = [];

    public Dictionary<int, CloudSpace> CloudSpaces { get; } = [];

    public Dictionary<int, Machine> Machines { get; } = [];

    /// <summary>Local users for the legacy <c>users/authenticate</c>: name → password.</summary>
    public Dictionary<string, string> LocalUsers { get; } = new(StringComparer.Ordinal);

    public LocationSpec? FindLocation(string code) => Catalogue.Locations.FirstOrDefault(l => l.Code == code);

    public Account GetAccount(int id) =>
        Accounts.TryGetValue(id, out var account) ? account : throw OvcException.NotFound($"Could not find {id} of type account");

    public CloudSpace GetCloudSpace(int id) =>
        CloudSpaces.TryGetValue(id, out var space) ? space : throw OvcException.NotFound($"Could not find {id} of type cloudspace");

    /// <summary>A machine that still exists; deleted and destroyed ones are 404 like on a real controller.</summary>
    public Machine GetMachine(int id)
    {
        if (!Machines.TryGetValue(id, out var machine))
        {
            throw OvcException.NotFound($"Machine {id} not found");
        }

        return Statuses.IsGone(machine.Status) ? throw OvcException.NotFound("Could not find an accessible resource.") : machine;
    }

    /// <summary>Rights of a caller on an account: the letters of its ACEs there.</summary>
    public string Rights(Caller caller, Account account) =>
        string.Concat(account.Acl.Where(a => a.UserGroupId == caller.Name).Select(a => a.Right));

    /// <summary>Rights on a cloudspace: its own ACEs plus those inherited from its account.</summary>
    public string Rights(Caller caller, CloudSpace space) =>
        string.Concat(space.Acl.Where(a => a.UserGroupId == caller.Name).Select(a => a.Right))
        + (Accounts.TryGetValue(space.AccountId, out var account) ? Rights(caller, account) : "");

    public void Require(Caller caller, Account account, char right)
    {
        if (!Rights(caller, account).Contains(right, StringComparison.Ordinal))
        {
            throw OvcException.Forbidden(caller.Name);
        }
    }

    public void Require(Caller caller, CloudSpace space, char right)
    {
        if (!Rights(caller, space).Contains(right, StringComparison.Ordinal))
        {
            throw OvcException.Forbidden(caller.Name);
        }
    }

    public Account AddAccount(string name, DateTimeOffset now)
    {
        var account = new Account { Id = _nextAccountId++, Name = name, CreatedAt = now };
        Accounts.Add(account.Id, account);
        return account;
    }

    public CloudSpace AddCloudSpace(Account account, string name, LocationSpec location, DateTimeOffset now, DateTimeOffset deployedAt,
        IReadOnlyList<int> allowedSizes, ResourceLimits limits, string? privateNetwork, string type = "routeros")
    {
        var space = new CloudSpace
        {
            Id = _nextCloudSpaceId++,
            AccountId = account.Id,
            Name = name,
            Location = location,
            CreatedAt = now,
            DeployedAt = deployedAt,
            // TEST-NET-3 (RFC 5737): never routable, one /26 per controller.
            ExternalIp = $"203.0.113.{(_ipBlock % 4 * 64) + (_nextIp++ % 64)}",
            Secret = _secrets.Token(16),
            AllowedVMSizes = allowedSizes,
            Limits = limits,
            PrivateNetwork = privateNetwork ?? "192.168.103.0/24",
            Type = type,
        };
        CloudSpaces.Add(space.Id, space);
        return space;
    }

    public Machine AddMachine(CloudSpace space, string name, string description, ImageSpec image, int sizeId, int vcpus, int memoryMiB,
        int bootDiskGb, IReadOnlyList<int> dataDisksGb, DateTimeOffset now)
    {
        var id = _nextMachineId++;
        List<Disk> disks = [new Disk(_nextDiskId++, "Boot disk", "B", bootDiskGb)];
        disks.AddRange(dataDisksGb.Select((gb, i) => new Disk(_nextDiskId++, $"Data disk {i + 1}", "D", gb)));
        var hostPart = 10 + Machines.Values.Count(m => m.CloudSpaceId == space.Id);
        var machine = new Machine
        {
            Id = id,
            CloudSpaceId = space.Id,
            Name = name,
            Description = description,
            Image = image,
            SizeId = sizeId,
            Vcpus = vcpus,
            MemoryMiB = memoryMiB,
            Disks = disks,
            Nic = new Nic($"192.168.103.{hostPart % 250}", _secrets.MacAddress(), 200 + space.Id),
            StackId = 1 + (id % 3),
            GuestPassword = _secrets.Token(12),
            CreatedAt = now,
        };
        machine.SetStatus(Statuses.Running, now);
        Machines.Add(id, machine);
        return machine;
    }
}

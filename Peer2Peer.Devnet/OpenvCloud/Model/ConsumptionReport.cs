using System.Globalization;

namespace Peer2Peer.Devnet.OpenvCloud.Model;

/// <summary>
/// Hourly snapshots of <c>accounts/getConsumption</c> (§3.11), computed from machine status histories instead
/// of stored capnp files. Snapshot H = state at the top of hour H plus counters over [H−1h, H); it is served
/// once the devnet clock passes H + the publish delay (the real H:30 merge). Counters are synthetic but
/// deterministic: they scale with the minutes the VM was RUNNING in the previous hour.
/// </summary>
internal static class ConsumptionReport
{
    private const long Hour = 3600;

    /// <summary>Epoch seconds of every published snapshot hour of an account in [start, end] (start truncated to the hour).</summary>
    public static IEnumerable<long> Hours(Account account, double start, double end, DateTimeOffset now, TimeSpan publishDelay)
    {
        var first = Math.Max(FloorHour(start), CeilHour(account.CreatedAt.ToUnixTimeSeconds()));
        var lastPublished = FloorHour((now - publishDelay).ToUnixTimeSeconds());
        var last = Math.Min(Clamp(end), lastPublished);
        for (var h = first; h <= last; h += Hour)
        {
            yield return h;
        }
    }

    public static Dictionary<string, object> Build(ControllerState state, Account account, double start, double end, DateTimeOffset now, TimeSpan publishDelay)
    {
        var report = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var hour in Hours(account, start, end, now, publishDelay))
        {
            report[hour.ToString(CultureInfo.InvariantCulture)] = Snapshot(state, account, hour);
        }

        return report;
    }

    /// <summary>Machines of the account at a snapshot hour, with their status then (DESTROYED ones excluded, like the real tracker).</summary>
    public static IEnumerable<(CloudSpace Space, Machine Machine, string Status)> MachinesAt(ControllerState state, Account account, long hour)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(hour);
        foreach (var space in state.CloudSpaces.Values.Where(s => s.AccountId == account.Id && s.CreatedAt <= at).OrderBy(s => s.Id))
        {
            foreach (var machine in state.Machines.Values.Where(m => m.CloudSpaceId == space.Id).OrderBy(m => m.Id))
            {
                if (machine.StatusAt(at) is { } status && status != Statuses.Destroyed)
                {
                    yield return (space, machine, status);
                }
            }
        }
    }

    private static object Snapshot(ControllerState state, Account account, long hour)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(hour);
        var machines = MachinesAt(state, account, hour).ToList();
        var spaces = state.CloudSpaces.Values.Where(s => s.AccountId == account.Id && s.CreatedAt <= at).OrderBy(s => s.Id);
        return new
        {
            accountId = account.Id,
            cloudspaces = spaces.Select(space =>
            {
                var vms = machines.Where(m => m.Space == space).Select(m => Vm(m.Machine, m.Status, at)).ToList();
                var traffic = machines.Where(m => m.Space == space).Sum(m => RunningMinutes(m.Machine, at)) * 40.0;
                var entries = new List<object> { Router(traffic) };
                entries.AddRange(vms);
                return new { cloudSpaceId = space.Id, accountId = account.Id, machines = entries };
            }).ToList(),
        };
    }

    private static Dictionary<string, object> Router(double traffic)
    {
        var external = new Dictionary<string, object> { ["type"] = "external" };
        var inner = new Dictionary<string, object> { ["type"] = "space" };
        if (traffic > 0)
        {
            external["tx"] = traffic;
            inner["tx"] = traffic;
            inner["rx"] = traffic;
        }

        return new Dictionary<string, object> { ["type"] = "routeros", ["networks"] = new[] { external, inner } };
    }

    private static Dictionary<string, object> Vm(Machine machine, string status, DateTimeOffset at)
    {
        var minutes = RunningMinutes(machine, at);
        var vm = new Dictionary<string, object>
        {
            ["id"] = machine.Id,
            ["type"] = "vm",
            ["status"] = status,
            ["vcpus"] = machine.Vcpus,
            ["mem"] = (double)machine.MemoryMiB,
            ["imageName"] = machine.Image.Name,
        };
        var network = new Dictionary<string, object> { ["type"] = "space" };
        if (minutes > 0)
        {
            // Zero counters are left out, as the real capnp-to-dict conversion does.
            vm["cpuMinutes"] = Math.Round(minutes * machine.Vcpus * 0.25, 1);
            network["tx"] = minutes * 20.0;
            network["rx"] = minutes * 18.0;
        }

        vm["disks"] = machine.Disks.Select(d =>
        {
            var disk = new Dictionary<string, object> { ["id"] = d.Id, ["size"] = (double)d.SizeMaxGb };
            if (minutes > 0)
            {
                disk["iopsRead"] = Math.Round(minutes / 20.0, 2);
                disk["iopsWrite"] = Math.Round(minutes / 8.0, 2);
                disk["iopsReadMax"] = 40.0;
                disk["iopsWriteMax"] = 55.0;
            }

            return disk;
        }).ToList();
        vm["networks"] = new[] { network };
        return vm;
    }

    private static double RunningMinutes(Machine machine, DateTimeOffset at) =>
        Math.Round(machine.RunningWithin(at.AddHours(-1), at).TotalMinutes, 2);

    private static long FloorHour(double epoch) => (long)Math.Floor(Clamp(epoch) / (double)Hour) * Hour;

    // Clients may send any float; keep the arithmetic far from long's edges.
    private static long Clamp(double epoch) => (long)Math.Clamp(Math.Floor(epoch), -1e15, 1e15);

    private static long CeilHour(long epoch) => (epoch + Hour - 1) / Hour * Hour;
}

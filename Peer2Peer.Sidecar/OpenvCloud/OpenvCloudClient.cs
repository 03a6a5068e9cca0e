using System.Globalization;
using Peer2Peer.Sidecar.OpenvCloud.Dtos;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace Peer2Peer.Sidecar.OpenvCloud;

/// <summary>
/// The adapter over <see cref="IOpenvCloudApi"/> for one controller: domain records out, every answer checked (it comes
/// from the network), every failure an <see cref="OpenvCloudException"/>. Built by <see cref="OpenvCloudClientFactory"/>.
/// </summary>
public sealed partial class OpenvCloudClient : IOpenvCloudClient
{
    private const int MaxItems = 100_000;

    private readonly IOpenvCloudApi _api;
    private readonly IOpenvCloudHealthProbe _probe;
    private readonly TimeSpan _probeTimeout;
    private readonly SecretRedactor _redactor;
    private readonly ILogger _logger;

    internal OpenvCloudClient(Uri baseUrl, IOpenvCloudApi api, IOpenvCloudHealthProbe probe, TimeSpan probeTimeout, SecretRedactor redactor, ILogger logger)
    {
        BaseUrl = baseUrl;
        _api = api;
        _probe = probe;
        _probeTimeout = probeTimeout;
        _redactor = redactor;
        _logger = logger;
    }

    public Uri BaseUrl { get; }

    public async Task<IReadOnlyList<OvcLocation>> ListLocationsAsync(CancellationToken cancellationToken)
    {
        var dtos = Items(await Guard(() => _api.ListLocationsAsync(EmptyRequest.Instance, cancellationToken), cancellationToken), "locations/list");
        return dtos.Select(l => new OvcLocation(
            l.Id,
            l.Gid,
            Text(l.LocationCode, "locations/list", "locationCode", required: true),
            Text(l.Name, "locations/list", "name"),
            Text(l.Flag, "locations/list", "flag"))).ToList();
    }

    public Task<IReadOnlyList<OvcSize>> ListSizesAsync(string locationCode, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(locationCode);
        return SizesAsync(new SizesListRequest { Location = locationCode }, cancellationToken);
    }

    public Task<IReadOnlyList<OvcSize>> ListSizesForCloudSpaceAsync(int cloudSpaceId, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cloudSpaceId);
        return SizesAsync(new SizesListRequest { CloudSpaceId = cloudSpaceId }, cancellationToken);
    }

    public async Task<IReadOnlyList<OvcImage>> ListImagesAsync(int? accountId, CancellationToken cancellationToken)
    {
        var dtos = Items(await Guard(() => _api.ListImagesAsync(new ImagesListRequest { AccountId = accountId }, cancellationToken), cancellationToken), "images/list");
        return dtos.Select(i => new OvcImage(
            Id(i.Id, "images/list"),
            Text(i.Name, "images/list", "name", required: true),
            Text(i.Type, "images/list", "type"),
            NonNegative(i.Size, "images/list", "size"),
            i.AccountId,
            Text(i.Status, "images/list", "status"))).ToList();
    }

    public async Task<IReadOnlyList<OvcAccount>> ListAccountsAsync(CancellationToken cancellationToken)
    {
        var dtos = Items(await Guard(() => _api.ListAccountsAsync(EmptyRequest.Instance, cancellationToken), cancellationToken), "accounts/list");
        return dtos.Select(a => new OvcAccount(Id(a.Id, "accounts/list"), Text(a.Name, "accounts/list", "name"))).ToList();
    }

    public async Task<IReadOnlyList<OvcMachine>> ListMachinesAsync(int cloudSpaceId, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cloudSpaceId);
        var dtos = Items(await Guard(() => _api.ListMachinesAsync(new CloudSpaceRequest { CloudSpaceId = cloudSpaceId }, cancellationToken), cancellationToken),
            "machines/list");
        return dtos.Select(m => new OvcMachine(
            Id(m.Id, "machines/list"),
            Text(m.Name, "machines/list", "name", required: true),
            Text(m.Status, "machines/list", "status", required: true),
            cloudSpaceId,
            NonNegative(m.SizeId, "machines/list", "sizeId"),
            NonNegative(m.ImageId, "machines/list", "imageId"),
            NonNegative(m.Vcpus, "machines/list", "vcpus"),
            NonNegative(m.Memory, "machines/list", "memory"),
            NonNegative(m.Storage, "machines/list", "storage"),
            Epoch(m.CreationTime, "machines/list", "creationTime"),
            Epoch(m.UpdateTime, "machines/list", "updateTime"))).ToList();
    }

    public async Task<OvcMachine?> GetMachineAsync(int machineId, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(machineId);
        MachineDto m;
        try
        {
            m = await Guard(() => _api.GetMachineAsync(new MachineRequest { MachineId = machineId }, cancellationToken), cancellationToken);
        }
        catch (OpenvCloudNotFoundException e) when (!e.IsUnknownMethod)
        {
            return null;
        }

        if (m.Id != machineId)
        {
            throw new OpenvCloudProtocolException($"machines/get for {machineId} answered machine {m.Id}");
        }

        return new OvcMachine(
            m.Id,
            Text(m.Name, "machines/get", "name", required: true),
            Text(m.Status, "machines/get", "status", required: true),
            Id(m.CloudSpaceId, "machines/get", "cloudspaceid"),
            NonNegative(m.SizeId, "machines/get", "sizeid"),
            NonNegative(m.ImageId, "machines/get", "imageid"),
            NonNegative(m.Vcpus, "machines/get", "vcpus"),
            NonNegative(m.Memory, "machines/get", "memory"),
            NonNegative(m.Storage, "machines/get", "storage"),
            Epoch(m.CreationTime, "machines/get", "creationTime"),
            Epoch(m.UpdateTime, "machines/get", "updateTime"));
    }

    public async Task<int> CreateMachineAsync(OvcMachineSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.Name);
        var request = new MachineCreateRequest
        {
            CloudSpaceId = spec.CloudSpaceId,
            Name = spec.Name,
            Description = string.IsNullOrEmpty(spec.Description) ? null : spec.Description,
            ImageId = spec.ImageId,
            DiskSize = spec.DiskSizeGb,
            SizeId = spec.SizeId,
            Vcpus = spec.Vcpus,
            Memory = spec.MemoryMiB,
            DataDisks = spec.DataDisksGb.Count == 0 ? null : [.. spec.DataDisksGb],
        };
        try
        {
            return Id(await Guard(() => _api.CreateMachineAsync(request, cancellationToken), cancellationToken), "machines/create");
        }
        catch (OpenvCloudException e) when (e is OpenvCloudUnreachableException or OpenvCloudServerException or OpenvCloudPendingException
                                            && !cancellationToken.IsCancellationRequested)
        {
            // The controller may have created it before the answer was lost: names are unique per cloudspace, so look.
            LogCreateOutcomeUnknown(_logger, spec.Name, spec.CloudSpaceId, e.GetType().Name);
            IReadOnlyList<OvcMachine> machines;
            try
            {
                machines = await ListMachinesAsync(spec.CloudSpaceId, cancellationToken);
            }
            catch (OpenvCloudException check)
            {
                throw new OpenvCloudOutcomeUnknownException(
                    $"creating machine '{spec.Name}' failed ({e.Message}) and checking whether it exists failed too ({check.Message})", e);
            }

            if (machines.FirstOrDefault(m => m.Name == spec.Name) is { } created)
            {
                LogCreateLanded(_logger, spec.Name, created.Id);
                return created.Id;
            }

            throw;
        }
    }

    public async Task StartMachineAsync(int machineId, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(machineId);
        Done(await Guard(() => _api.StartMachineAsync(new MachineRequest { MachineId = machineId }, cancellationToken), cancellationToken), "machines/start");
    }

    public async Task StopMachineAsync(int machineId, bool force, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(machineId);
        Done(await Guard(() => _api.StopMachineAsync(new MachineStopRequest { MachineId = machineId, Force = force }, cancellationToken), cancellationToken),
            "machines/stop");
    }

    public async Task DeleteMachineAsync(int machineId, bool permanently, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(machineId);
        Done(await Guard(() => _api.DeleteMachineAsync(new MachineDeleteRequest { MachineId = machineId, Permanently = permanently }, cancellationToken),
            cancellationToken), "machines/delete");
    }

    public async Task<IReadOnlyList<OvcConsumptionSnapshot>> GetConsumptionAsync(int accountId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(accountId);
        if (to <= from)
        {
            throw new ArgumentException("the period must end after it starts", nameof(to));
        }

        // start/end are inclusive at hour granularity: [T0, T1) is start = T0, end = T1 − 1 (§3.11, §5.3).
        var request = new ConsumptionRequest { AccountId = accountId, Start = from.ToUnixTimeSeconds(), End = to.ToUnixTimeSeconds() - 1 };
        var report = await Guard(() => _api.GetConsumptionAsync(request, cancellationToken), cancellationToken);
        if (report.Count > MaxItems)
        {
            throw new OpenvCloudProtocolException($"getConsumption answered {report.Count} snapshots");
        }

        var snapshots = new List<OvcConsumptionSnapshot>(report.Count);
        foreach (var (key, snapshot) in report)
        {
            if (!long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) || epoch > 253402300799)
            {
                throw new OpenvCloudProtocolException($"getConsumption answered a snapshot key that is not an epoch: '{Shorten(key)}'");
            }

            var hour = DateTimeOffset.FromUnixTimeSeconds(epoch);
            if (hour < from.AddHours(-1) || hour >= to || snapshot is null)
            {
                // Outside the asked period (the server truncates start to the hour) or empty: not ours to bill.
                continue;
            }

            if (snapshot.AccountId != 0 && snapshot.AccountId != accountId)
            {
                throw new OpenvCloudProtocolException($"getConsumption for account {accountId} answered a snapshot of account {snapshot.AccountId}");
            }

            var vms = new List<OvcVmUsage>();
            foreach (var space in snapshot.CloudSpaces ?? [])
            {
                foreach (var m in space?.Machines ?? [])
                {
                    if (m is null || m.Type != "vm")
                    {
                        continue;
                    }

                    vms.Add(new OvcVmUsage(
                        Id(m.Id, "getConsumption"),
                        space!.CloudSpaceId,
                        Text(m.Status, "getConsumption", "status"),
                        NonNegative(m.Vcpus, "getConsumption", "vcpus"),
                        Finite(m.Mem, "mem"),
                        Finite(m.CpuMinutes, "cpuMinutes"),
                        Text(m.ImageName, "getConsumption", "imageName"),
                        (m.Disks ?? []).Sum(d => d is null ? 0 : Finite(d.Size, "disk size"))));
                }
            }

            snapshots.Add(new OvcConsumptionSnapshot(hour, accountId, vms));
        }

        return snapshots.OrderBy(s => s.Hour).ToList();
    }

    public async Task<string> WhoAmIAsync(CancellationToken cancellationToken)
    {
        var me = await Guard(() => _api.WhoAmIAsync(EmptyRequest.Instance, cancellationToken), cancellationToken);
        return Text(me.Name, "whoami", "name", required: true);
    }

    public Task<OvcHealth> GetHealthAsync(CancellationToken cancellationToken) => _probe.ProbeAsync(BaseUrl, _probeTimeout, cancellationToken);

    public override string ToString() => $"OpenvCloudClient {{ BaseUrl = {BaseUrl} }}";

    private async Task<IReadOnlyList<OvcSize>> SizesAsync(SizesListRequest request, CancellationToken cancellationToken)
    {
        var dtos = Items(await Guard(() => _api.ListSizesAsync(request, cancellationToken), cancellationToken), "sizes/list");
        return dtos.Select(s => new OvcSize(
            Id(s.Id, "sizes/list"),
            Text(s.Name, "sizes/list", "name"),
            Positive(s.Vcpus, "sizes/list", "vcpus"),
            Positive(s.Memory, "sizes/list", "memory"),
            (s.Disks ?? []).Select(d => Positive(d, "sizes/list", "disks")).ToList())).ToList();
    }

    /// <summary>Every failure below the adapter as an <see cref="OpenvCloudException"/>: transport ones become "unreachable".</summary>
    private async Task<T> Guard<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            var result = await call();
            return result ?? throw new OpenvCloudProtocolException("OpenvCloud answered null where a value was expected");
        }
        catch (Exception e) when (e is not OpenvCloudException && Inner(e) is { } inner)
        {
            throw inner;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OpenvCloudException && Unreachable(e) is { } reason)
        {
            throw new OpenvCloudUnreachableException($"OpenvCloud at {BaseUrl.GetLeftPart(UriPartial.Authority)} did not answer: {_redactor.Redact(reason)}", e);
        }
        catch (ApiException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OpenvCloudProtocolException($"OpenvCloud answered something unreadable: {_redactor.Redact(e.Message)}", e);
        }
    }

    /// <summary>An <see cref="OpenvCloudException"/> wrapped by Refit or HttpClient (from a handler or the serializer).</summary>
    private static OpenvCloudException? Inner(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is OpenvCloudException found)
            {
                return found;
            }
        }

        return null;
    }

    internal static string? Unreachable(Exception e) => e switch
    {
        BrokenCircuitException => "too many recent failures, calls paused (circuit open)",
        TimeoutRejectedException => "timed out",
        ApiRequestException { InnerException: { } inner } => Unreachable(inner) ?? inner.Message,
        HttpRequestException or OperationCanceledException or IOException => e.Message,
        _ => null,
    };

    private static List<T> Items<T>(List<T> items, string call) where T : class =>
        items.Count > MaxItems ? throw new OpenvCloudProtocolException($"{call} answered {items.Count} entries")
        : items.Contains(null!) ? throw new OpenvCloudProtocolException($"{call} answered a null entry")
        : items;

    private static void Done(bool result, string call)
    {
        if (!result)
        {
            throw new OpenvCloudProtocolException($"{call} answered false");
        }
    }

    private static int Id(int id, string call, string field = "id") =>
        id > 0 ? id : throw new OpenvCloudProtocolException($"{call} answered {field} {id}, not a positive id");

    private static int Positive(int value, string call, string field) =>
        value > 0 ? value : throw new OpenvCloudProtocolException($"{call} answered {field} {value}, expected a positive number");

    private static int NonNegative(int value, string call, string field) =>
        value >= 0 ? value : throw new OpenvCloudProtocolException($"{call} answered {field} {value}, expected zero or more");

    private static double Finite(double value, string field) =>
        double.IsFinite(value) && value >= 0 ? value : throw new OpenvCloudProtocolException($"getConsumption answered {field} {value}");

    private static DateTimeOffset Epoch(long seconds, string call, string field) =>
        seconds is >= 0 and <= 253402300799 ? DateTimeOffset.FromUnixTimeSeconds(seconds)
        : throw new OpenvCloudProtocolException($"{call} answered {field} {seconds}, not an epoch");

    private static string Text(string? value, string call, string field, bool required = false)
    {
        if (value is null || value.Length == 0)
        {
            return required ? throw new OpenvCloudProtocolException($"{call} answered an entry without {field}") : "";
        }

        return value.Length <= 1024 ? value : throw new OpenvCloudProtocolException($"{call} answered a {field} of {value.Length} characters");
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Creating machine {Name} in cloudspace {CloudSpaceId} failed with {Error}; checking whether it was created")]
    private static partial void LogCreateOutcomeUnknown(ILogger logger, string name, int cloudSpaceId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Machine {Name} was created after all: id {MachineId}")]
    private static partial void LogCreateLanded(ILogger logger, string name, int machineId);
}

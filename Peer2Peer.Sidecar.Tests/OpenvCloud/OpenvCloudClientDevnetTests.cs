using Microsoft.Extensions.DependencyInjection;
using Peer2Peer.Devnet.OpenvCloud.Faults;
using Peer2Peer.Sidecar.OpenvCloud;

namespace Peer2Peer.Sidecar.Tests.OpenvCloud;

/// <summary>Every call of the client against the in-process devnet controllers (OPENVCLOUD.md §5).</summary>
[Category("Devnet")]
[CancelAfter(60_000)]
public sealed class OpenvCloudClientDevnetTests
{
    [Test]
    public async Task ProviderOffer_LocationsSizesImages(CancellationToken ct)
    {
        await using var host = await OvcClientHost.StartAsync();
        var client = host.Client;

        var locations = await client.ListLocationsAsync(ct);
        Assert.That(locations.Select(l => (l.Code, l.Gid)), Is.EqualTo(new[] { ("be-g8-1", 101), ("be-g8-2", 102) }));

        var sizes = await client.ListSizesAsync("be-g8-2", ct);
        Assert.That(sizes.Select(s => s.Id), Is.EqualTo(new[] { 2, 3, 4 }));
        var size3 = sizes.Single(s => s.Id == 3);
        Assert.That((size3.Vcpus, size3.MemoryMiB), Is.EqualTo((2, 2048)));
        Assert.That(size3.AllowedDiskSizesGb, Does.Contain(10).And.Contain(2000));
        Assert.That(await client.ListSizesForCloudSpaceAsync(host.Info.CloudSpaceId, ct), Has.Count.EqualTo(6));

        var images = await client.ListImagesAsync(null, ct);
        Assert.That(images.Select(i => (i.Id, i.MinDiskGb)), Is.EqualTo(new[] { (1, 10), (2, 10), (3, 50) }));
        Assert.That(images[2].Type, Is.EqualTo("Windows"));

        Assert.That(await client.WhoAmIAsync(ct), Is.EqualTo(host.Info.ConsumerIdentity));
        Assert.That((await client.ListAccountsAsync(ct)).Select(a => a.Id), Is.EqualTo(new[] { host.Info.AccountId }));
    }

    [Test]
    public async Task MachineLifecycle_CreateListGetStopStartDelete(CancellationToken ct)
    {
        await using var host = await OvcClientHost.StartAsync();
        var client = host.Client;
        var space = host.Info.CloudSpaceId;

        var id = await client.CreateMachineAsync(new OvcMachineSpec(space, "web1", ImageId: 1, DiskSizeGb: 20) { SizeId = 2, Description = "test" }, ct);

        var listed = (await client.ListMachinesAsync(space, ct)).Single();
        Assert.That(listed, Is.EqualTo(listed with { Id = id, Name = "web1", Status = OvcMachineStatus.Running, CloudSpaceId = space, SizeId = 2, ImageId = 1 }));
        var got = await client.GetMachineAsync(id, ct);
        Assert.That(got!.CloudSpaceId, Is.EqualTo(space));
        Assert.That((got.SizeId, got.ImageId, got.Vcpus, got.MemoryMiB, got.StorageGb), Is.EqualTo((2, 1, 1, 1024, 20)));

        await client.StopMachineAsync(id, force: false, ct);
        Assert.That((await client.GetMachineAsync(id, ct))!.Status, Is.EqualTo(OvcMachineStatus.Halted));
        await client.StartMachineAsync(id, ct);
        Assert.That((await client.GetMachineAsync(id, ct))!.IsRunning, Is.True);

        await client.DeleteMachineAsync(id, permanently: false, ct);
        Assert.That(await client.GetMachineAsync(id, ct), Is.Null, "a deleted machine is gone (404)");
        Assert.That(await client.ListMachinesAsync(space, ct), Is.Empty);
        Assert.That(host.Requests.Count("machines/create"), Is.EqualTo(1));
    }

    [Test]
    public async Task CreateWithFreeVcpusAndMemory_HasSizeZero(CancellationToken ct)
    {
        await using var host = await OvcClientHost.StartAsync();
        var id = await host.Client.CreateMachineAsync(new OvcMachineSpec(host.Info.CloudSpaceId, "free", 2, 10) { Vcpus = 2, MemoryMiB = 3072 }, ct);

        var machine = await host.Client.GetMachineAsync(id, ct);
        Assert.That((machine!.SizeId, machine.Vcpus, machine.MemoryMiB), Is.EqualTo((0, 2, 3072)));
    }

    [Test]
    public async Task BusinessErrorsAreTyped(CancellationToken ct)
    {
        await using var host = await OvcClientHost.StartAsync();
        var client = host.Client;
        var space = host.Info.CloudSpaceId;

        var small = Assert.ThrowsAsync<OpenvCloudBadRequestException>(() => client.CreateMachineAsync(new OvcMachineSpec(space, "w", 3, 10) { SizeId = 2 }, ct));
        Assert.That(small!.ServerMessage, Does.Contain("at least 50"));
        await client.CreateMachineAsync(new OvcMachineSpec(space, "dup", 1, 10) { SizeId = 1 }, ct);
        Assert.ThrowsAsync<OpenvCloudConflictException>(() => client.CreateMachineAsync(new OvcMachineSpec(space, "dup", 1, 10) { SizeId = 1 }, ct));
        Assert.ThrowsAsync<OpenvCloudNotFoundException>(() => client.ListSizesAsync("nowhere", ct));
        Assert.ThrowsAsync<OpenvCloudNotFoundException>(() => client.StartMachineAsync(999, ct));
        Assert.That(host.Requests.Count("machines/create"), Is.EqualTo(3), "a refused create is not repeated");
    }

    [Test]
    public async Task Consumption_AfterAdvancingTheDevnetClock_ShowsRunningHours(CancellationToken ct)
    {
        await using var host = await OvcClientHost.StartAsync();
        var client = host.Client;
        var start = host.Devnet!.Clock.GetUtcNow();
        var id = await client.CreateMachineAsync(new OvcMachineSpec(host.Info.CloudSpaceId, "billed", 1, 20) { SizeId = 3 }, ct);

        Assert.That(await client.GetConsumptionAsync(host.Info.AccountId, start, start.AddHours(3), ct), Has.Count.LessThanOrEqualTo(1),
            "nothing after the creation hour is published yet");
        host.Devnet.Clock.Advance(TimeSpan.FromHours(2.6));

        var snapshots = await client.GetConsumptionAsync(host.Info.AccountId, start, start.AddHours(3), ct);
        var later = snapshots.Where(s => s.Hour > start).ToList();
        Assert.That(later.Select(s => s.Hour), Is.EqualTo(new[] { start.AddHours(1), start.AddHours(2) }));
        foreach (var snapshot in later)
        {
            var vm = snapshot.Machines.Single();
            Assert.That((vm.MachineId, vm.CloudSpaceId, vm.Status, vm.Vcpus, vm.MemoryMiB, vm.DiskGb),
                Is.EqualTo((id, host.Info.CloudSpaceId, OvcMachineStatus.Running, 2, 2048.0, 20.0)));
            Assert.That(vm.CpuMinutes, Is.GreaterThan(0));
        }
    }

    [Test]
    public async Task Health_UpDegradedDown(CancellationToken ct)
    {
        await using var host = await OvcClientHost.StartAsync();
        var faults = host.Devnet!.First.Faults;

        var up = await host.Client.GetHealthAsync(ct);
        Assert.That(up.State, Is.EqualTo(OvcHealthState.Up));
        Assert.That(up.Components, Has.Count.EqualTo(3));

        faults.Set(new FaultState { UnhealthyComponents = ["influxdb"] });
        var degraded = await host.Client.GetHealthAsync(ct);
        Assert.That(degraded.State, Is.EqualTo(OvcHealthState.Degraded));
        Assert.That(degraded.Components["influxdb"], Is.False);
        Assert.That(degraded.Problem, Does.Contain("influxdb"));

        faults.Set(new FaultState { Down = true });
        var down = await host.Client.GetHealthAsync(ct);
        Assert.That(down.State, Is.EqualTo(OvcHealthState.Down));
        Assert.That(down.Problem, Does.Contain("unreachable"));

        faults.Set(new FaultState { ErrorStatus = 500 });
        var failing = await host.Client.GetHealthAsync(ct);
        Assert.That(failing.State, Is.EqualTo(OvcHealthState.Down));
        Assert.That(failing.Problem, Does.Contain("eco-"));
        Assert.That(host.Requests.Count("health/status"), Is.EqualTo(4), "probes are never retried");
    }

    [Test]
    public async Task Health_ASlowControllerIsDownAfterTheProbeTimeout(CancellationToken ct)
    {
        await using var host = await OvcClientHost.StartAsync();
        var faults = host.Devnet!.First.Faults;
        faults.Set(new FaultState { Delay = TimeSpan.FromHours(1) });
        var delayed = faults.DelayStarted;

        var probing = host.Client.GetHealthAsync(ct);
        await delayed.WaitAsync(ct);
        host.Devnet.Wall.Advance(TimeSpan.FromSeconds(6));
        var health = await probing.WaitAsync(ct);

        Assert.That(health.State, Is.EqualTo(OvcHealthState.Down));
        Assert.That(health.Problem, Does.Contain("no answer within 5 s"));
    }

    [Test]
    public async Task Factory_TalksToAnotherProvidersController_WithItsOwnCredentials(CancellationToken ct)
    {
        await using var host = await OvcClientHost.StartAsync(controllers: 2);
        var other = host.Devnet!.Cluster.Controllers[1].Info;
        var factory = host.Provider.GetRequiredService<IOpenvCloudClientFactory>();

        var client = factory.Create(new Uri(other.BaseUrl), OpenvCloudCredentials.Jwt(new Uri(other.IdentityUrl), other.ClientId, other.ClientSecret));
        Assert.That((await client.ListSizesAsync("nl-ams-1", ct)).Select(s => s.Id), Is.EqualTo(new[] { 11, 12, 13 }));
        Assert.That(await client.WhoAmIAsync(ct), Is.EqualTo(other.ConsumerIdentity));

        var probe = host.Provider.GetRequiredService<IOpenvCloudHealthProbe>();
        Assert.That((await probe.ProbeAsync(new Uri(other.BaseUrl), TimeSpan.FromSeconds(5), ct)).State, Is.EqualTo(OvcHealthState.Up));
        var guest = factory.Create(new Uri(other.BaseUrl), OpenvCloudCredentials.None);
        Assert.That(await guest.WhoAmIAsync(ct), Is.EqualTo("guest"));
        Assert.ThrowsAsync<OpenvCloudAuthenticationException>(() => guest.ListSizesAsync("nl-ams-1", ct));
    }
}

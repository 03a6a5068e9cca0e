using Microsoft.Extensions.DependencyInjection;
using Peer2Peer.Devnet.OpenvCloud.Faults;
using Peer2Peer.Sidecar.OpenvCloud;

namespace Peer2Peer.Sidecar.Tests.OpenvCloud;

/// <summary>Reads are retried through 5xx and latency; machine create never is; the circuit opens per controller and recovers.</summary>
[Category("Devnet")]
[CancelAfter(60_000)]
public sealed class OpenvCloudResilienceTests
{
    [Test]
    public async Task Reads_AreRetriedThroughServerErrors(CancellationToken ct)
    {
        await using var host = await OvcClientHost.StartAsync();
        host.Devnet!.First.Faults.Set(new FaultState { ErrorStatus = 500, ErrorCount = 2 });

        var sizes = await host.Client.ListSizesAsync("be-g8-1", ct);

        Assert.That(sizes, Has.Count.EqualTo(6));
        Assert.That(host.Requests.Count("cloudapi/sizes/list"), Is.EqualTo(3));
    }

    [Test]
    public async Task MachineCreate_IsNotRetriedOnAServerError(CancellationToken ct)
    {
        await using var host = await OvcClientHost.StartAsync();
        host.Devnet!.First.Faults.Set(new FaultState { ErrorStatus = 500, ErrorCount = 1 });

        var error = Assert.ThrowsAsync<OpenvCloudServerException>(() =>
            host.Client.CreateMachineAsync(new OvcMachineSpec(host.Info.CloudSpaceId, "once", 1, 10) { SizeId = 1 }, ct));

        Assert.That(error!.ServerMessage, Does.Contain("eco-"));
        Assert.That(host.Requests.Count("machines/create"), Is.EqualTo(1));
        Assert.That(host.Requests.Count("machines/list"), Is.EqualTo(1), "the cloudspace was checked for the machine instead");
        Assert.That(await host.Client.ListMachinesAsync(host.Info.CloudSpaceId, ct), Is.Empty);
    }

    [Test]
    public async Task Reads_AreRetriedAfterAnAttemptTimesOut(CancellationToken ct)
    {
        await using var host = await OvcClientHost.StartAsync();
        var faults = host.Devnet!.First.Faults;
        await host.Client.ListImagesAsync(null, ct);
        faults.Set(new FaultState { Delay = TimeSpan.FromHours(1) });
        var delayed = faults.DelayStarted;

        var listing = host.Client.ListSizesAsync("be-g8-1", ct);
        await delayed.WaitAsync(ct);
        faults.Clear();
        host.Devnet.Wall.Advance(TimeSpan.FromSeconds(11));

        Assert.That(await listing.WaitAsync(ct), Has.Count.EqualTo(6));
        Assert.That(host.Requests.Count("cloudapi/sizes/list"), Is.EqualTo(2));
    }

    [Test]
    public async Task MachineCreate_IsNotRetriedAfterAnAttemptTimesOut(CancellationToken ct)
    {
        await using var host = await OvcClientHost.StartAsync();
        var faults = host.Devnet!.First.Faults;
        await host.Client.ListImagesAsync(null, ct);
        faults.Set(new FaultState { Delay = TimeSpan.FromHours(1) });
        var delayed = faults.DelayStarted;

        var creating = host.Client.CreateMachineAsync(new OvcMachineSpec(host.Info.CloudSpaceId, "slow", 1, 10) { SizeId = 1 }, ct);
        await delayed.WaitAsync(ct);
        faults.Clear();
        host.Devnet.Wall.Advance(TimeSpan.FromSeconds(11));

        var error = Assert.ThrowsAsync<OpenvCloudUnreachableException>(() => creating.WaitAsync(ct));
        Assert.That(error!.Message, Does.Contain("timed out"));
        Assert.That(host.Requests.Count("machines/create"), Is.EqualTo(1));
    }

    [Test]
    public async Task TheCircuitOpensPerController_AndRecovers(CancellationToken ct)
    {
        await using var host = await OvcClientHost.StartAsync(settings: new Dictionary<string, string?> { ["OpenvCloud:MaxRetries"] = "0" }, controllers: 2);
        var faults = host.Devnet!.First.Faults;
        await host.Client.ListImagesAsync(null, ct);
        faults.Set(new FaultState { ErrorStatus = 503 });
        var serverErrors = 0;
        OpenvCloudException? last = null;
        while (serverErrors < 20)
        {
            last = Assert.CatchAsync<OpenvCloudException>(() => host.Client.ListSizesAsync("be-g8-1", ct));
            if (last is not OpenvCloudServerException)
            {
                break;
            }

            serverErrors++;
        }

        // Half of at least 8 calls in 30 s failed (1 success + 7 failures): open.
        Assert.That(serverErrors, Is.EqualTo(7));
        Assert.That(last, Is.TypeOf<OpenvCloudUnreachableException>().With.Message.Contains("circuit open"));
        var sent = host.Requests.Count("cloudapi/sizes/list");
        Assert.ThrowsAsync<OpenvCloudUnreachableException>(() => host.Client.ListSizesAsync("be-g8-1", ct));
        Assert.That(host.Requests.Count("cloudapi/sizes/list"), Is.EqualTo(sent), "an open circuit does not call the controller");

        var other = host.Devnet.Cluster.Controllers[1].Info;
        var otherClient = host.Provider.GetRequiredService<IOpenvCloudClientFactory>()
            .Create(new Uri(other.BaseUrl), OpenvCloudCredentials.Jwt(new Uri(other.IdentityUrl), other.ClientId, other.ClientSecret));
        Assert.That(await otherClient.ListSizesAsync("nl-ams-1", ct), Has.Count.EqualTo(3), "another controller's circuit is closed");

        faults.Clear();
        host.Devnet.Wall.Advance(TimeSpan.FromSeconds(16));
        Assert.That(await host.Client.ListSizesAsync("be-g8-1", ct), Has.Count.EqualTo(6));
    }
}

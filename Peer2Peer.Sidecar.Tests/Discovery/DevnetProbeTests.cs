using Peer2Peer.Devnet.OpenvCloud.Faults;
using Peer2Peer.Sidecar.Discovery.Probing;
using Peer2Peer.Sidecar.Tests.Devnet.OpenvCloud;
using static Peer2Peer.Sidecar.Tests.Discovery.Announcing;

namespace Peer2Peer.Sidecar.Tests.Discovery;

/// <summary>The prober's real HTTP client against the devnet's OpenvCloud controllers, with their fault injection.</summary>
[Category("Devnet")]
[CancelAfter(30_000)]
public sealed class DevnetProbeTests
{
    [Test]
    public async Task RealControllersAreProbedUpDegradedAndDown()
    {
        await using var ovc = await OvcTester.StartAsync(controllers: 3);
        ovc.Cluster.Controllers[1].Faults.Set(new FaultState { UnhealthyComponents = ["influxdb"] });
        ovc.Cluster.Controllers[2].Faults.Set(new FaultState { Down = true });
        await using var host = new ProberTestHost(new HttpClientHandler(), realNetwork: true);
        await host.AnnounceAsync([.. ovc.Cluster.Infos.Select(i => i.BaseUrl)]);

        await host.Prober.ProbeAllAsync(CancellationToken.None);

        var results = Enumerable.Range(1, 3).Select(i => host.Queries.GetProbes(Public(i).ToString()).Single().Result).ToArray();
        Assert.That(results.Select(r => r.Outcome), Is.EqualTo(new[] { ProbeOutcome.Up, ProbeOutcome.Degraded, ProbeOutcome.Down }));
        Assert.That(results[1].Detail, Is.EqualTo("failing: influxdb"));
        Assert.That(results[0].Latency, Is.Not.Null);
    }
}

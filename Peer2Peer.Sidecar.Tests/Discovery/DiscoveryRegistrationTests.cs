using Newtonsoft.Json.Linq;
using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Discovery;
using Peer2Peer.Sidecar.Funding;
using Peer2Peer.Sidecar.Hosting;
using Peer2Peer.Sidecar.Tests.Support;
using static Peer2Peer.Sidecar.Tests.Discovery.Announcing;

namespace Peer2Peer.Sidecar.Tests.Discovery;

/// <summary>AddDiscovery with the sidecar's real registrations: subscriber order and the <c>catalogue</c> status section.</summary>
[Category("Unit")]
public sealed class DiscoveryRegistrationTests
{
    [Test]
    public async Task TheCatalogueIsTheSubscriberAfterFundingAndReportsItsSectionInStatus()
    {
        var siad = new FakeSiadClient(blocks: 2);
        siad.Extend(1, CatalogueTestHost.Carrying(Offer(1, 1, siad.Chain[0].Id), Host(7, "h.example.com:9982"), Foreign(1), Offer(2, 1, siad.Chain[1].Id)));
        await using var sidecar = await SidecarServices.StartAsync(siad, configure: services => services.AddDiscovery());

        Assert.That(sidecar.Get<IEnumerable<IChainSubscriber>>().Select(s => s.GetType()), Is.EqualTo(new[] { typeof(FundingSubscriber), typeof(CatalogueSubscriber) }));
        await sidecar.Get<ChainFollower>().SyncOnceAsync(CancellationToken.None);

        var section = sidecar.Get<IEnumerable<IStatusContributor>>().Single(c => c.Section == "catalogue");
        var status = JObject.FromObject(section.GetStatus());
        Assert.That((long)status["scannedHeight"]!, Is.EqualTo(2));
        Assert.That((bool)status["synced"]!, Is.True);
        Assert.That((double)status["percent"]!, Is.EqualTo(100));
        Assert.That((long)status["providers"]!, Is.EqualTo(1));
        Assert.That((long)status["offers"]!, Is.EqualTo(1));
        Assert.That((long)status["sizes"]!, Is.EqualTo(2));
        Assert.That((long)status["hosts"]!, Is.EqualTo(1));
        Assert.That((long)status["foreign"]!, Is.EqualTo(1));
        Assert.That((long)status["rejected"]!["WrongNetwork"]!, Is.EqualTo(1));
    }

    [Test]
    public void BadDiscoveryOptionsFailAtStartNamingTheKey()
    {
        var siad = new FakeSiadClient();

        var error = Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(async () =>
        {
            await using var sidecar = await SidecarServices.StartAsync(siad, new Dictionary<string, string?> { ["Discovery:ProbeConcurrency"] = "0" }, configure: services => services.AddDiscovery());
            _ = sidecar.Get<Microsoft.Extensions.Options.IOptions<DiscoveryOptions>>().Value;
        });

        Assert.That(error!.Message, Does.Contain("Discovery:ProbeConcurrency"));
    }
}

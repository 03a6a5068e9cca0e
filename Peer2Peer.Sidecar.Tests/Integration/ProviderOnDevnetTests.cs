using Microsoft.Extensions.DependencyInjection;
using Peer2Peer.Devnet;
using Peer2Peer.Sidecar.Announcements;
using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Funding;
using Peer2Peer.Sidecar.OpenvCloud;
using Peer2Peer.Sidecar.Publishing;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Integration;

/// <summary>A provider sidecar reads its devnet OpenvCloud controller through the OpenvCloud client and announces what it sells.</summary>
[Category("Devnet")]
public sealed class ProviderOnDevnetTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task TheOfferPublishedIsTheControllersCatalogueAtTheOperatorsPrices(CancellationToken cancellationToken)
    {
        await using var devnet = await Peer2Peer.Devnet.Devnet.StartAsync(new DevnetOptions { Nodes = 1, Controllers = 1 }, cancellationToken);
        var controller = devnet.OpenvCloud!.Infos[0];
        await using var sidecar = await SidecarServices.StartAsync(null, new Dictionary<string, string?>
        {
            ["Siad:ApiUrl"] = devnet.Nodes[0].ApiUrl!.ToString(),
            ["Siad:ApiPassword"] = devnet.Nodes[0].Password,
            ["Sidecar:Role"] = "Provider",
            ["OpenvCloud:ApiUrl"] = controller.BaseUrl,
            ["OpenvCloud:IdentityUrl"] = controller.IdentityUrl,
            ["OpenvCloud:ClientId"] = controller.ClientId,
            ["OpenvCloud:ClientSecret"] = controller.ClientSecret,
            ["Publishing:PublicApiUrl"] = controller.BaseUrl,
            ["Publishing:DevnetMode"] = "true",
            ["Publishing:PricePerVcpuHour"] = "10 mS",
            ["Publishing:PricePerGiBHour"] = "1 mS",
        }, configure: services => services.AddOpenvCloud().AddPublishing());
        await sidecar.Get<FundingService>().RunOnceAsync(cancellationToken);
        devnet.Mine();
        await sidecar.Get<ChainFollower>().SyncOnceAsync(cancellationToken);

        await sidecar.Get<Publisher>().RunOnceAsync(force: false, cancellationToken);
        var block = devnet.Mine().Single();

        var offer = block.Transactions.SelectMany(t => t.ArbitraryData).Select(d => AnnouncementCodec.Decode(d)).Single(r => r.IsValid).Announcement!.Offer!;
        Assert.That(offer.ApiUrl, Is.EqualTo(controller.BaseUrl));
        Assert.That(offer.Locations.Select(l => l.Code), Is.EquivalentTo(controller.Locations));
        Assert.That(offer.Locations.SelectMany(l => l.Sizes), Is.Not.Empty);
        Assert.That(offer.Locations.SelectMany(l => l.Images), Is.Not.Empty);
        foreach (var size in offer.Locations.SelectMany(l => l.Sizes))
        {
            Assert.That(size.PricePerHour, Is.EqualTo(Peer2Peer.Sia.Types.Currency.Parse("10 mS") * size.Vcpus + Peer2Peer.Sia.Types.Currency.Parse("1 mS") * size.MemoryMiB / 1024));
        }
    }
}

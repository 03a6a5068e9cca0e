using Peer2Peer.Sia.Signing;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Funding;
using Peer2Peer.Sidecar.Keys;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Funding;

[Category("Unit")]
public sealed class FundingServiceTests
{
    private static readonly Dictionary<string, string?> FloorAndCap = new() { ["Funding:Floor"] = "50 SC", ["Funding:Cap"] = "200 SC" };

    [Test]
    public async Task TopsUpToTheCapOnceUntilTheTopUpIsSeenOnChain()
    {
        var siad = new FakeSiadClient(blocks: 110);
        await using var host = await SidecarServices.StartAsync(siad, FloorAndCap);
        var address = host.Get<KeyRing>().FundingAddress;
        var requests = new List<(Currency Amount, UnlockHash To)>();
        Transaction? topUp = null;
        siad.OnSendSiacoins = (amount, to) =>
        {
            requests.Add((amount, to));
            topUp = new Transaction { SiacoinInputs = [new SiacoinInput { ParentId = TestKeys.Repeat((byte)requests.Count) }], SiacoinOutputs = [new SiacoinOutput { Value = amount, UnlockHash = to }] };
            return Task.FromResult<IReadOnlyList<Hash256>>([topUp.Id]);
        };
        var service = host.Get<FundingService>();

        await service.RunOnceAsync(CancellationToken.None);
        await service.RunOnceAsync(CancellationToken.None);
        Assert.That(requests, Is.EqualTo(new[] { (Currency.Siacoins(200), address) }), "one request while the first is in flight");

        siad.Extend(1, topUp!);
        await host.Get<ChainFollower>().SyncOnceAsync(CancellationToken.None);
        await service.RunOnceAsync(CancellationToken.None);
        Assert.That(requests, Has.Count.EqualTo(1), "200 SC arrived: above the floor");
        Assert.That(host.Get<HotWallet>().Balance().Confirmed, Is.EqualTo(Currency.Siacoins(200)));

        var spend = await host.Get<HotWallet>().FundAndSignAsync(new Transaction { SiacoinOutputs = [new SiacoinOutput { Value = Currency.Siacoins(170), UnlockHash = TestKeys.AddressB }] }, "spend", CancellationToken.None);
        siad.Extend(1, spend);
        await service.RunOnceAsync(CancellationToken.None);
        var balance = host.Get<HotWallet>().Balance().Confirmed;
        Assert.That(requests, Has.Count.EqualTo(2));
        Assert.That(requests[1].Amount, Is.EqualTo(Currency.Siacoins(200) - balance), "never above the cap");
    }

    [Test]
    public async Task APendingTransactionIsResubmittedAndReSignedAfterCrossingAReplayFork()
    {
        var siad = new FakeSiadClient(blocks: 98);
        await using var host = await SidecarServices.StartAsync(siad, new Dictionary<string, string?>(FloorAndCap) { ["Funding:AutoTopUp"] = "false" });
        var address = host.Get<KeyRing>().FundingAddress;
        siad.Extend(1, new Transaction { SiacoinInputs = [new SiacoinInput { ParentId = TestKeys.Repeat(7) }], SiacoinOutputs = [new SiacoinOutput { Value = Currency.Siacoins(10), UnlockHash = address }] });
        await host.Get<ChainFollower>().SyncOnceAsync(CancellationToken.None);
        var signedAt99 = await host.Get<HotWallet>().FundAndSignAsync(new Transaction { ArbitraryData = [Specifier.NonSia.ToBytes()] }, "test", CancellationToken.None);
        Assert.That(SignatureVerifier.Verify(signedAt99, ChainRules.Siad15Dev, 99), Is.Null, "prefix 0x00 below height 100");

        siad.Extend(2);
        await host.Get<FundingService>().RunOnceAsync(CancellationToken.None);

        var resubmitted = siad.Broadcasts.Single();
        Assert.That(resubmitted.Id, Is.EqualTo(signedAt99.Id), "re-signing never changes the ID");
        Assert.That(SignatureVerifier.Verify(resubmitted, ChainRules.Siad15Dev, 101), Is.Null, "re-signed with prefix 0x01");
        Assert.That(SignatureVerifier.Verify(signedAt99, ChainRules.Siad15Dev, 101), Is.EqualTo(SignatureVerifier.InvalidSignature));
    }

    [TestCase("Funding:Floor", "lots", "Funding:Floor is not an amount")]
    [TestCase("Funding:Cap", "10 SC", "Funding:Cap (10 SC) must be above Funding:Floor (50 SC)")]
    public void BadAmountsAreRefusedNamingTheKey(string key, string value, string message)
    {
        var options = new FundingOptions { Floor = "50 SC", Cap = "200 SC" };
        typeof(FundingOptions).GetProperty(key.Split(':')[1])!.SetValue(options, value);

        var result = new FundingOptionsValidator().Validate(null, options);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain(message));
    }
}

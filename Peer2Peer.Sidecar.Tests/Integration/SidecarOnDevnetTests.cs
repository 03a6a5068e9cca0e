using Microsoft.Extensions.DependencyInjection;
using Peer2Peer.Devnet;
using SiadVersion = Peer2Peer.Devnet.Sia.SiadVersion;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Announcements;
using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Funding;
using Peer2Peer.Sidecar.Keys;
using Peer2Peer.Sidecar.Publishing;
using Peer2Peer.Sidecar.Siad;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Integration;

/// <summary>The sidecar's real siad client, funding and publisher against the in-process devnet, on both siad generations.</summary>
[Category("Devnet")]
[TestFixture(SiadVersion.V159)]
[TestFixture(SiadVersion.V133)]
public sealed class SidecarOnDevnetTests(SiadVersion version)
{
    private sealed class StaticController : IControllerCatalogueSource
    {
        public Task<ControllerCatalogue> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(new ControllerCatalogue(
            [new ControllerLocation("dev-1", [new ControllerSize(1, "small", 2, 2048, [10, 20])], [new ControllerImage(1, "Ubuntu", 10)])]));
    }

    private Peer2Peer.Devnet.Devnet _devnet = null!;

    [SetUp]
    public async Task StartDevnetAsync() => _devnet = await Peer2Peer.Devnet.Devnet.StartAsync(new DevnetOptions { SiadVersion = version, Nodes = 2 });

    [TearDown]
    public async Task StopDevnetAsync() => await _devnet.DisposeAsync();

    private Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
    {
        var node = _devnet.Nodes[0];
        var settings = new Dictionary<string, string?>
        {
            ["Siad:ApiUrl"] = node.ApiUrl!.ToString(),
            ["Siad:ApiPassword"] = node.Password,
            ["Siad:RetryBaseDelay"] = "00:00:00.010",
            ["Siad:MaxRetries"] = "8",
            ["Funding:Floor"] = "50 SC",
            ["Funding:Cap"] = "200 SC",
            ["Sidecar:Role"] = "Provider",
            ["Publishing:PublicApiUrl"] = "https://g8.provider.example",
            ["Publishing:PricePerVcpuHour"] = "10 mS",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private Task<SidecarServices> SidecarAsync(CountingHandler? wire = null, params (string, string)[] extra) =>
        SidecarServices.StartAsync(null, Settings(extra), configure: services =>
        {
            services.AddPublishing();
            services.AddSingleton<IControllerCatalogueSource, StaticController>();
            if (wire is not null)
            {
                services.AddHttpClient(SiadServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => wire);
            }
        });

    [Test]
    [CancelAfter(60_000)]
    public async Task EveryClientCallWorksAndTheRulesFollowTheVersion(CancellationToken cancellationToken)
    {
        await using var sidecar = await SidecarAsync();
        var siad = sidecar.Get<ISiadClient>();
        var info = sidecar.Get<SiadConnection>().Info!;

        var tip = await siad.GetConsensusAsync(cancellationToken);
        var genesis = await siad.GetBlockAsync(0, cancellationToken);
        var beyond = await siad.GetBlockAsync(tip.Height + 1, cancellationToken);
        var fee = await siad.GetTransactionFeeAsync(cancellationToken);
        var wallet = await siad.GetWalletAsync(cancellationToken);
        var sent = await siad.SendSiacoinsAsync(Currency.Siacoins(3), TestKeys.AddressB, cancellationToken);
        var confirmedBefore = await siad.IsConfirmedAsync(sent[^1], cancellationToken);
        _devnet.Mine();
        var confirmedAfter = await siad.IsConfirmedAsync(sent[^1], cancellationToken);
        var host = await siad.GetHostAsync(cancellationToken);
        await siad.AnnounceHostAsync("sidecar-test.devnet.example:9982", cancellationToken);
        _devnet.Mine();
        var hosts = await siad.GetAllHostsAsync(cancellationToken);

        Assert.That(info.Version.Generation, Is.EqualTo(version == SiadVersion.V159 ? SiadGeneration.V15 : SiadGeneration.V13));
        Assert.That(info.Rules.Name, Is.EqualTo(version == SiadVersion.V159 ? "siad-1.5-dev" : "siad-1.3-dev"));
        Assert.That(genesis!.Id, Is.EqualTo(_devnet.Chain.Read(c => c.State.BlockAt(0).Id)));
        Assert.That(beyond, Is.Null);
        Assert.That(fee.MaximumPerByte, Is.GreaterThan(fee.MinimumPerByte));
        Assert.That(wallet.Unlocked, Is.True);
        Assert.That(confirmedBefore, Is.False);
        Assert.That(confirmedAfter, Is.True);
        Assert.That(host.ExternalSettings.NetAddress, Is.Not.Empty);
        Assert.That(hosts.Select(h => (h.PublicKeyString, h.NetAddress)),
            Does.Contain((_devnet.Nodes[0].Host.PublicKey.ToString(), "sidecar-test.devnet.example:9982")), "siad's own announcement, mined, is in the hostdb");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task ATopUpArrivesIsSeenInBlocksAndIsSpentWithoutDoubleSpending(CancellationToken cancellationToken)
    {
        await using var sidecar = await SidecarAsync();
        var funding = sidecar.Get<FundingService>();
        var wallet = sidecar.Get<HotWallet>();
        var follower = sidecar.Get<ChainFollower>();
        var siad = sidecar.Get<ISiadClient>();

        await funding.RunOnceAsync(cancellationToken);
        _devnet.Mine();
        await follower.SyncOnceAsync(cancellationToken);
        Assert.That(wallet.Balance().Confirmed, Is.EqualTo(Currency.Siacoins(200)), "topped up to the cap");

        // Three more outputs, then more concurrent spends than outputs.
        for (var i = 0; i < 3; i++)
        {
            await siad.SendSiacoinsAsync(Currency.Siacoins(10), wallet.Address, cancellationToken);
        }

        _devnet.Mine();
        await follower.SyncOnceAsync(cancellationToken);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                var transaction = await wallet.FundAndSignAsync(new Transaction { ArbitraryData = [[.. Specifier.NonSia.ToBytes(), (byte)i]] }, "concurrent", cancellationToken);
                await wallet.SubmitAsync(transaction, cancellationToken);
                return transaction;
            }
            catch (InsufficientFundsException)
            {
                return null;
            }
        }, cancellationToken)));
        _devnet.Mine();
        await follower.SyncOnceAsync(cancellationToken);

        var accepted = results.Where(t => t is not null).ToArray();
        Assert.That(accepted, Has.Length.EqualTo(4), "one per output; the pool rejects none, so nothing was double-spent");
        foreach (var transaction in accepted)
        {
            Assert.That(await siad.IsConfirmedAsync(transaction!.Id, cancellationToken), Is.True);
        }

        Assert.That(wallet.Balance().PendingTransactions, Is.Zero);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task InjectedServerErrorsAreRetriedForReadsButNeverForASpend(CancellationToken cancellationToken)
    {
        var wire = new CountingHandler();
        await using var sidecar = await SidecarAsync(wire);
        var siad = sidecar.Get<ISiadClient>();
        var faults = _devnet.Nodes[0].Faults;

        faults.ErrorRate = 0.3;
        for (var i = 0; i < 10; i++)
        {
            await siad.GetConsensusAsync(cancellationToken);
        }

        var readAttempts = wire.Count("/consensus");
        faults.Clear();
        wire.FailPath = "/wallet/siacoins";
        var spend = Assert.CatchAsync<SiadApiException>(async () => await siad.SendSiacoinsAsync(Currency.OneSiacoin, TestKeys.AddressB, cancellationToken));

        Assert.That((int)spend!.StatusCode, Is.EqualTo(500));
        Assert.That(readAttempts, Is.GreaterThan(10), "some reads needed a retry");
        Assert.That(wire.Count("/wallet/siacoins"), Is.EqualTo(1), "a spend is sent once");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task ASiadThatIsRestartingIsWaitedOut(CancellationToken cancellationToken)
    {
        _devnet.Nodes[0].Faults.RestartingUntil = DateTimeOffset.UtcNow.AddSeconds(2);

        await using var sidecar = await SidecarAsync();

        Assert.That(sidecar.Get<SiadConnection>().Info, Is.Not.Null);
        Assert.That(DateTimeOffset.UtcNow, Is.GreaterThanOrEqualTo(_devnet.Nodes[0].Faults.RestartingUntil!.Value.AddMilliseconds(-50)));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task APublishedAnnouncementPassesTheStrictPoolAndDecodesFromTheMinedBlock(CancellationToken cancellationToken)
    {
        await using var sidecar = await SidecarAsync();
        await sidecar.Get<FundingService>().RunOnceAsync(cancellationToken);
        _devnet.Mine();
        await sidecar.Get<ChainFollower>().SyncOnceAsync(cancellationToken);

        var outcome = await sidecar.Get<Publisher>().RunOnceAsync(force: false, cancellationToken);
        var block = _devnet.Mine().Single();

        var entries = block.Transactions.SelectMany(t => t.ArbitraryData).Select(d => AnnouncementCodec.Decode(d, _devnet.Chain.Read(c => c.State.BlockAt(0).Id))).Where(r => r.IsValid).ToArray();
        Assert.That(outcome, Is.EqualTo(PublishOutcome.Published));
        Assert.That(entries, Has.Length.EqualTo(1));
        Assert.That(entries[0].Announcement!.ProviderKey, Is.EqualTo(sidecar.Get<KeyRing>().IdentityPublicKey));
        Assert.That(await sidecar.Get<Publisher>().RunOnceAsync(force: false, cancellationToken), Is.EqualTo(PublishOutcome.Unchanged));
    }
}

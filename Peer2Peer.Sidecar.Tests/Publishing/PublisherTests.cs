using Microsoft.Extensions.DependencyInjection;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Announcements;
using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Funding;
using Peer2Peer.Sidecar.Keys;
using Peer2Peer.Sidecar.Publishing;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Publishing;

[Category("Unit")]
public sealed class PublisherTests
{
    private sealed class FakeController : IControllerCatalogueSource
    {
        public ulong SmallMemory { get; set; } = 1024;

        public Exception? Failure { get; set; }

        public Task<ControllerCatalogue> ReadAsync(CancellationToken cancellationToken) => Failure is not null
            ? Task.FromException<ControllerCatalogue>(Failure)
            : Task.FromResult(new ControllerCatalogue(
            [
                new ControllerLocation("be-gen-1",
                    [new ControllerSize(1, "small", 1, SmallMemory, [10, 20]), new ControllerSize(2, "large", 4, 8192, [40, 100])],
                    [new ControllerImage(7, "Ubuntu 22.04", 10)]),
            ]));
    }

    private static Dictionary<string, string?> ProviderSettings(string? vcpuPrice = "10 mS") => new()
    {
        ["Sidecar:Role"] = "Provider",
        ["Publishing:PublicApiUrl"] = "https://g8.provider.example",
        ["Publishing:PricePerVcpuHour"] = vcpuPrice,
        ["Publishing:PricePerGiBHour"] = "2 mS",
        ["Publishing:ExpiryBlocks"] = "100",
        ["Publishing:RenewBeforeBlocks"] = "10",
        ["Funding:AutoTopUp"] = "false",
    };

    private static async Task<(SidecarServices Host, FakeSiadClient Siad, FakeController Controller)> StartAsync(
        FakeSiadClient? siad = null, string? dataDirectory = null, FakeController? controller = null, Dictionary<string, string?>? settings = null)
    {
        siad ??= new FakeSiadClient(blocks: 120);
        controller ??= new FakeController();
        var c = controller;
        var host = await SidecarServices.StartAsync(siad, settings ?? ProviderSettings(), configure: services =>
        {
            services.AddPublishing();
            services.AddSingleton<IControllerCatalogueSource>(c);
        }, dataDirectory: dataDirectory);
        if (dataDirectory is null)
        {
            var address = host.Get<KeyRing>().FundingAddress;
            siad.Extend(1, new Transaction { SiacoinInputs = [new SiacoinInput { ParentId = TestKeys.Repeat(0x77) }], SiacoinOutputs = [new SiacoinOutput { Value = Currency.Siacoins(100), UnlockHash = address }] });
        }

        await host.Get<ChainFollower>().SyncOnceAsync(CancellationToken.None);
        return (host, siad, controller);
    }

    private static Announcement Decode(Transaction transaction) =>
        transaction.ArbitraryData.Select(d => AnnouncementCodec.Decode(d)).Single(r => r.IsValid).Announcement!;

    /// <summary>What a miner does: put the pool's transactions in the next block.</summary>
    private static async Task MineAsync(SidecarServices host, FakeSiadClient siad)
    {
        siad.Extend(1, siad.Broadcasts.Where(t => !siad.Chain.SelectMany(b => b.Transactions).Any(c => c.Id == t.Id)).DistinctBy(t => t.Id).ToArray());
        await host.Get<ChainFollower>().SyncOnceAsync(CancellationToken.None);
    }

    [Test]
    public async Task TheFirstRunPublishesASignedOfferForThisNetwork()
    {
        var (host, siad, _) = await StartAsync();
        await using var _ = host;

        var outcome = await host.Get<Publisher>().RunOnceAsync(force: false, CancellationToken.None);

        var announcement = Decode(siad.Broadcasts.Single());
        Assert.That(outcome, Is.EqualTo(PublishOutcome.Published));
        Assert.That(announcement.Sequence, Is.EqualTo(1));
        Assert.That(announcement.Network, Is.EqualTo(siad.Chain[0].Id), "the genesis block ID");
        Assert.That(announcement.ProviderKey, Is.EqualTo(host.Get<KeyRing>().IdentityPublicKey));
        Assert.That(announcement.ExpiryHeight, Is.EqualTo(siad.TipHeight + 100));
        var large = announcement.Offer!.Locations[0].Sizes.Single(s => s.Name == "large");
        Assert.That(large.PricePerHour, Is.EqualTo(Currency.Parse("56 mS")), "4 vCPU × 10 mS + 8 GiB × 2 mS");
    }

    [Test]
    public async Task AnUnchangedOfferIsNotRepublishedAndAChangeIsPublishedOnce()
    {
        var (host, siad, controller) = await StartAsync();
        await using var _ = host;
        var publisher = host.Get<Publisher>();
        await publisher.RunOnceAsync(false, CancellationToken.None);
        await MineAsync(host, siad);

        var unchanged = await publisher.RunOnceAsync(false, CancellationToken.None);
        controller.SmallMemory = 2048;
        var changed = await publisher.RunOnceAsync(false, CancellationToken.None);
        await MineAsync(host, siad);
        var afterChange = await publisher.RunOnceAsync(false, CancellationToken.None);

        Assert.That(unchanged, Is.EqualTo(PublishOutcome.Unchanged));
        Assert.That(changed, Is.EqualTo(PublishOutcome.Published));
        Assert.That(afterChange, Is.EqualTo(PublishOutcome.Unchanged));
        Assert.That(siad.Broadcasts.Select(Decode).Select(a => a.Sequence), Is.EqualTo(new ulong[] { 1, 2 }));
    }

    [Test]
    public async Task ARestartPublishesNothingNew()
    {
        var (host, siad, controller) = await StartAsync();
        var data = host.Get<Microsoft.Extensions.Options.IOptions<Peer2Peer.Sidecar.Hosting.SidecarOptions>>().Value.DataDirectory;
        await host.Get<Publisher>().RunOnceAsync(false, CancellationToken.None);
        await MineAsync(host, siad);
        await host.Provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var (restarted, _, _) = await StartAsync(siad, data, controller);
        await using var _ = restarted;
        var outcome = await restarted.Get<Publisher>().RunOnceAsync(false, CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(PublishOutcome.Unchanged));
        Assert.That(siad.Broadcasts, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task NearExpiryTheOfferIsRenewedWithTheNextSequence()
    {
        var (host, siad, _) = await StartAsync();
        await using var _ = host;
        var publisher = host.Get<Publisher>();
        await publisher.RunOnceAsync(false, CancellationToken.None);
        await MineAsync(host, siad);

        siad.Extend(95);
        var outcome = await publisher.RunOnceAsync(false, CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(PublishOutcome.Published));
        Assert.That(Decode(siad.Broadcasts[^1]).Sequence, Is.EqualTo(2));
    }

    [Test]
    public async Task AWithdrawalFollowsTheLastSequence()
    {
        var (host, siad, _) = await StartAsync();
        await using var _ = host;
        await host.Get<Publisher>().RunOnceAsync(false, CancellationToken.None);
        await MineAsync(host, siad);

        await host.Get<Publisher>().WithdrawAsync(CancellationToken.None);

        var withdrawal = Decode(siad.Broadcasts[^1]);
        Assert.That(withdrawal.Kind, Is.EqualTo(AnnouncementKind.Withdrawal));
        Assert.That(withdrawal.Sequence, Is.EqualTo(2));
    }

    [Test]
    public async Task WithoutFundsTheClaimedSequenceIsPublishedLaterNeverAnotherOne()
    {
        var siad = new FakeSiadClient(blocks: 120);
        var (host, _, _) = await StartAsync(siad);
        await using var _ = host;
        var publisher = host.Get<Publisher>();
        var wallet = host.Get<HotWallet>();
        // Spend the only output elsewhere so the first attempt has nothing to fund with.
        var drain = await wallet.FundAndSignAsync(new Transaction { SiacoinOutputs = [new SiacoinOutput { Value = Currency.Parse("99.97 SC"), UnlockHash = TestKeys.AddressB }] }, "drain", CancellationToken.None);
        siad.Extend(1, drain);
        await host.Get<ChainFollower>().SyncOnceAsync(CancellationToken.None);

        Assert.ThrowsAsync<InsufficientFundsException>(async () => await publisher.RunOnceAsync(false, CancellationToken.None));
        siad.Extend(1, new Transaction { SiacoinInputs = [new SiacoinInput { ParentId = TestKeys.Repeat(0x78) }], SiacoinOutputs = [new SiacoinOutput { Value = Currency.Siacoins(50), UnlockHash = wallet.Address }] });
        await host.Get<ChainFollower>().SyncOnceAsync(CancellationToken.None);
        var outcome = await publisher.RunOnceAsync(false, CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(PublishOutcome.Resubmitted));
        Assert.That(siad.Broadcasts.Where(t => t.ArbitraryData.Count > 0).Select(Decode).Select(a => a.Sequence), Is.EqualTo(new ulong[] { 1 }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task AnUnreachableControllerIsReportedInStatusAndRetriedLaterWithoutSpending(CancellationToken cancellationToken)
    {
        var siad = new FakeSiadClient(blocks: 120);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var controller = new FakeController { Failure = new Peer2Peer.Sidecar.OpenvCloud.OpenvCloudUnreachableException("controller did not answer: connection refused") };
        await using var host = await SidecarServices.StartAsync(siad, ProviderSettings(), time, services =>
        {
            services.AddPublishing();
            services.AddSingleton<IControllerCatalogueSource>(controller);
        });
        siad.Extend(1, new Transaction { SiacoinInputs = [new SiacoinInput { ParentId = TestKeys.Repeat(0x79) }], SiacoinOutputs = [new SiacoinOutput { Value = Currency.Siacoins(100), UnlockHash = host.Get<KeyRing>().FundingAddress }] });
        await host.Get<ChainFollower>().SyncOnceAsync(cancellationToken);
        var publisher = host.Get<Publisher>();
        var status = host.Get<IEnumerable<Peer2Peer.Sidecar.Hosting.IStatusContributor>>().Single(c => c.Section == "publishing");

        await publisher.StartAsync(cancellationToken);
        while (publisher.LastProblem is null)
        {
            await Task.Delay(10, cancellationToken);
        }

        Assert.That(publisher.LastProblem, Does.Contain("connection refused"));
        Assert.That(System.Text.Json.JsonSerializer.Serialize(status.GetStatus()), Does.Contain("connection refused"));
        Assert.That(siad.Broadcasts, Is.Empty, "nothing spent while the offer cannot be read");

        controller.Failure = null;
        while (siad.Broadcasts.Count == 0)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(10, cancellationToken);
        }

        Assert.That(Decode(siad.Broadcasts.Single()).Sequence, Is.EqualTo(1));
        await publisher.StopAsync(cancellationToken);
    }

    [TestCase("http://g8.example.com", false, "must use https")]
    [TestCase("http://127.0.0.1:8080", false, "must use https")]
    [TestCase("http://127.0.0.1:8080", true, null)]
    [TestCase("http://g8.example.com", true, "must use https")]
    [TestCase("ftp://g8.example.com", true, "absolute https URL")]
    [TestCase("https://g8.example.com", false, null)]
    public void ApiUrlsAreHttpsOrLoopbackHttpInDevnetMode(string url, bool devnet, string? problem) =>
        Assert.That(PublishingOptionsValidator.ApiUrlProblem(url, devnet), problem is null ? Is.Null : Does.Contain(problem));
}

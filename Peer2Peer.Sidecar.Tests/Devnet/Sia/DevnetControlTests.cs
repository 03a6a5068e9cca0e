using Microsoft.Extensions.Time.Testing;
using Peer2Peer.Devnet;
using Peer2Peer.Devnet.Sia;
using Peer2Peer.Devnet.Sia.Wallet;
using Peer2Peer.Sia.Types;
using static Peer2Peer.Sidecar.Tests.Support.TestKeys;

namespace Peer2Peer.Sidecar.Tests.Devnet.Sia;

/// <summary>Mining, reorganisations, faults and start-up options of the devnet (in process and through /devnet).</summary>
[Category("Devnet")]
[CancelAfter(30_000)]
public sealed class DevnetControlTests
{
    [Test]
    public async Task StartsPastTheReplayForksWithFundedWalletsOnDistinctPorts()
    {
        await using var tester = await DevnetTester.StartAsync(new DevnetOptions());
        var devnet = tester.Devnet;
        Assert.That(devnet.Chain.Height, Is.EqualTo(110UL));
        Assert.That(devnet.Nodes, Has.Count.EqualTo(3));
        Assert.That(devnet.Nodes.Select(n => n.ApiUrl!.Port).Distinct().Count(), Is.EqualTo(3));
        Assert.That(devnet.Nodes.Select(n => n.Password).Distinct().Count(), Is.EqualTo(3), "random passwords");
        Assert.That(devnet.Nodes.All(n => n.Wallet.GetBalances().Confirmed > Currency.Zero), Is.True);
        var summary = devnet.Summary();
        Assert.That(summary.Nodes.Select(n => n.ApiUrl), Is.EqualTo(devnet.Nodes.Select(n => n.ApiUrl!.ToString())));
        Assert.That(summary.ToJson(), Does.Contain("\"controllers\": []"));
    }

    [Test]
    public async Task TheSameSeedGivesTheSameWalletsAndHostKeys()
    {
        await using var one = await DevnetTester.StartAsync(new DevnetOptions { Nodes = 1, StartHeight = 12 });
        await using var two = await DevnetTester.StartAsync(new DevnetOptions { Nodes = 1, StartHeight = 12 });
        await using var other = await DevnetTester.StartAsync(new DevnetOptions { Nodes = 1, StartHeight = 12, Seed = "other" });
        Assert.That(two.Node().Wallet.PayoutAddress, Is.EqualTo(one.Node().Wallet.PayoutAddress));
        Assert.That(two.Node().Host.PublicKey, Is.EqualTo(one.Node().Host.PublicKey));
        Assert.That(other.Node().Wallet.PayoutAddress, Is.Not.EqualTo(one.Node().Wallet.PayoutAddress));
    }

    [Test]
    public async Task MineAndReorgThroughTheControlEndpoints()
    {
        await using var tester = await DevnetTester.StartAsync(SiadVersion.V159);
        var http = tester.Http();
        var mined = await http.PostFormAsync("/devnet/mine", new Dictionary<string, string> { ["blocks"] = "3" });
        Assert.That(mined.Status, Is.EqualTo(200), mined.ToString());
        Assert.That((ulong)mined.Json["height"]!, Is.EqualTo(113UL));
        var oldTip = tester.Devnet.Chain.TipId;

        var reorg = await http.PostFormAsync("/devnet/reorg", new Dictionary<string, string> { ["depth"] = "2", ["reinclude"] = "none" });
        Assert.That(reorg.Status, Is.EqualTo(200), reorg.ToString());
        Assert.That((ulong)reorg.Json["height"]!, Is.EqualTo(114UL));
        Assert.That((await http.GetAsync($"/consensus/blocks?id={oldTip}")).Message, Is.EqualTo("block doesn't exist"));
        Assert.That((await http.PostFormAsync("/devnet/reorg", new Dictionary<string, string> { ["depth"] = "0" })).Status, Is.EqualTo(400));
        Assert.That((await http.PostFormAsync("/devnet/mine", password: "wrong")).Status, Is.EqualTo(401));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task AReorgReturnsRevertedTransactionsToThePoolOrDropsThem(bool reinclude)
    {
        await using var tester = await DevnetTester.StartAsync(SiadVersion.V159);
        var set = tester.Node(0).Wallet.Send([new SiacoinOutput { Value = Currency.Siacoins(5), UnlockHash = AddressB }], feeIncluded: false);
        var block = tester.Devnet.Mine()[0];
        Assert.That(block.Transactions.Select(t => t.Id), Does.Contain(set[^1].Id));

        tester.Devnet.Chain.Read(c => c.State.RevertTip());
        tester.Devnet.Chain.Read(c => { c.Pool.Revalidate(reinclude ? block.Transactions : null); return 0; });
        Assert.That(tester.Devnet.Chain.Read(c => c.Pool.Contains(set[^1].Id)), Is.EqualTo(reinclude));

        tester.Devnet.Mine();
        var http = tester.Http();
        var confirmed = (bool)(await http.GetAsync($"/tpool/confirmed/{set[^1].Id}")).Json["confirmed"]!;
        Assert.That(confirmed, Is.EqualTo(reinclude));
    }

    [Test]
    public async Task ReorganizeReincludesAllOrNone()
    {
        await using var tester = await DevnetTester.StartAsync(SiadVersion.V133);
        var set = tester.Node(0).Wallet.Send([new SiacoinOutput { Value = Currency.Siacoins(5), UnlockHash = AddressB }], feeIncluded: false);
        tester.Devnet.Mine();
        tester.Devnet.Reorganize(1, reincludeTransactions: true);
        Assert.That(tester.Devnet.Chain.Read(c => c.State.IsConfirmed(set[^1].Id)), Is.True, "re-mined in the new branch");
        tester.Devnet.Reorganize(2, reincludeTransactions: false);
        Assert.That(tester.Devnet.Chain.Read(c => c.State.IsConfirmed(set[^1].Id) || c.Pool.Contains(set[^1].Id)), Is.False, "dropped");
    }

    [Test]
    public async Task FaultsMakeANodeAnswer490500OrDrop()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var tester = await DevnetTester.StartAsync(new DevnetOptions { Nodes = 1, TimeProvider = time });
        var http = tester.Http();
        var set = await http.PostFormAsync("/devnet/faults", new Dictionary<string, string> { ["restartingseconds"] = "60" });
        Assert.That(set.Status, Is.EqualTo(200), set.ToString());
        var restarting = await http.GetAsync("/consensus");
        Assert.That(restarting.Status, Is.EqualTo(490));
        Assert.That(restarting.Message, Is.EqualTo("490 Module not loaded - Refer to API.md"));
        Assert.That((await http.GetAsync("/daemon/version")).Status, Is.EqualTo(200), "/daemon works while modules load");
        time.Advance(TimeSpan.FromSeconds(61));
        Assert.That((await http.GetAsync("/consensus")).Status, Is.EqualTo(200));

        await http.PostFormAsync("/devnet/faults", new Dictionary<string, string> { ["errorrate"] = "1" });
        var failing = await http.GetAsync("/consensus");
        Assert.That(failing.Status, Is.EqualTo(500));
        await http.PostFormAsync("/devnet/faults", new Dictionary<string, string> { ["errorrate"] = "0", ["droprate"] = "1" });
        Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/consensus"));
        await http.PostFormAsync("/devnet/faults/clear");
        Assert.That((await http.GetAsync("/consensus")).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task TheBlockIntervalMinesOnFakeTime()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var tester = await DevnetTester.StartAsync(new DevnetOptions { Nodes = 1, TimeProvider = time, BlockInterval = TimeSpan.FromSeconds(5), StartHeight = 12 });
        Assert.That(tester.Devnet.Chain.Height, Is.EqualTo(12UL));
        for (var i = 1; i <= 3; i++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await WaitForHeightAsync(tester, 12UL + (ulong)i);
        }

        Assert.That(tester.Devnet.Chain.Read(c => c.State.Tip.Timestamp), Is.EqualTo((ulong)time.GetUtcNow().ToUnixTimeSeconds()));
    }

    [Test]
    public async Task MinerStartMinesForThatNodeUntilStopped()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var tester = await DevnetTester.StartAsync(new DevnetOptions { Nodes = 2, TimeProvider = time, StartHeight = 12 });
        var http = tester.Http(1);
        Assert.That((await http.GetAsync("/miner/start")).Status, Is.EqualTo(204));
        time.Advance(TimeSpan.FromSeconds(2));
        await WaitForHeightAsync(tester, 13);
        Assert.That(tester.Devnet.Chain.Read(c => c.State.Tip.MinerPayouts[0].UnlockHash), Is.EqualTo(tester.Node(1).Wallet.PayoutAddress));
        Assert.That((bool)(await http.GetAsync("/miner")).Json["cpumining"]!, Is.True);
        Assert.That((await http.GetAsync("/miner/stop")).Status, Is.EqualTo(204));
    }

    [Test]
    public async Task AnUninitializedWalletInitsWithTheNodesSeedAndUnlocks()
    {
        await using var tester = await DevnetTester.StartAsync(new DevnetOptions { Nodes = 1, WalletState = WalletStartState.Uninitialized });
        var http = tester.Http();
        Assert.That((bool)(await http.GetAsync("/wallet")).Json["encrypted"]!, Is.False);
        Assert.That((await http.GetAsync("/wallet/address")).Message, Does.EndWith("wallet must be unlocked before it can be used"));
        var init = await http.PostFormAsync("/wallet/init", new Dictionary<string, string> { ["encryptionpassword"] = "pw" });
        Assert.That(init.Status, Is.EqualTo(200));
        Assert.That(((string)init.Json["primaryseed"]!).Split(' '), Has.Length.EqualTo(29));
        Assert.That((await http.PostFormAsync("/wallet/init")).Message, Is.EqualTo("error when calling /wallet/init: wallet is already encrypted, cannot encrypt again"));
        Assert.That((await http.PostFormAsync("/wallet/unlock", new Dictionary<string, string> { ["encryptionpassword"] = "nope" })).Message,
            Is.EqualTo("error when calling /wallet/unlock: provided encryption key is incorrect"));
        Assert.That((await http.PostFormAsync("/wallet/unlock", new Dictionary<string, string> { ["encryptionpassword"] = "pw" })).Status, Is.EqualTo(204));
        Assert.That(Currency.Parse((string)(await http.GetAsync("/wallet")).Json["confirmedsiacoinbalance"]!), Is.GreaterThan(Currency.Zero));
    }

    [Test]
    public void ParsesTheCommandLine()
    {
        var options = DevnetOptions.Parse(["--nodes", "5", "--siad-version", "1.3.3", "--block-interval", "500ms", "--start-height", "30", "--output", "x.json", "--wallet", "locked"]);
        Assert.That(options.Nodes, Is.EqualTo(5));
        Assert.That(options.SiadVersion, Is.EqualTo(SiadVersion.V133));
        Assert.That(options.BlockInterval, Is.EqualTo(TimeSpan.FromMilliseconds(500)));
        Assert.That(options.StartHeight, Is.EqualTo(30UL));
        Assert.That(options.WalletState, Is.EqualTo(WalletStartState.Locked));
        Assert.That(() => DevnetOptions.Parse(["--nodes", "zero"]), Throws.TypeOf<FormatException>().With.Message.Contains("--nodes"));
        Assert.That(() => DevnetOptions.Parse(["--bogus", "1"]), Throws.TypeOf<FormatException>());
    }

    private static async Task WaitForHeightAsync(DevnetTester tester, ulong height)
    {
        // The miner runs on the timer's continuation; wait for it without sleeping through fake time.
        for (var i = 0; i < 500 && tester.Devnet.Chain.Height < height; i++)
        {
            await Task.Yield();
            await Task.Delay(1);
        }

        Assert.That(tester.Devnet.Chain.Height, Is.EqualTo(height));
    }
}

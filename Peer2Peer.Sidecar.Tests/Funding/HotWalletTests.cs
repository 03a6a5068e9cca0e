using Peer2Peer.Sia.Signing;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Funding;
using Peer2Peer.Sidecar.Keys;
using Peer2Peer.Sidecar.Siad;
using Peer2Peer.Sidecar.Tests.Support;

namespace Peer2Peer.Sidecar.Tests.Funding;

[Category("Unit")]
public sealed class HotWalletTests
{
    private static Transaction Payment(UnlockHash to, Currency amount, byte tag) =>
        new() { SiacoinInputs = [new SiacoinInput { ParentId = TestKeys.Repeat(tag) }], SiacoinOutputs = [new SiacoinOutput { Value = amount, UnlockHash = to }] };

    private static async Task<(SidecarServices Host, FakeSiadClient Siad)> StartAsync(int fundingOutputs, ulong siacoinsEach = 10)
    {
        var siad = new FakeSiadClient(blocks: 110);
        var host = await SidecarServices.StartAsync(siad);
        var address = host.Get<KeyRing>().FundingAddress;
        var payments = Enumerable.Range(0, fundingOutputs).Select(i => Payment(address, Currency.Siacoins(siacoinsEach), (byte)(i + 1))).ToArray();
        siad.Extend(1, payments);
        await host.Get<ChainFollower>().SyncOnceAsync(CancellationToken.None);
        return (host, siad);
    }

    [Test]
    public async Task OutputsPayingTheHotAddressAreLearntFromBlocksAndAReorgRestoresThemExactly()
    {
        var (host, siad) = await StartAsync(fundingOutputs: 3);
        await using var _ = host;
        var wallet = host.Get<HotWallet>();
        var follower = host.Get<ChainFollower>();
        Assert.That(wallet.Balance().Confirmed, Is.EqualTo(Currency.Siacoins(30)));

        var spend = await wallet.FundAndSignAsync(new Transaction { SiacoinOutputs = [new SiacoinOutput { Value = Currency.Siacoins(12), UnlockHash = TestKeys.AddressB }] }, "test", CancellationToken.None);
        siad.Extend(1, spend);
        await follower.SyncOnceAsync(CancellationToken.None);
        var afterSpend = wallet.Balance();

        siad.Rewind(1);
        siad.Extend(2);
        await follower.SyncOnceAsync(CancellationToken.None);
        var afterReorg = wallet.Balance();

        Assert.That(afterSpend.Confirmed, Is.EqualTo(Currency.Siacoins(30) - Currency.Siacoins(12) - spend.MinerFees[0]), "two inputs spent, change back");
        Assert.That(afterSpend.PendingTransactions, Is.Zero);
        Assert.That(afterReorg.Confirmed, Is.EqualTo(Currency.Siacoins(30)), "the reverted spend's inputs are unspent again, its change gone");
        Assert.That(afterReorg.PendingTransactions, Is.EqualTo(1), "the reverted spend is pending again, to be resubmitted");
        Assert.That(afterReorg.Reserved, Is.EqualTo(Currency.Siacoins(20)));
    }

    [Test]
    public async Task SignedTransactionsBalanceAndVerifyUnderTheChainsRules()
    {
        var (host, siad) = await StartAsync(fundingOutputs: 2);
        await using var _ = host;
        var wallet = host.Get<HotWallet>();

        var transaction = await wallet.FundAndSignAsync(new Transaction { ArbitraryData = [[.. Specifier.NonSia.ToBytes(), 1, 2, 3]] }, "announcement", CancellationToken.None);

        var inputs = Currency.Siacoins(10);
        Assert.That(transaction.SiacoinInputs, Has.Count.EqualTo(1));
        Assert.That(Currency.Sum(transaction.SiacoinOutputs.Select(o => o.Value)) + Currency.Sum(transaction.MinerFees), Is.EqualTo(inputs));
        Assert.That(SignatureVerifier.Verify(transaction, ChainRules.Siad15Dev, siad.TipHeight), Is.Null);
        Assert.That(transaction.SiacoinInputs[0].UnlockConditions.UnlockHash(), Is.EqualTo(wallet.Address));
    }

    [Test]
    public async Task ConcurrentSpendsNeverShareAnOutput()
    {
        var (host, _) = await StartAsync(fundingOutputs: 6);
        await using var _ = host;
        var wallet = host.Get<HotWallet>();
        var draft = new Transaction { SiacoinOutputs = [new SiacoinOutput { Value = Currency.Siacoins(5), UnlockHash = TestKeys.AddressB }] };

        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            try
            {
                return await wallet.FundAndSignAsync(draft, "concurrent", CancellationToken.None);
            }
            catch (InsufficientFundsException)
            {
                return null;
            }
        })));

        var funded = attempts.Where(t => t is not null).ToArray();
        var inputs = funded.SelectMany(t => t!.SiacoinInputs).Select(i => i.ParentId).ToArray();
        Assert.That(funded, Has.Length.EqualTo(6), "one 10 SC output each");
        Assert.That(inputs, Is.Unique);
        Assert.That(wallet.Balance().Reserved, Is.EqualTo(Currency.Siacoins(60)));
    }

    [Test]
    public async Task ARejectedTransactionFreesItsInputs()
    {
        var (host, siad) = await StartAsync(fundingOutputs: 1);
        await using var _ = host;
        var wallet = host.Get<HotWallet>();
        siad.OnBroadcast = (_, _) => throw new SiadApiException(System.Net.HttpStatusCode.BadRequest, "error accepting transaction set: transaction spends a nonexisting siacoin output", "/tpool/raw");
        var transaction = await wallet.FundAndSignAsync(new Transaction { ArbitraryData = [Specifier.NonSia.ToBytes()] }, "test", CancellationToken.None);

        var error = Assert.ThrowsAsync<TransactionRejectedException>(async () => await wallet.SubmitAsync(transaction, CancellationToken.None));

        Assert.That(error!.Reason, Does.Contain("nonexisting siacoin output"));
        Assert.That(wallet.Balance().Reserved, Is.EqualTo(Currency.Zero));
        Assert.That(wallet.Balance().PendingTransactions, Is.Zero);
    }

    [Test]
    public async Task NotEnoughFundsSaysHowMuchIsMissing()
    {
        var (host, _) = await StartAsync(fundingOutputs: 1, siacoinsEach: 1);
        await using var _ = host;

        var error = Assert.ThrowsAsync<InsufficientFundsException>(async () => await host.Get<HotWallet>().FundAndSignAsync(
            new Transaction { SiacoinOutputs = [new SiacoinOutput { Value = Currency.Siacoins(2), UnlockHash = TestKeys.AddressB }] }, "test", CancellationToken.None));

        Assert.That(error!.Available, Is.EqualTo(Currency.Siacoins(1)));
        Assert.That(error.Needed, Is.GreaterThan(Currency.Siacoins(2)));
    }
}

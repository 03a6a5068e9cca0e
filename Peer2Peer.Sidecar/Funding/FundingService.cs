using Microsoft.Extensions.Options;
using Peer2Peer.Sia.Signing;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Chain;
using Peer2Peer.Sidecar.Keys;
using Peer2Peer.Sidecar.Siad;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Funding;

/// <summary>
/// Keeps the hot address usable: tops it up from siad's wallet between floor and cap, and keeps submitting our
/// unconfirmed transactions (re-signed first when the chain crossed a replay-protection height since signing).
/// </summary>
public sealed partial class FundingService(
    HotWallet wallet,
    KeyRing keys,
    SidecarDatabase database,
    ISiadClient siad,
    SiadConnection connection,
    ChainFollower follower,
    IOptions<FundingOptions> options,
    TimeProvider time,
    ILogger<FundingService> logger) : BackgroundService
{
    public string? LastProblem { get; private set; }

    public DateTimeOffset? LastTopUp { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await connection.WhenReadyAsync(stoppingToken);
        }
        catch (Exception)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                LastProblem = null;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LastProblem = e.Message;
                LogProblem(logger, e.Message);
            }

            try
            {
                await Task.Delay(options.Value.CheckInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: top up if needed, then resubmit what is still pending. Used by the loop and by tests.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        // Only act on a caught-up view of the chain: a stale one would see old balances.
        await follower.SyncOnceAsync(cancellationToken);

        await ResubmitPendingAsync(cancellationToken);
        if (options.Value.AutoTopUp)
        {
            await TopUpAsync(cancellationToken);
        }
    }

    public async Task ResubmitPendingAsync(CancellationToken cancellationToken)
    {
        var rules = (await connection.WhenReadyAsync(cancellationToken)).Rules;
        var tip = await siad.GetConsensusAsync(cancellationToken);
        List<PendingTransaction> pending;
        using (var db = database.Open())
        {
            FundingStore.PruneConfirmed(db, tip.Height > 144 ? tip.Height - 144 : 0);
            pending = FundingStore.Pending(db, unconfirmedOnly: true);
        }

        foreach (var entry in pending)
        {
            var transaction = entry.Transaction;
            if (!rules.ReplayPrefix(entry.SignedHeight).SequenceEqual(rules.ReplayPrefix(tip.Height)))
            {
                // Signed before a replay-protection fork the chain has now crossed: that signature no longer verifies.
                transaction = TransactionSigner.SignAll(transaction, keys.Funding, rules, tip.Height);
                using var db = database.Open();
                FundingStore.UpdatePending(db, transaction, tip.Height);
                LogResigned(logger, transaction.Id.ToString(), tip.Height);
            }

            try
            {
                await wallet.SubmitAsync(transaction, cancellationToken);
            }
            catch (TransactionRejectedException e)
            {
                LogDropped(logger, transaction.Id.ToString(), entry.Purpose, e.Reason);
            }
        }
    }

    public async Task TopUpAsync(CancellationToken cancellationToken)
    {
        var balance = wallet.Balance();
        var tip = await siad.GetConsensusAsync(cancellationToken);
        Currency inFlight;
        using (var db = database.Open())
        {
            var since = tip.Height > options.Value.TopUpTimeoutBlocks ? tip.Height - options.Value.TopUpTimeoutBlocks : 0;
            inFlight = FundingStore.TopUpsInFlight(db, since);
        }

        var expected = balance.Unconfirmed + inFlight;
        if (expected >= options.Value.FloorAmount)
        {
            return;
        }

        var amount = options.Value.CapAmount - expected;
        var ids = await siad.SendSiacoinsAsync(amount, keys.FundingAddress, cancellationToken);
        using (var db = database.Open())
        {
            FundingStore.AddTopUp(db, amount, ids, tip.Height, time.GetUtcNow());
        }

        LastTopUp = time.GetUtcNow();
        LogToppedUp(logger, amount.ToDisplayString(), keys.FundingAddress.ToString(), expected.ToDisplayString());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Topped up the hot address {Address} with {Amount} from siad's wallet (balance was {Balance})")]
    private static partial void LogToppedUp(ILogger logger, string amount, string address, string balance);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-signed transaction {TransactionId} for the replay rules at height {Height}")]
    private static partial void LogResigned(ILogger logger, string transactionId, ulong height);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped pending transaction {TransactionId} ({Purpose}): {Reason}")]
    private static partial void LogDropped(ILogger logger, string transactionId, string purpose, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Funding: {Problem}")]
    private static partial void LogProblem(ILogger logger, string problem);
}

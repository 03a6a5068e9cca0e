using Peer2Peer.Sia.Signing;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Keys;
using Peer2Peer.Sidecar.Siad;
using Peer2Peer.Sidecar.Storage;

namespace Peer2Peer.Sidecar.Funding;

public sealed record HotBalance(UnlockHash Address, Currency Confirmed, Currency Unconfirmed, Currency Reserved, int PendingTransactions);

/// <summary>
/// Spends from the sidecar's own hot address: picks unreserved outputs, adds change and the miner fee, signs locally
/// under the chain's SigHash rules and reserves the inputs in the same database transaction that records the
/// pending transaction, so concurrent callers never spend an output twice. siad's wallet never signs for us.
/// </summary>
public sealed partial class HotWallet(
    KeyRing keys,
    SidecarDatabase database,
    ISiadClient siad,
    SiadConnection connection,
    TimeProvider time,
    ILogger<HotWallet> logger)
{
    /// <summary>Bytes a signed standard input, its signature and a change output add beyond the draft, generously.</summary>
    private const int PerInputBytes = 300;
    private const int FixedOverheadBytes = 200;

    private readonly SemaphoreSlim _selection = new(1, 1);

    public UnlockHash Address => keys.FundingAddress;

    /// <summary>
    /// Adds inputs, change and fee to <paramref name="draft"/> (which carries only what it is for: outputs, arbitrary
    /// data, contracts), signs it and reserves its inputs. Submit it with <see cref="SubmitAsync"/>.
    /// </summary>
    public async Task<Transaction> FundAndSignAsync(Transaction draft, string purpose, CancellationToken cancellationToken)
    {
        var rules = (await connection.WhenReadyAsync(cancellationToken)).Rules;
        var fee = await siad.GetTransactionFeeAsync(cancellationToken);
        var tip = await siad.GetConsensusAsync(cancellationToken);
        var spending = Currency.Sum(draft.SiacoinOutputs.Select(o => o.Value)) + Currency.Sum(draft.FileContracts.Select(c => c.Payout));
        var conditions = keys.FundingConditions;

        await _selection.WaitAsync(cancellationToken);
        try
        {
            using var db = database.Open();
            using var tx = db.BeginTransaction();
            var spendable = FundingStore.Spendable(db, tx);
            var chosen = new List<FundingOutput>();
            var total = Currency.Zero;
            Currency minerFee;
            var draftSize = draft.EncodedSize;
            while (true)
            {
                var size = draftSize + FixedOverheadBytes + PerInputBytes * Math.Max(1, chosen.Count);
                minerFee = fee.MaximumPerByte * (ulong)size;
                if (total >= spending + minerFee)
                {
                    break;
                }

                if (chosen.Count == spendable.Count)
                {
                    throw new InsufficientFundsException(spending + minerFee, Currency.Sum(spendable.Select(o => o.Value)));
                }

                chosen.Add(spendable[chosen.Count]);
                total += chosen[^1].Value;
            }

            var change = total - spending - minerFee;
            var transaction = draft with
            {
                SiacoinInputs = chosen.Select(o => new SiacoinInput { ParentId = o.Id, UnlockConditions = conditions }).ToArray(),
                SiacoinOutputs = change.IsZero ? draft.SiacoinOutputs : [.. draft.SiacoinOutputs, new SiacoinOutput { Value = change, UnlockHash = Address }],
                MinerFees = [.. draft.MinerFees, minerFee],
                TransactionSignatures = chosen.Select(o => new TransactionSignature { ParentId = o.Id, CoveredFields = CoveredFields.Whole }).ToArray(),
            };
            transaction = TransactionSigner.SignAll(transaction, keys.Funding, rules, tip.Height);
            FundingStore.AddPending(tx, transaction, purpose, tip.Height, time.GetUtcNow());
            tx.Commit();
            LogFunded(logger, transaction.Id.ToString(), purpose, chosen.Count, minerFee.ToDisplayString());
            return transaction;
        }
        finally
        {
            _selection.Release();
        }
    }

    /// <summary>Submits a funded transaction. If siad refuses it, it is forgotten and its inputs are free again.</summary>
    public async Task SubmitAsync(Transaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            await siad.BroadcastAsync(transaction, [], cancellationToken);
        }
        catch (SiadApiException e) when ((int)e.StatusCode == 400)
        {
            Release(transaction.Id);
            throw new TransactionRejectedException(transaction.Id, e.SiadMessage, e);
        }
    }

    public void Release(Hash256 transactionId)
    {
        using var db = database.Open();
        FundingStore.DropPending(db, transactionId);
    }

    /// <summary>Whether the transaction is one we funded and still track (unconfirmed or recently confirmed).</summary>
    public bool IsPending(Hash256? transactionId)
    {
        if (transactionId is not { } id)
        {
            return false;
        }

        using var db = database.Open();
        return FundingStore.IsPending(db, id);
    }

    public HotBalance Balance()
    {
        using var db = database.Open();
        var unspent = FundingStore.Unspent(db);
        var pending = FundingStore.Pending(db, unconfirmedOnly: true);
        var reservedIds = pending.SelectMany(p => p.Transaction.SiacoinInputs).Select(i => i.ParentId).ToHashSet();
        var confirmed = Currency.Sum(unspent.Select(o => o.Value));
        var reserved = Currency.Sum(unspent.Where(o => reservedIds.Contains(o.Id)).Select(o => o.Value));
        var incomingChange = Currency.Sum(pending.SelectMany(p => p.Transaction.SiacoinOutputs).Where(o => o.UnlockHash == Address).Select(o => o.Value));
        return new HotBalance(Address, confirmed, confirmed - reserved + incomingChange, reserved, pending.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Funded transaction {TransactionId} for {Purpose} with {Inputs} input(s), fee {Fee}")]
    private static partial void LogFunded(ILogger logger, string transactionId, string purpose, int inputs, string fee);
}

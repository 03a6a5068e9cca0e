using Microsoft.Extensions.Logging;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Siad.Dtos;

namespace Peer2Peer.Sidecar.Siad;

/// <summary>The adapter over <see cref="ISiadApi"/>: Sia types in and out, siad's quirks handled once.</summary>
public sealed partial class SiadClient(ISiadApi siad, TimeProvider time, ILogger<SiadClient> logger) : ISiadClient
{
    private readonly GuardedSiadApi api = new(siad);

    /// <summary>base64 of an empty transaction list: what siad expects in <c>parents</c> when there are none.</summary>
    private const string NoParents = "AAAAAAAAAAA=";

    public async Task<SiadVersion> GetVersionAsync(CancellationToken cancellationToken)
    {
        var response = await api.GetVersionAsync(cancellationToken);
        return SiadVersion.TryParse(response.Version, out var version, out var error) ? version : throw new UnsupportedSiadVersionException(error);
    }

    public Task<DaemonConstantsResponse> GetConstantsAsync(CancellationToken cancellationToken) => api.GetConstantsAsync(cancellationToken);

    public async Task<ConsensusTip> GetConsensusAsync(CancellationToken cancellationToken)
    {
        var response = await api.GetConsensusAsync(cancellationToken);
        return new ConsensusTip(response.Synced, response.Height, response.CurrentBlock);
    }

    public async Task<ChainBlock?> GetBlockAsync(ulong height, CancellationToken cancellationToken)
    {
        ConsensusBlockResponse response;
        try
        {
            response = await api.GetBlockAsync(height, cancellationToken);
        }
        catch (SiadApiException e) when (e.SiadMessage.Contains("block doesn't exist", StringComparison.Ordinal))
        {
            return null;
        }

        var block = response.ToBlock();
        var id = block.Id;
        if (id != response.Id)
        {
            throw new SiadProtocolException($"block at height {height}: siad says {response.Id}, its contents hash to {id}");
        }

        return new ChainBlock(height, id, block);
    }

    public async Task<TransactionFee> GetTransactionFeeAsync(CancellationToken cancellationToken)
    {
        var fee = await api.GetTpoolFeeAsync(cancellationToken);
        return new TransactionFee(fee.Minimum, fee.Maximum);
    }

    public Task BroadcastAsync(Transaction transaction, IReadOnlyList<Transaction> parents, CancellationToken cancellationToken)
    {
        // Base64 of the binary encoding: the one form both 1.3.x and 1.5.x accept.
        var form = new Dictionary<string, string>
        {
            ["parents"] = parents.Count == 0 ? NoParents : Convert.ToBase64String(EncodeList(parents)),
            ["transaction"] = Convert.ToBase64String(SiaEncoding.Encode(transaction)),
        };
        return api.BroadcastAsync(form, cancellationToken);
    }

    public async Task<bool> IsConfirmedAsync(Hash256 transactionId, CancellationToken cancellationToken) =>
        (await api.GetConfirmedAsync(transactionId, cancellationToken)).Confirmed;

    public Task<WalletResponse> GetWalletAsync(CancellationToken cancellationToken) => api.GetWalletAsync(cancellationToken);

    /// <summary>
    /// One attempt only: if the connection fails after the request may have reached siad, the wallet's recent
    /// transactions are checked for a new payment of exactly this amount to this address before reporting failure,
    /// so a caller never pays twice by retrying a send that actually went through.
    /// </summary>
    public async Task<IReadOnlyList<Hash256>> SendSiacoinsAsync(Currency amount, UnlockHash destination, CancellationToken cancellationToken)
    {
        var before = await PaymentsToAsync(amount, destination, cancellationToken);
        var form = new Dictionary<string, string> { ["amount"] = amount.ToString(), ["destination"] = destination.ToString() };
        try
        {
            var response = await api.SendSiacoinsAsync(form, cancellationToken);
            return response.TransactionIds;
        }
        catch (SiadUnreachableException e)
        {
            LogSendOutcomeUnknown(logger, amount.ToDisplayString(), destination.ToString(), e.GetType().Name);
            for (var check = 0; check < 3; check++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
                var after = await PaymentsToAsync(amount, destination, cancellationToken);
                var landed = after.Except(before).ToArray();
                if (landed.Length > 0)
                {
                    LogSendLanded(logger, landed[0].ToString());
                    return landed;
                }
            }

            throw new SiadOutcomeUnknownException($"sending {amount.ToDisplayString()} failed ({e.Message}) and no such payment appeared in the wallet", e);
        }
    }

    public Task<HostResponse> GetHostAsync(CancellationToken cancellationToken) => api.GetHostAsync(cancellationToken);

    public Task AnnounceHostAsync(string? netAddress, CancellationToken cancellationToken) =>
        api.AnnounceHostAsync(netAddress is null ? [] : new Dictionary<string, string> { ["netaddress"] = netAddress }, cancellationToken);

    public async Task<IReadOnlyList<HostDbEntry>> GetAllHostsAsync(CancellationToken cancellationToken) =>
        (await api.GetAllHostsAsync(cancellationToken)).Hosts;

    /// <summary>IDs of recent and unconfirmed wallet transactions paying exactly <paramref name="amount"/> to <paramref name="destination"/>.</summary>
    private async Task<HashSet<Hash256>> PaymentsToAsync(Currency amount, UnlockHash destination, CancellationToken cancellationToken)
    {
        var tip = await api.GetConsensusAsync(cancellationToken);
        // siad 1.3.3 parses endheight as a signed 64-bit integer: never send more than the tip.
        var start = tip.Height > 10 ? tip.Height - 10 : 0;
        var history = await api.GetWalletTransactionsAsync(start, checked((long)tip.Height), cancellationToken);
        return history.ConfirmedTransactions.Concat(history.UnconfirmedTransactions)
            .Where(t => t.Transaction.SiacoinOutputs.Any(o => o.UnlockHash == destination && o.Value == amount))
            .Select(t => t.TransactionId)
            .ToHashSet();
    }

    private static byte[] EncodeList(IReadOnlyList<Transaction> transactions)
    {
        var encoder = new SiaEncoder();
        encoder.WriteList(transactions);
        return encoder.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Amount} to {Destination} failed with {Error}; checking whether it went through")]
    private static partial void LogSendOutcomeUnknown(ILogger logger, string amount, string destination, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "The payment went through after all: transaction {TransactionId}")]
    private static partial void LogSendLanded(ILogger logger, string transactionId);
}

/// <summary>siad's version is not one the sidecar supports.</summary>
public sealed class UnsupportedSiadVersionException(string message) : SiadException(message);
